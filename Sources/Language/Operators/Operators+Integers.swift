/// SMT-LIB Ints on 64-bit integers: `IntegerSemantics` computes them, failing where the
/// exact result does not fit (and on division by zero).
extension Operators {
    private typealias S = IntegerSemantics

    static let integers: [Row] = [
        Row(.add, "+", [.int, .int], .int, smt: "+", commutative: true, .binary { a, b throws(EvaluationFailure) in
            let (x, y) = try ints(a, b)
            return .int(try S.add(x, y))
        }),
        Row(.subtract, "-", [.int, .int], .int, smt: "-", .binary { a, b throws(EvaluationFailure) in
            let (x, y) = try ints(a, b)
            return .int(try S.subtract(x, y))
        }),
        Row(.negate, "-", [.int], .int, smt: "-", .unary { a throws(EvaluationFailure) in .int(try S.negate(try int(a))) }),
        Row(.multiply, "*", [.int, .int], .int, smt: "*", commutative: true, .binary { a, b throws(EvaluationFailure) in
            let (x, y) = try ints(a, b)
            return .int(try S.multiply(x, y))
        }),
        Row(.div, "div", [.int, .int], .int, smt: "div", .binary { a, b throws(EvaluationFailure) in
            let (x, y) = try ints(a, b)
            return .int(try S.div(x, y))
        }),
        Row(.mod, "mod", [.int, .int], .int, smt: "mod", .binary { a, b throws(EvaluationFailure) in
            let (x, y) = try ints(a, b)
            return .int(try S.mod(x, y))
        }),
        Row(.abs, "abs", [.int], .int, smt: "abs", .unary { a throws(EvaluationFailure) in .int(try S.abs(try int(a))) }),
        Row(.less, "<", [.int, .int], .bool, smt: "<", .binary { a, b throws(EvaluationFailure) in
            let (x, y) = try ints(a, b)
            return .bool(x < y)
        }),
        Row(.lessOrEqual, "<=", [.int, .int], .bool, smt: "<=", .binary { a, b throws(EvaluationFailure) in
            let (x, y) = try ints(a, b)
            return .bool(x <= y)
        }),
        Row(.greater, ">", [.int, .int], .bool, aliases: ["gt?"], smt: ">", .binary { a, b throws(EvaluationFailure) in
            let (x, y) = try ints(a, b)
            return .bool(x > y)
        }),
        Row(.greaterOrEqual, ">=", [.int, .int], .bool, smt: ">=", .binary { a, b throws(EvaluationFailure) in
            let (x, y) = try ints(a, b)
            return .bool(x >= y)
        }),
    ]
}
