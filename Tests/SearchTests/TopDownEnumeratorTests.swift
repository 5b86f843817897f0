import Foundation
import Grammar
import Language
import Search
import Testing

/// A small polymorphic grammar: `+`, `0`, `1`, `cons`, `empty`, `car`, with uneven weights.
private let grammar = try! Grammar(parsing: """
    (variable -0.3)
    (primitive + "int -> int -> int" -0.5)
    (primitive 0 "int" 0.2)
    (primitive 1 "int" -1.0)
    (primitive cons "t0 -> list(t0) -> list(t0)" 0.0)
    (primitive empty "list(t0)" -0.7)
    (primitive car "list(t0) -> t0" -1.3)
    """)

/// The same with contextual weights: `cons` wants a variable as its head, `car` dislikes `empty`.
private let contextualGrammar = try! Grammar(parsing: grammar.fileText + """
    (contextual (cons "t0 -> list(t0) -> list(t0)") 0 $ 1.5)
    (contextual (cons "t0 -> list(t0) -> list(t0)") 1 (empty "list(t0)") 0.8)
    (contextual (+ "int -> int -> int") 1 (1 "int") -2.5)
    (contextual root 0 (cons "t0 -> list(t0) -> list(t0)") -0.4)
    """)

private let request = try! TypeExpr(parsing: "int -> list(int)")

/// Every η-long program of type `type` with at most `size` nodes, by brute force.
private func programs(_ type: TypeExpr, _ environment: [TypeExpr], size: Int, _ grammar: Grammar = grammar) -> [Program] {
    guard size > 0 else { return [] }
    if case .arrow(let argument, let result) = type {
        return programs(result, environment + [argument], size: size - 1).map { .lambda($0) }
    }
    var result: [Program] = []
    var heads: [(Program, TypeExpr)] = grammar.productions.map { ($0.program, $0.type) }
    for (i, t) in environment.reversed().enumerated() { heads.append((.variable(i), t)) }
    for (head, headType) in heads {
        var context = TypeContext(nextVariable: 100)
        let instantiated = context.instantiate(headType)
        guard (try? context.unify(instantiated.returnType, type)) != nil else { continue }
        let argumentTypes = instantiated.arguments.map { context.apply($0) }
        if argumentTypes.contains(where: \.isPolymorphic) { continue }  // bounded brute force: concrete types only
        var partial: [(Program, Int)] = [(head, 1)]
        for argumentType in argumentTypes {
            var next: [(Program, Int)] = []
            for (program, used) in partial {
                for argument in programs(argumentType, environment, size: size - used) {
                    next.append((.apply(program, argument), used + nodes(argument)))
                }
            }
            partial = next
        }
        result += partial.filter { nodes($0.0) <= size }.map(\.0)
    }
    return result
}

/// Whether some `(+ a b)` in `program` has a `b` that depth-first order puts before `a`
/// (choices ranked productions first, by index, then variables): the twin the search cuts.
private func hasSwappedSum(_ program: Program, _ grammar: Grammar) -> Bool {
    let leaves = grammar.productions.map(\.program)
    func ranks(_ p: Program) -> [Int] {
        if case .lambda(let body) = p { return [-1] + ranks(body) }
        let (head, arguments) = p.spine
        let rank: Int
        if case .variable(let index) = head { rank = leaves.count + index } else { rank = leaves.firstIndex(of: head)! }
        return [rank] + arguments.flatMap(ranks)
    }
    if case .lambda(let body) = program { return hasSwappedSum(body, grammar) }
    let (head, arguments) = program.spine
    if case .primitive(let primitive) = head, primitive.name == "+", ranks(arguments[1]).lexicographicallyPrecedes(ranks(arguments[0])) {
        return true
    }
    return arguments.contains { hasSwappedSum($0, grammar) }
}

