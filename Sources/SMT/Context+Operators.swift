import CZ3

/// Applying SMT-LIB 2.6 operators by name.
extension Context {
    /// The SMT-LIB operator `op` applied to `args`, e.g. `apply("bvadd", [x, y])`.
    ///
    /// Supported: core `= distinct ite not and or xor =>`; integers `+ - * div mod abs < <= >
    /// >=`; bit-vectors `bvnot bvneg bvand bvor bvxor bvnand bvnor bvxnor bvcomp bvadd bvsub
    /// bvmul bvudiv bvurem bvsdiv bvsrem bvsmod bvshl bvlshr bvashr bvult bvule bvugt bvuge
    /// bvslt bvsle bvsgt bvsge concat`; strings `str.++ str.len str.at str.substr str.indexof
    /// str.replace str.replace_all str.prefixof str.suffixof str.contains str.to_int
    /// str.from_int str.< str.<=` (and the old names `str.to.int`, `int.to.str`).
    /// `and or + * str.++ distinct` are n-ary, `xor bvand bvor bvxor bvadd bvmul concat`
    /// associate to the left, `=>` to the right, `= < <= > >=` chain; unary `-` negates;
    /// `str.indexof` also takes two arguments (offset 0). Division follows SMT-LIB: `bvudiv x 0`
    /// is all ones, `bvurem x 0` is `x`.
    ///
    /// - Throws: ``SMTError/unknownOperator(_:arity:)`` for a name or arity not listed;
    ///   ``SMTError/z3(code:message:operation:)`` when the sorts do not fit (the context stays
    ///   usable); ``SMTError/invalidArgument(_:)`` for a term of another context.
    public func apply(_ op: String, _ args: [Term]) throws(SMTError) -> Term {
        guard let definition = OperatorTable.definitions[op], definition.arity.contains(args.count) else {
            throw .unknownOperator(op, arity: args.count)
        }
        try requireOwned(args, in: "applying \(op)")
        return try definition.build(self, op, args)
    }

    // MARK: Builders used by the operator table

    typealias Raw1 = @Sendable (OpaquePointer?, OpaquePointer?) -> OpaquePointer?
    typealias Raw2 = @Sendable (OpaquePointer?, OpaquePointer?, OpaquePointer?) -> OpaquePointer?
    typealias Raw3 = @Sendable (OpaquePointer?, OpaquePointer?, OpaquePointer?, OpaquePointer?) -> OpaquePointer?
    typealias RawN = @Sendable (OpaquePointer?, UInt32, UnsafePointer<OpaquePointer?>?) -> OpaquePointer?

    func make(_ op: String, _ args: [Term], _ function: Raw1) throws(SMTError) -> Term {
        try term(function(raw, args[0].raw), describe(op, args))
    }

    func make(_ op: String, _ args: [Term], _ function: Raw2) throws(SMTError) -> Term {
        try term(function(raw, args[0].raw, args[1].raw), describe(op, args))
    }

    func make(_ op: String, _ args: [Term], _ function: Raw3) throws(SMTError) -> Term {
        try term(function(raw, args[0].raw, args[1].raw, args[2].raw), describe(op, args))
    }

    func make(_ op: String, _ args: [Term], _ function: RawN) throws(SMTError) -> Term {
        let result = args.map { Optional($0.raw) }.withUnsafeBufferPointer {
            function(raw, UInt32($0.count), $0.baseAddress)
        }
        return try term(result, describe(op, args))
    }

    /// `((a op b) op c) ...`; every intermediate term is wrapped (referenced) at once.
    func makeLeftAssociative(_ op: String, _ args: [Term], _ function: Raw2) throws(SMTError) -> Term {
        var result = try make(op, Array(args[0...1]), function)
        for next in args.dropFirst(2) {
            result = try make(op, [result, next], function)
        }
        return result
    }

    /// `a op (b op (c ...))`.
    func makeRightAssociative(_ op: String, _ args: [Term], _ function: Raw2) throws(SMTError) -> Term {
        var result = try make(op, Array(args.suffix(2)), function)
        for previous in args.dropLast(2).reversed() {
            result = try make(op, [previous, result], function)
        }
        return result
    }

    /// `(a op b) and (b op c) and ...`.
    func makeChain(_ op: String, _ args: [Term], _ function: Raw2) throws(SMTError) -> Term {
        if args.count == 2 { return try make(op, args, function) }
        var links: [Term] = []
        for index in 0..<(args.count - 1) {
            links.append(try make(op, [args[index], args[index + 1]], function))
        }
        return try make("and", links, Z3_mk_and as RawN)
    }
}
