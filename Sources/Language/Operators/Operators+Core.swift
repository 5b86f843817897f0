/// SMT-LIB Core: equality at every type, `ite`, and the Boolean connectives.
extension Operators {
    private static let t0 = TypeExpr.variable(0)

    static let core: [Row] = [
        // Equality compares any two values of one type (functions by identity); bit-vectors
        // of different widths are of different types.
        Row(.equal, "=", [t0, t0], .bool, aliases: [Alias("eq?", [.int, .int], .bool)], smt: "=",
            commutative: true, work: .comparesShorter, .binary { a, b throws(EvaluationFailure) in
                try requireOneWidth(a, b)
                return .bool(a == b)
            }),
        Row(.distinct, "distinct", [t0, t0], .bool, smt: "distinct",
            commutative: true, work: .comparesShorter, .binary { a, b throws(EvaluationFailure) in
                try requireOneWidth(a, b)
                return .bool(a != b)
            }),
        // The evaluators evaluate only the branch taken; these semantics choose between two values.
        Row(.ite, "ite", [.bool, t0, t0], t0, aliases: ["if"], smt: "ite", work: .none,
            .ternary { condition, a, b throws(EvaluationFailure) in try bool(condition) ? a : b }),
        Row(.not, "not", [.bool], .bool, smt: "not", .unary { a throws(EvaluationFailure) in .bool(!(try bool(a))) }),
        Row(.and, "and", [.bool, .bool], .bool, smt: "and", commutative: true, .binary { a, b throws(EvaluationFailure) in
            let (x, y) = try bools(a, b)
            return .bool(x && y)
        }),
        Row(.or, "or", [.bool, .bool], .bool, smt: "or", commutative: true, .binary { a, b throws(EvaluationFailure) in
            let (x, y) = try bools(a, b)
            return .bool(x || y)
        }),
        Row(.xor, "xor", [.bool, .bool], .bool, smt: "xor", commutative: true, .binary { a, b throws(EvaluationFailure) in
            let (x, y) = try bools(a, b)
            return .bool(x != y)
        }),
        Row(.implies, "=>", [.bool, .bool], .bool, smt: "=>", .binary { a, b throws(EvaluationFailure) in
            let (x, y) = try bools(a, b)
            return .bool(!x || y)
        }),
    ]

    /// Fails on two bit-vectors of different widths, which no typed program compares.
    @inline(__always)
    private static func requireOneWidth(_ a: Value, _ b: Value) throws(EvaluationFailure) {
        if case .bitVector(let x) = a, case .bitVector(let y) = b, x.width != y.width { throw .typeMismatch }
    }
}