/// Nodes counted as choices: every leaf and every lambda.
private func nodes(_ p: Program) -> Int {
    switch p {
    case .primitive, .invented, .variable: return 1
    case .lambda(let body): return 1 + nodes(body)
    case .apply(let f, let x): return nodes(f) + nodes(x)
    }
}

@Suite struct TopDownEnumeratorTests {
    @Test(arguments: [false, true])
    func programsComeOutInNonIncreasingPriorWithNoneMissedOrRepeated(contextual: Bool) throws {
        let grammar = contextual ? contextualGrammar : grammar
        #expect(grammar.isContextual == contextual)
        let enumerator = TopDownEnumerator(grammar: grammar, request: request)
        var produced: [(Program, Double)] = []
        _ = enumerator.run(maximumCost: 9.0) { program, logPrior in
            produced.append((program, logPrior))
            return true
        }
        // Non-increasing prior, and each prior is the grammar's own likelihood of the program.
        for (a, b) in zip(produced, produced.dropFirst()) {
            #expect(a.1 >= b.1 - 1e-9, "\(a.0) (\(a.1)) before \(b.0) (\(b.1))")
        }
        for (program, logPrior) in produced {
            let expected = try #require(grammar.logPrior(of: program, request: request))
            #expect(abs(expected - logPrior) < 1e-9, "\(program)")
            #expect(try program.inferType() == request || (try? program.check(against: request)) != nil)
        }
        // None repeated.
        #expect(Set(produced.map(\.0)).count == produced.count)
        // None missed: every brute-force program within the cost bound appears (pruned
        // shapes such as (car (cons x y)) excepted by construction of the grammar's rules, and
        // sums whose arguments come in the other order where both slots weigh choices alike).
        let all = programs(request, [], size: 7)
        let expected = Set(all.filter { program in
            guard let p = grammar.logPrior(of: program, request: request) else { return false }
            return -p <= 9.0 && !"\(program)".contains("(car (cons") && !"\(program)".contains("(car empty)")
                && !"\(program)".contains("(+ 0") && !"\(program)".contains(" 0)")
                && (contextual || !hasSwappedSum(program, grammar))
        })
        let producedSet = Set(produced.map(\.0))
        #expect(expected.isSubset(of: producedSet), "missed: \(expected.subtracting(producedSet).map(\.description).sorted().prefix(5))")
        #expect(produced.count > 30)
    }

    @Test func contextualWeightsReorderTheSearch() {
        func first(_ grammar: Grammar) -> String? {
            var found: String?
            _ = TopDownEnumerator(grammar: grammar, request: try! TypeExpr(parsing: "int -> int")).run(maximumCost: 30) { program, _ in
                guard case .lambda(.apply) = program else { return true }
                found = "\(program)"
                return false
            }
            return found
        }
        let plain = try! Grammar(parsing: """
            (primitive + "int -> int -> int")
            (primitive 1 "int")
            """)
        #expect(first(plain) == "(lambda (+ 1 1))")
        let preferVariable = try! Grammar(parsing: plain.fileText + "(contextual (+ \"int -> int -> int\") 0 $ 3.0)\n")
        #expect(first(preferVariable) == "(lambda (+ $0 1))")
    }

    @Test func lambdasBindVariablesWithCorrectIndices() {
        let grammar = try! Grammar(parsing: """
            (primitive map "(t0 -> t1) -> list(t0) -> list(t1)")
            (primitive + "int -> int -> int")
            (primitive 1 "int")
            """)
        let enumerator = TopDownEnumerator(grammar: grammar, request: try! TypeExpr(parsing: "list(int) -> list(int)"))
        var found: Program?
        _ = enumerator.run(maximumCost: 20) { program, _ in
            let output = try? Evaluator().run(program, on: [.list([.int(1), .int(5)])])
            if output == .list([.int(2), .int(6)]) {
                found = program
                return false
            }
            return true
        }
        #expect(found?.description == "(lambda (map (lambda (+ 1 $0)) $0))")
    }
}
