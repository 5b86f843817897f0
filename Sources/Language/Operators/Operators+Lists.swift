/// DreamCoder's list DSL. SMT-LIB has none of these. `map`, `fold` and `unfold` call their
/// function arguments back, so the evaluators run them; lists longer than
/// `Evaluator.maximumListLength` are a `.budgetExhausted` failure.
extension Operators {
    private static let (t0, t1) = (TypeExpr.variable(0), TypeExpr.variable(1))

    static let lists: [Row] = [
        // `map f l` = `[f l0, f l1, …]`.
        Row(.map, "map", [.arrow(t0, t1), .list(t0)], .list(t1), smt: nil, .higherOrder),
        // `fold l z f` = `f l0 (f l1 (… (f ln z)))`.
        Row(.fold, "fold", [.list(t0), t1, .function([t0, t1], t1)], t1, smt: nil, .higherOrder),
        // `unfold x p h n` emits `h x` and steps `x = n x` until `p x` holds.
        Row(.unfold, "unfold", [t0, .arrow(t0, .bool), .arrow(t0, t1), .arrow(t0, t0)], .list(t1), smt: nil,
            .higherOrder),
        // `[0, 1, …, n - 1]`.
        Row(.range, "range", [.int], .list(.int), smt: nil, work: .buildsRange, .unary { a throws(EvaluationFailure) in
            let n = try int(a)
            guard n <= Evaluator.maximumListLength else { throw .budgetExhausted }
            return .list(n <= 0 ? [] : (0..<n).map { .int($0) })
        }),
        Row(.index, "index", [.int, .list(t0)], t0, smt: nil, work: .none, .binary { a, b throws(EvaluationFailure) in
            let (i, items) = (try int(a), try list(b))
            guard i >= 0 && i < items.count else { throw .indexOutOfRange }
            return items[i]
        }),
        Row(.length, "length", [.list(t0)], .int, smt: nil, .unary { a throws(EvaluationFailure) in .int(try list(a).count) }),
        Row(.cons, "cons", [t0, .list(t0)], .list(t0), smt: nil, work: .copiesList,
            .binary { a, b throws(EvaluationFailure) in
                let items = try list(b)
                guard items.count < Evaluator.maximumListLength else { throw .budgetExhausted }
                return .list([a] + items)
            }),
        Row(.car, "car", [.list(t0)], t0, smt: nil, .unary { a throws(EvaluationFailure) in
            guard let first = try list(a).first else { throw .emptyList }
            return first
        }),
        Row(.cdr, "cdr", [.list(t0)], .list(t0), smt: nil, work: .copiesTail, .unary { a throws(EvaluationFailure) in
            let items = try list(a)
            guard !items.isEmpty else { throw .emptyList }
            return .list(Array(items.dropFirst()))
        }),
        Row(.isEmpty, "empty?", [.list(t0)], .bool, smt: nil,
            .unary { a throws(EvaluationFailure) in .bool(try list(a).isEmpty) }),
        Row(.isPrime, "is-prime", [.int], .bool, smt: nil,
            .unary { a throws(EvaluationFailure) in .bool(IntegerSemantics.isPrime(try int(a))) }),
        Row(.isSquare, "is-square", [.int], .bool, smt: nil,
            .unary { a throws(EvaluationFailure) in .bool(IntegerSemantics.isSquare(try int(a))) }),
    ]
}
