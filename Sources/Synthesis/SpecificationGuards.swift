import Language
import Tasks

/// Guards read off a single-invocation specification: for a term `t`, the constraints with
/// the function's call replaced by `t` say exactly where `t` is a correct output. A list of
/// terms that together are correct everywhere then makes an answer,
/// `(ite spec[t1] t1 (ite spec[t2] t2 … tk))`, however many cases the function has
/// (the way single-invocation solvers rebuild solutions, Reynolds et al. CAV 2015).
///
/// Applies when the function's grammar allows any term of its logic (no grammar in the
/// file) and every call passes the declared variables themselves as arguments.
struct SpecificationGuards {
    let problem: SyGuSProblem
    let function: Int
    /// The parameter that each declared variable is passed as.
    let parameterOfVariable: [Int: Int]

    init?(_ specification: Specification) {
        let problem = specification.problem
        let function = problem.functions[specification.function]
        guard specification.isSingleInvocation, !function.hasExplicitGrammar,
              let arguments = specification.invocations.first?.arguments else { return nil }
        var mapping: [Int: Int] = [:]
        for (parameter, argument) in arguments.enumerated() {
            guard case .variable(let v) = argument, mapping[v] == nil else { return nil }
            mapping[v] = parameter
        }
        self.problem = problem
        self.function = specification.function
        self.parameterOfVariable = mapping
        for constraint in problem.constraints where translate(constraint, replacing: .constant(.int(0))) == nil { return nil }
    }

    /// Where `term` (an expression over the function's parameters) is a correct output.
    func condition(for term: Expression) -> Expression? {
        var conjuncts: [Expression] = []
        var seen: Set<Expression> = []
        for constraint in problem.constraints {
            guard let c = translate(constraint, replacing: term).map(Self.simplify) else { return nil }
            if c == .constant(.bool(true)) { continue }
            if seen.insert(c).inserted { conjuncts.append(c) }
        }
        return conjuncts.dropFirst().reduce(conjuncts.first ?? .constant(.bool(true))) { Self.call("and", [$0, $1], .bool) }
    }

    /// Terms the constraints equate with the function's call: likely outputs.
    var equatedTerms: [Expression] {
        var terms: [Expression] = []
        var seen: Set<Expression> = []
        func visit(_ e: Expression) {
            switch e {
            case .builtin(let p, let sides):
                if case .operation(.equal) = p.implementation, sides.count == 2 {
                    for (call, other) in [(sides[0], sides[1]), (sides[1], sides[0])] {
                        if case .synthesized(function, _) = call, !other.callsSynthesizedFunction,
                           let term = translate(other, replacing: .constant(.int(0))), seen.insert(term).inserted {
                            terms.append(term)
                        }
                    }
                }
                sides.forEach(visit)
            case .definition(let d, let xs):
                xs.forEach(visit)
                visit(problem.definitions[d].body.substitutingParameters(xs))
            case .synthesized(_, let xs): xs.forEach(visit)
            case .constant, .variable, .parameter, .nonterminal: break
            }
        }
        problem.constraints.forEach(visit)
        return terms
    }

    /// `e` over the function's parameters, with helpers inlined, implications rewritten with
    /// `or`/`not`, and every call of the function replaced by `term`.
    private func translate(_ e: Expression, replacing term: Expression, depth: Int = 0) -> Expression? {
        if depth > 100 { return nil }
        switch e {
        case .constant: return e
        case .variable(let v): return parameterOfVariable[v].map(Expression.parameter)
        case .parameter, .nonterminal: return nil
        case .synthesized(let f, _): return f == function ? term : nil
        case .definition(let d, let xs):
            return translate(problem.definitions[d].body.substitutingParameters(xs), replacing: term, depth: depth + 1)
        case .builtin(let p, let xs):
            var arguments: [Expression] = []
            for x in xs {
                guard let y = translate(x, replacing: term, depth: depth + 1) else { return nil }
                arguments.append(y)
            }
            if case .operation(.implies) = p.implementation, arguments.count == 2 {
                return Self.call("or", [Self.call("not", [arguments[0]], .bool), arguments[1]], .bool)
            }
            return .builtin(p, arguments)
        }
    }

