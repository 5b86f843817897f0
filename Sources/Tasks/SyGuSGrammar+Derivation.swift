import Language

extension SyGuSGrammar {
    /// The choices of the derivation of `expression` from `start` with the fewest choices
    /// (the first such), in preorder: `(nonterminal, production)`, where
    /// production `nil` is a constant taken under `(Constant S)`; `nil` when the grammar
    /// cannot derive the expression.
    ///
    /// A `.nonterminal(n)` leaf in `expression` stands for any program of nonterminal `n`: it
    /// is derived, with no choice, where the derivation reaches nonterminal `n` (directly or
    /// through chain productions). So `derivation(of: (bvand N N), from: S) != nil` says that
    /// every `(bvand a b)` with `a` and `b` from `N` is a program of `S`.
    public func derivation(of expression: Expression, from start: Int = 0) -> [(nonterminal: Int, production: Int?)]? {
        var memo: [Key: [(nonterminal: Int, production: Int?)]?] = [:]
        return bestDerivation(expression, start, &memo, depth: 0)
    }

    private func bestDerivation(_ e: Expression, _ nt: Int, _ memo: inout [Key: [(nonterminal: Int, production: Int?)]?], depth: Int) -> [(nonterminal: Int, production: Int?)]? {
        if depth > 200 { return nil }
        if case .nonterminal(let hole) = e, hole == nt { return [] }
        let key = Key(expression: e, nonterminal: nt)
        if let known = memo[key] { return known }
        memo[key] = .some(nil)  // guards against cycles of chain productions
        var best: [(nonterminal: Int, production: Int?)]?
        for (index, template) in nonterminals[nt].productions.enumerated() {
            var holes: [(Expression, Int)] = []
            guard Self.match(template, e, &holes) else { continue }
            var choices: [(nonterminal: Int, production: Int?)] = [(nt, index)]
            var derivable = true
            for (sub, hole) in holes {
                guard let inner = bestDerivation(sub, hole, &memo, depth: depth + 1) else {
                    derivable = false
                    break
                }
                choices += inner
            }
            if derivable, best == nil || choices.count < best!.count { best = choices }
        }
        if best == nil, nonterminals[nt].allowsAnyConstant, case .constant(let v) = e, v.type == nonterminals[nt].sort {
            best = [(nt, nil)]
        }
        memo[key] = .some(best)
        return best
    }

    private struct Key: Hashable {
        var expression: Expression
        var nonterminal: Int
    }

    /// Whether `e` has the shape of `template`, collecting the subexpressions at its holes.
    private static func match(_ template: Expression, _ e: Expression, _ holes: inout [(Expression, Int)]) -> Bool {
        switch (template, e) {
        case (.nonterminal(let i), _):
            holes.append((e, i))
            return true
        case (.builtin(let p, let xs), .builtin(let q, let ys)):
            return p == q && xs.count == ys.count && zip(xs, ys).allSatisfy { match($0, $1, &holes) }
        case (.definition(let d, let xs), .definition(let c, let ys)):
            return d == c && xs.count == ys.count && zip(xs, ys).allSatisfy { match($0, $1, &holes) }
        default:
            return template == e
        }
    }
}
