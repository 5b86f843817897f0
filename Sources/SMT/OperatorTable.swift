import CZ3

/// One supported SMT-LIB operator: the argument counts it accepts and how to build it.
struct OperatorDefinition: Sendable {
    let arity: ClosedRange<Int>
    let build: @Sendable (Context, String, [Term]) throws(SMTError) -> Term

    static func unary(_ function: @escaping Context.Raw1) -> Self {
        Self(arity: 1...1) { context, op, args throws(SMTError) in try context.make(op, args, function) }
    }

    static func binary(_ function: @escaping Context.Raw2) -> Self {
        Self(arity: 2...2) { context, op, args throws(SMTError) in try context.make(op, args, function) }
    }

    static func ternary(_ function: @escaping Context.Raw3) -> Self {
        Self(arity: 3...3) { context, op, args throws(SMTError) in try context.make(op, args, function) }
    }

    static func nary(_ function: @escaping Context.RawN) -> Self {
        Self(arity: 2...Int.max) { context, op, args throws(SMTError) in try context.make(op, args, function) }
    }

    static func leftAssociative(_ function: @escaping Context.Raw2) -> Self {
        Self(arity: 2...Int.max) { context, op, args throws(SMTError) in
            try context.makeLeftAssociative(op, args, function)
        }
    }

    static func rightAssociative(_ function: @escaping Context.Raw2) -> Self {
        Self(arity: 2...Int.max) { context, op, args throws(SMTError) in
            try context.makeRightAssociative(op, args, function)
        }
    }

    static func chainable(_ function: @escaping Context.Raw2) -> Self {
        Self(arity: 2...Int.max) { context, op, args throws(SMTError) in try context.makeChain(op, args, function) }
    }

    /// An operator missing from Z3 4.8.12's C API, taken from its SMT-LIB parser.
    static func builtin(arity: Int) -> Self {
        Self(arity: arity...arity) { context, op, args throws(SMTError) in try context.makeBuiltin(op, args) }
    }
}

/// The operators ``Context/apply(_:_:)`` understands, by SMT-LIB name.
enum OperatorTable {
    static let definitions: [String: OperatorDefinition] = core
        .merging(integers) { first, _ in first }
        .merging(bitVectors) { first, _ in first }
        .merging(strings) { first, _ in first }

    static let core: [String: OperatorDefinition] = [
        "=": .chainable(Z3_mk_eq),
        "distinct": .nary(Z3_mk_distinct),
        "ite": .ternary(Z3_mk_ite),
        "not": .unary(Z3_mk_not),
        "and": .nary(Z3_mk_and),
        "or": .nary(Z3_mk_or),
        "xor": .leftAssociative(Z3_mk_xor),
        "=>": .rightAssociative(Z3_mk_implies),
    ]

    static let integers: [String: OperatorDefinition] = [
        "+": .nary(Z3_mk_add),
        "*": .nary(Z3_mk_mul),
        "-": OperatorDefinition(arity: 1...Int.max) { context, op, args throws(SMTError) in
            args.count == 1
                ? try context.make(op, args, Z3_mk_unary_minus as Context.Raw1)
                : try context.make(op, args, Z3_mk_sub as Context.RawN)
        },
        "div": .binary(Z3_mk_div),
        "mod": .binary(Z3_mk_mod),
        "abs": .builtin(arity: 1),
        "<": .chainable(Z3_mk_lt),
        "<=": .chainable(Z3_mk_le),
        ">": .chainable(Z3_mk_gt),
        ">=": .chainable(Z3_mk_ge),
    ]

    static let bitVectors: [String: OperatorDefinition] = [
        "bvnot": .unary(Z3_mk_bvnot),
        "bvneg": .unary(Z3_mk_bvneg),
        "bvand": .leftAssociative(Z3_mk_bvand),
        "bvor": .leftAssociative(Z3_mk_bvor),
        "bvxor": .leftAssociative(Z3_mk_bvxor),
        "bvadd": .leftAssociative(Z3_mk_bvadd),
        "bvmul": .leftAssociative(Z3_mk_bvmul),
        "concat": .leftAssociative(Z3_mk_concat),
        "bvnand": .binary(Z3_mk_bvnand),
        "bvnor": .binary(Z3_mk_bvnor),
        "bvxnor": .binary(Z3_mk_bvxnor),
        "bvcomp": .builtin(arity: 2),
        "bvsub": .binary(Z3_mk_bvsub),
        "bvudiv": .binary(Z3_mk_bvudiv),
        "bvurem": .binary(Z3_mk_bvurem),
        "bvsdiv": .binary(Z3_mk_bvsdiv),
        "bvsrem": .binary(Z3_mk_bvsrem),
        "bvsmod": .binary(Z3_mk_bvsmod),
        "bvshl": .binary(Z3_mk_bvshl),
        "bvlshr": .binary(Z3_mk_bvlshr),
        "bvashr": .binary(Z3_mk_bvashr),
        "bvult": .binary(Z3_mk_bvult),
        "bvule": .binary(Z3_mk_bvule),
        "bvugt": .binary(Z3_mk_bvugt),
        "bvuge": .binary(Z3_mk_bvuge),
        "bvslt": .binary(Z3_mk_bvslt),
        "bvsle": .binary(Z3_mk_bvsle),
        "bvsgt": .binary(Z3_mk_bvsgt),
        "bvsge": .binary(Z3_mk_bvsge),
    ]

    static let strings: [String: OperatorDefinition] = [
        "str.++": .nary(Z3_mk_seq_concat),
        "str.len": .unary(Z3_mk_seq_length),
        "str.at": .binary(Z3_mk_seq_at),
        "str.substr": .ternary(Z3_mk_seq_extract),
        "str.indexof": OperatorDefinition(arity: 2...3) { context, op, args throws(SMTError) in
            let offset = args.count == 3 ? args[2] : try context.int(0)
            return try context.make(op, [args[0], args[1], offset], Z3_mk_seq_index as Context.Raw3)
        },
        "str.replace": .ternary(Z3_mk_seq_replace),
        "str.replace_all": .builtin(arity: 3),
        "str.prefixof": .binary(Z3_mk_seq_prefix),
        "str.suffixof": .binary(Z3_mk_seq_suffix),
        "str.contains": .binary(Z3_mk_seq_contains),
        "str.to_int": .unary(Z3_mk_str_to_int),
        "str.to.int": .unary(Z3_mk_str_to_int),
        "str.from_int": .unary(Z3_mk_int_to_str),
        "int.to.str": .unary(Z3_mk_int_to_str),
        "str.<": .binary(Z3_mk_str_lt),
        "str.<=": .binary(Z3_mk_str_le),
    ]
}
