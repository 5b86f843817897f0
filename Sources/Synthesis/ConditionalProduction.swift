import Language
import Tasks

/// A production of the start symbol that chooses between two programs of the start symbol:
/// `(ite B S S)`, or a helper whose body is one, such as PBE_BV's
/// `(im c a b) = (ite (= c #x…01) a b)`. Divide and conquer joins terms with it.
struct ConditionalProduction {
    /// The production's index among the start symbol's productions.
    var production: Int
    var template: Expression
    var conditionHole: Int
    var thenHole: Int
    var elseHole: Int
    /// The nonterminal whose programs are the guards.
    var guardNonterminal: Int
    /// For a guard compared with a constant (`(= c k)`), the constant; `nil` for Boolean guards.
    var trueWhenEqualTo: Value?
    /// The nonterminal that has the conditional: the start symbol, or one it derives by a
    /// chain of productions `Start → N` (the terms joined come from it).
    var nonterminal: Int

    /// Finds the first conditional production of `grammar`'s start symbol, or of a
    /// nonterminal of the same sort that the start symbol derives through chain productions.
    static func find(in grammar: SyGuSGrammar, definitions: [FunctionDefinition]) -> ConditionalProduction? {
        guard let startSort = grammar.nonterminals.first?.sort else { return nil }
        var reachable = [0]
        var next = 0
        while next < reachable.count {
            for production in grammar.nonterminals[reachable[next]].productions {
                if case .nonterminal(let j) = production, grammar.nonterminals[j].sort == startSort, !reachable.contains(j) {
                    reachable.append(j)
                }
            }
            next += 1
        }
        for nonterminal in reachable {
            if let found = find(in: grammar, nonterminal: nonterminal, definitions: definitions) { return found }
        }
        return nil
    }

    private static func find(in grammar: SyGuSGrammar, nonterminal: Int, definitions: [FunctionDefinition]) -> ConditionalProduction? {
        let marker = 1_000_000
        for (index, production) in grammar.nonterminals[nonterminal].productions.enumerated() {
            var holeNonterminals: [Int] = []
            let marked = mark(production, marker, &holeNonterminals)
            guard holeNonterminals.count == 3, let inlined = inline(marked, definitions, depth: 0),
                  case .builtin(let ite, let parts) = inlined, case .operation(.ite) = ite.implementation, parts.count == 3,
                  case .nonterminal(let thenMark) = parts[1], case .nonterminal(let elseMark) = parts[2],
                  thenMark >= marker, elseMark >= marker,
                  holeNonterminals[thenMark - marker] == nonterminal, holeNonterminals[elseMark - marker] == nonterminal else { continue }
            var conditionMark: Int?
            var constant: Value?
            switch parts[0] {
            case .nonterminal(let m) where m >= marker:
                conditionMark = m
            case .builtin(let eq, let sides) where eq.implementation == .operation(.equal) && sides.count == 2:
                if case .nonterminal(let m) = sides[0], m >= marker, case .constant(let k) = sides[1] { conditionMark = m; constant = k }
                if case .nonterminal(let m) = sides[1], m >= marker, case .constant(let k) = sides[0] { conditionMark = m; constant = k }
            default:
                break
            }
            guard let conditionMark else { continue }
            let guardNonterminal = holeNonterminals[conditionMark - marker]
            if constant == nil && grammar.nonterminals[guardNonterminal].sort != .bool { continue }
            return ConditionalProduction(production: index, template: production, conditionHole: conditionMark - marker,
                                         thenHole: thenMark - marker, elseHole: elseMark - marker,
                                         guardNonterminal: guardNonterminal, trueWhenEqualTo: constant, nonterminal: nonterminal)
        }
        return nil
    }

    /// The production with its holes filled: `condition`, `then`, `otherwise`.
    func build(condition: Expression, then: Expression, otherwise: Expression) -> Expression {
        var children = Array(repeating: otherwise, count: 3)
        children[conditionHole] = condition
        children[thenHole] = then
        children[elseHole] = otherwise
        return template.fillingHoles(children)
    }

    /// Replaces the k-th hole by `.nonterminal(marker + k)`, recording each hole's nonterminal.
    private static func mark(_ e: Expression, _ marker: Int, _ holes: inout [Int]) -> Expression {
        switch e {
        case .nonterminal(let i):
            holes.append(i)
            return .nonterminal(marker + holes.count - 1)
        case .constant, .variable, .parameter: return e
        case .builtin(let p, let xs): return .builtin(p, xs.map { mark($0, marker, &holes) })
        case .definition(let d, let xs): return .definition(d, xs.map { mark($0, marker, &holes) })
        case .synthesized(let f, let xs): return .synthesized(f, xs.map { mark($0, marker, &holes) })
        }
    }

    /// `e` with every helper call replaced by the helper's body.
    private static func inline(_ e: Expression, _ definitions: [FunctionDefinition], depth: Int) -> Expression? {
        if depth > 50 { return nil }
        switch e {
        case .constant, .variable, .parameter, .nonterminal, .synthesized: return e
        case .builtin(let p, let xs):
            var inlined: [Expression] = []
            for x in xs {
                guard let y = inline(x, definitions, depth: depth + 1) else { return nil }
                inlined.append(y)
            }
            return .builtin(p, inlined)
        case .definition(let d, let xs):
            var arguments: [Expression] = []
            for x in xs {
                guard let y = inline(x, definitions, depth: depth + 1) else { return nil }
                arguments.append(y)
            }
            return inline(definitions[d].body.substitutingParameters(arguments), definitions, depth: depth + 1)
        }
    }
}
