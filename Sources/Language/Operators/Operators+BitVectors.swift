/// SMT-LIB FixedSizeBitVectors at any width from 1 to 64, on the raw bits (`a`, `b`: the low
/// `width` bits of a `UInt64`, higher bits zero; `mask` is `BitVector.mask(width)`).
/// Division by zero follows SMT-LIB: `bvudiv x 0` is all ones, `bvurem x 0` is `x`, and the
/// signed forms follow from them (`BitVectorSemantics`).
extension Operators {
    private typealias S = BitVectorSemantics

    static let bitVectors: [Row] = [
        Row(.bvnot, "bvnot", .bitVectorUnary, smt: "bvnot",
            .unary { x throws(EvaluationFailure) in try bitVector(x) { a, mask in ~a & mask } }),
        Row(.bvneg, "bvneg", .bitVectorUnary, smt: "bvneg",
            .unary { x throws(EvaluationFailure) in try bitVector(x) { a, mask in (0 &- a) & mask } }),
        Row(.bvand, "bvand", .bitVectorBinary, smt: "bvand", commutative: true,
            .binary { x, y throws(EvaluationFailure) in try bitVectors(x, y) { a, b, _, _ in a & b } }),
        Row(.bvor, "bvor", .bitVectorBinary, smt: "bvor", commutative: true,
            .binary { x, y throws(EvaluationFailure) in try bitVectors(x, y) { a, b, _, _ in a | b } }),
        Row(.bvxor, "bvxor", .bitVectorBinary, smt: "bvxor", commutative: true,
            .binary { x, y throws(EvaluationFailure) in try bitVectors(x, y) { a, b, _, _ in a ^ b } }),
        Row(.bvnand, "bvnand", .bitVectorBinary, smt: "bvnand", commutative: true,
            .binary { x, y throws(EvaluationFailure) in try bitVectors(x, y) { a, b, _, mask in ~(a & b) & mask } }),
        Row(.bvnor, "bvnor", .bitVectorBinary, smt: "bvnor", commutative: true,
            .binary { x, y throws(EvaluationFailure) in try bitVectors(x, y) { a, b, _, mask in ~(a | b) & mask } }),
        Row(.bvxnor, "bvxnor", .bitVectorBinary, smt: "bvxnor", commutative: true,
            .binary { x, y throws(EvaluationFailure) in try bitVectors(x, y) { a, b, _, mask in ~(a ^ b) & mask } }),
        Row(.bvadd, "bvadd", .bitVectorBinary, smt: "bvadd", commutative: true,
            .binary { x, y throws(EvaluationFailure) in try bitVectors(x, y) { a, b, _, mask in (a &+ b) & mask } }),
        Row(.bvsub, "bvsub", .bitVectorBinary, smt: "bvsub",
            .binary { x, y throws(EvaluationFailure) in try bitVectors(x, y) { a, b, _, mask in (a &- b) & mask } }),
        Row(.bvmul, "bvmul", .bitVectorBinary, smt: "bvmul", commutative: true,
            .binary { x, y throws(EvaluationFailure) in try bitVectors(x, y) { a, b, _, mask in (a &* b) & mask } }),
        Row(.bvudiv, "bvudiv", .bitVectorBinary, smt: "bvudiv", .binary { x, y throws(EvaluationFailure) in
            try bitVectors(x, y) { a, b, _, mask in S.udiv(a, b, mask: mask) }
        }),
        Row(.bvurem, "bvurem", .bitVectorBinary, smt: "bvurem",
            .binary { x, y throws(EvaluationFailure) in try bitVectors(x, y) { a, b, _, _ in S.urem(a, b) } }),
        Row(.bvsdiv, "bvsdiv", .bitVectorBinary, smt: "bvsdiv", .binary { x, y throws(EvaluationFailure) in
            try bitVectors(x, y) { a, b, width, mask in S.sdiv(a, b, width: width, mask: mask) }
        }),
        Row(.bvsrem, "bvsrem", .bitVectorBinary, smt: "bvsrem", .binary { x, y throws(EvaluationFailure) in
            try bitVectors(x, y) { a, b, width, mask in S.srem(a, b, width: width, mask: mask) }
        }),
        Row(.bvsmod, "bvsmod", .bitVectorBinary, smt: "bvsmod", .binary { x, y throws(EvaluationFailure) in
            try bitVectors(x, y) { a, b, width, mask in S.smod(a, b, width: width, mask: mask) }
        }),
        Row(.bvshl, "bvshl", .bitVectorBinary, smt: "bvshl", .binary { x, y throws(EvaluationFailure) in
            try bitVectors(x, y) { a, b, width, mask in S.shl(a, b, width: width, mask: mask) }
        }),
        Row(.bvlshr, "bvlshr", .bitVectorBinary, smt: "bvlshr", .binary { x, y throws(EvaluationFailure) in
            try bitVectors(x, y) { a, b, width, _ in S.lshr(a, b, width: width) }
        }),
        Row(.bvashr, "bvashr", .bitVectorBinary, smt: "bvashr", .binary { x, y throws(EvaluationFailure) in
            try bitVectors(x, y) { a, b, width, mask in S.ashr(a, b, width: width, mask: mask) }
        }),
        Row(.bvult, "bvult", .bitVectorComparison, smt: "bvult",
            .binary { x, y throws(EvaluationFailure) in try compareBitVectors(x, y) { a, b in a < b } }),
        Row(.bvule, "bvule", .bitVectorComparison, smt: "bvule",
            .binary { x, y throws(EvaluationFailure) in try compareBitVectors(x, y) { a, b in a <= b } }),
        Row(.bvugt, "bvugt", .bitVectorComparison, smt: "bvugt",
            .binary { x, y throws(EvaluationFailure) in try compareBitVectors(x, y) { a, b in a > b } }),
        Row(.bvuge, "bvuge", .bitVectorComparison, smt: "bvuge",
            .binary { x, y throws(EvaluationFailure) in try compareBitVectors(x, y) { a, b in a >= b } }),
        Row(.bvslt, "bvslt", .bitVectorComparison, smt: "bvslt",
            .binary { x, y throws(EvaluationFailure) in try compareSignedBitVectors(x, y) { a, b in a < b } }),
        Row(.bvsle, "bvsle", .bitVectorComparison, smt: "bvsle",
            .binary { x, y throws(EvaluationFailure) in try compareSignedBitVectors(x, y) { a, b in a <= b } }),
        Row(.bvsgt, "bvsgt", .bitVectorComparison, smt: "bvsgt",
            .binary { x, y throws(EvaluationFailure) in try compareSignedBitVectors(x, y) { a, b in a > b } }),
        Row(.bvsge, "bvsge", .bitVectorComparison, smt: "bvsge",
            .binary { x, y throws(EvaluationFailure) in try compareSignedBitVectors(x, y) { a, b in a >= b } }),
    ]
}
