import CZ3

/// Reading SMT-LIB 2 scripts.
extension Context {
    /// The formulas asserted by the SMT-LIB 2 script `text`, in order.
    ///
    /// The script may use the `declarations` (for example the declaration of a constant made
    /// with ``constant(_:sort:)``, from ``Term/declaration``) under their own names.
    /// Syntax and sort errors throw ``SMTError/z3(code:message:operation:)`` with Z3's
    /// message, which gives line and column.
    public func parseSMTLIB2(_ text: String, declarations: [FunctionDeclaration] = []) throws(SMTError) -> [Term] {
        guard !text.utf8.contains(0) else {
            throw .invalidArgument("SMT-LIB text contains a NUL character")
        }
        for declaration in declarations where declaration.context !== self {
            throw .invalidArgument("the declaration \(declaration.name) belongs to another context")
        }
        let names = declarations.map { Z3_get_decl_name(raw, $0.raw) }
        let decls = declarations.map { Optional($0.raw) }
        let vector = names.withUnsafeBufferPointer { names in
            decls.withUnsafeBufferPointer { decls in
                Z3_parse_smtlib2_string(
                    raw, text, 0, nil, nil, UInt32(decls.count), names.baseAddress, decls.baseAddress)
            }
        }
        try check("parsing SMT-LIB 2 text")
        guard let vector else { return [] }
        Z3_ast_vector_inc_ref(raw, vector)
        defer { Z3_ast_vector_dec_ref(raw, vector) }
        let count = Z3_ast_vector_size(raw, vector)
        var formulas: [Term] = []
        formulas.reserveCapacity(Int(count))
        for index in 0..<count {
            formulas.append(try term(Z3_ast_vector_get(raw, vector, index), "reading parsed formula \(index)"))
        }
        return formulas
    }
}