    /// Folds what the substitution made trivial: `(>= t t)` is true, `(or true …)` is true,
    /// `(and true b)` is `b`, and so on.
    static func simplify(_ e: Expression) -> Expression {
        guard case .builtin(let p, let xs) = e, case .operation(let op) = p.implementation else { return e }
        let arguments = xs.map(simplify)
        let t = Expression.constant(.bool(true)), f = Expression.constant(.bool(false))
        let same = arguments.count == 2 && arguments[0] == arguments[1]
        switch op {
        case .equal, .greaterOrEqual, .lessOrEqual:
            if same { return t }
        case .less, .greater, .distinct:
            if same { return f }
        case .not:
            if arguments == [t] { return f }
            if arguments == [f] { return t }
        case .or:
            if arguments.contains(t) { return t }
            let rest = arguments.filter { $0 != f }
            if rest.count < arguments.count { return rest.count == 1 ? rest[0] : rest.isEmpty ? f : .builtin(p, rest) }
        case .and:
            if arguments.contains(f) { return f }
            let rest = arguments.filter { $0 != t }
            if rest.count < arguments.count { return rest.count == 1 ? rest[0] : rest.isEmpty ? t : .builtin(p, rest) }
        default: break
        }
        return .builtin(p, arguments)
    }

    static func call(_ name: String, _ arguments: [Expression], _ sort: TypeExpr) -> Expression {
        let sorts: [TypeExpr] = name == "not" ? [.bool] : name == "ite" ? [.bool, sort, sort] : [.bool, .bool]
        return .builtin(Builtins.primitive(named: name, argumentSorts: sorts)!, arguments)
    }

    /// The answer `(ite spec[t1] t1 (ite … tk))` for terms chosen to cover every example.
    func decisionList(_ terms: [Expression], sort: TypeExpr) -> Expression? {
        guard var answer = terms.last else { return nil }
        for term in terms.dropLast().reversed() {
            guard let guardExpression = condition(for: term) else { return nil }
            answer = Self.call("ite", [guardExpression, term, answer], sort)
        }
        return answer
    }
}

/// Terms gathered for a decision list guarded by the specification, and the choice of a few
/// that cover every example (greedy set cover).
struct DecisionList {
    let guards: SpecificationGuards
    private(set) var terms: [(term: Expression, cover: Bitset)] = []
    private var covered: Bitset

    init(guards: SpecificationGuards, rowCount: Int) {
        self.guards = guards
        covered = Bitset(count: rowCount)
    }

    /// Keeps `term` if it is correct on some example no kept term covers a superset of;
    /// returns whether it was kept. The term is built only when it is kept.
    @discardableResult
    mutating func add(_ term: @autoclosure () -> Expression, cover: Bitset) -> Bool {
        guard !cover.isEmpty, terms.count < 4_000 else { return false }
        for existing in terms where cover.isSubset(of: existing.cover) { return false }
        terms.append((term(), cover))
        covered = covered.union(cover)
        return true
    }

    /// A decision list over terms that cover every example, once the terms do.
    func answer(sort: TypeExpr) -> Expression? {
        guard covered.isFull else { return nil }
        var uncovered = covered
        var chosen: [Expression] = []
        while !uncovered.isEmpty {
            guard let best = terms.indices.max(by: { terms[$0].cover.intersectionCount(uncovered) < terms[$1].cover.intersectionCount(uncovered) }),
                  terms[best].cover.intersectionCount(uncovered) > 0 else { return nil }
            chosen.append(terms[best].term)
            uncovered = uncovered.subtracting(terms[best].cover)
        }
        return guards.decisionList(chosen, sort: sort)
    }
}
