import CZ3

/// Making constants, literals and applications of declared functions.
extension Context {
    /// A constant (free variable) named `name` of sort `sort`; the same name and sort give
    /// the same term.
    public func constant(_ name: String, sort: Sort) throws(SMTError) -> Term {
        let symbol = try self.symbol(name)
        try requireOwned(sort)
        return try term(Z3_mk_const(raw, symbol, sort.raw), "declaring the constant \(name) of sort \(sort)")
    }

    /// The literal `true` or `false`.
    public func bool(_ value: Bool) -> Term {
        Term(context: self, raw: value ? Z3_mk_true(raw) : Z3_mk_false(raw))
    }

    /// The integer numeral `value`; every `Int`, including `Int.min`, is accepted.
    public func int(_ value: Int) throws(SMTError) -> Term {
        try term(Z3_mk_int64(raw, Int64(value), Z3_mk_int_sort(raw)), "making the integer \(value)")
    }

    /// The bit-vector numeral of `width` bits (1...64) holding the low `width` bits of `bits`.
    public func bitVector(_ bits: UInt64, width: Int) throws(SMTError) -> Term {
        guard (1...64).contains(width) else {
            throw .invalidArgument("a bit-vector literal must be 1 to 64 bits wide, got \(width)")
        }
        let masked = width == 64 ? bits : bits & ((1 << UInt64(width)) - 1)
        let sort = try bitVectorSort(width: width)
        return try term(Z3_mk_unsigned_int64(raw, masked, sort.raw), "making the \(width)-bit vector \(masked)")
    }

    /// The string literal `value`, character for character (escapes are handled here: a
    /// backslash in `value` is a backslash). Throws for scalars above U+2FFFF, which Z3 4.8.12
    /// cannot represent.
    public func string(_ value: String) throws(SMTError) -> Term {
        let encoded = try Z3StringCodec.encode(value)
        return try term(Z3_mk_string(raw, encoded), "making the string literal \(value.debugDescription)")
    }

    /// Declares the uninterpreted function `name : domain -> range`.
    public func declareFunction(_ name: String, domain: [Sort], range: Sort) throws(SMTError) -> FunctionDeclaration {
        let symbol = try self.symbol(name)
        try requireOwned(domain + [range])
        let operation = "declaring the function \(name)"
        let declaration = domain.map { Optional($0.raw) }.withUnsafeBufferPointer {
            Z3_mk_func_decl(raw, symbol, UInt32($0.count), $0.baseAddress, range.raw)
        }
        try check(operation)
        guard let declaration else {
            throw .z3(code: -1, message: "Z3 returned no declaration", operation: operation)
        }
        return FunctionDeclaration(context: self, raw: declaration)
    }

    /// `function` applied to `args`, whose number and sorts must match its declaration.
    public func apply(_ function: FunctionDeclaration, _ args: [Term]) throws(SMTError) -> Term {
        guard function.context === self else {
            throw .invalidArgument("the function \(function.name) belongs to another context")
        }
        try requireOwned(args, in: "applying \(function.name)")
        guard args.count == function.arity else {
            throw .invalidArgument("\(function.name) takes \(function.arity) arguments, got \(args.count)")
        }
        let result = args.map { Optional($0.raw) }.withUnsafeBufferPointer {
            Z3_mk_app(raw, function.raw, UInt32($0.count), $0.baseAddress)
        }
        return try term(result, describe(function.name, args))
    }

    /// `term` rewritten by Z3's simplifier; a ground term becomes a literal.
    public func simplify(_ term: Term) throws(SMTError) -> Term {
        try requireOwned([term], in: "simplify")
        return try self.term(Z3_simplify(raw, term.raw), "simplifying \(term)")
    }

    /// A Z3 symbol for `name`, rejecting names C cannot carry.
    func symbol(_ name: String) throws(SMTError) -> OpaquePointer? {
        guard !name.utf8.contains(0) else {
            throw .invalidArgument("the name \(name.debugDescription) contains a NUL character")
        }
        return Z3_mk_string_symbol(raw, name)
    }

    func requireOwned(_ sorts: [Sort]) throws(SMTError) {
        for sort in sorts where sort.context !== self {
            throw .invalidArgument("the sort \(sort) belongs to another context")
        }
    }

    func requireOwned(_ sort: Sort) throws(SMTError) { try requireOwned([sort]) }

    /// "name applied to (sorts)", for error messages.
    func describe(_ name: String, _ args: [Term]) -> String {
        args.isEmpty ? name : "\(name) applied to \(args.map { $0.sort.description }.joined(separator: ", "))"
    }
}
