import CZ3

/// Operators that Z3 4.8.12 knows but its C API cannot build (`abs`, `bvcomp`,
/// `str.replace_all`): their declarations are read once per argument-sort list from a tiny
/// SMT-LIB script and cached in ``Context/builtinDeclarations``.
extension Context {
    /// `op` applied to `args` through Z3's own declaration of `op` for these sorts.
    func makeBuiltin(_ op: String, _ args: [Term]) throws(SMTError) -> Term {
        let sorts = args.map { $0.sort.description }
        let key = ([op] + sorts).joined(separator: " ")
        let declaration: OpaquePointer
        if let cached = builtinDeclarations[key] {
            declaration = cached
        } else {
            declaration = try parseBuiltinDeclaration(op, sorts: sorts, operation: describe(op, args))
            builtinDeclarations[key] = declaration
        }
        let result = args.map { Optional($0.raw) }.withUnsafeBufferPointer {
            Z3_mk_app(raw, declaration, UInt32($0.count), $0.baseAddress)
        }
        return try term(result, describe(op, args))
    }

    /// Parses `(assert (= (op a0 ...) (op a0 ...)))` and returns `op`'s declaration with one
    /// reference taken (released in `Context.deinit`).
    private func parseBuiltinDeclaration(_ op: String, sorts: [String], operation: String) throws(SMTError) -> OpaquePointer {
        let names = sorts.indices.map { "a\($0)" }
        let application = "(\(op) \(names.joined(separator: " ")))"
        let script = zip(names, sorts).map { "(declare-const \($0) \($1))" }.joined()
            + "(assert (= \(application) \(application)))"
        let vector = Z3_parse_smtlib2_string(raw, script, 0, nil, nil, 0, nil, nil)
        try check(operation)
        guard let vector else {
            throw .z3(code: -1, message: "Z3 returned no formulas", operation: operation)
        }
        Z3_ast_vector_inc_ref(raw, vector)
        defer { Z3_ast_vector_dec_ref(raw, vector) }
        guard Z3_ast_vector_size(raw, vector) == 1,
              let equation = Z3_ast_vector_get(raw, vector, 0),
              Z3_get_ast_kind(raw, equation) == Z3_APP_AST,
              let side = Z3_get_app_arg(raw, Z3_to_app(raw, equation), 0),
              Z3_get_ast_kind(raw, side) == Z3_APP_AST,
              let declaration = Z3_get_app_decl(raw, Z3_to_app(raw, side)),
              Z3_get_decl_kind(raw, declaration) != Z3_OP_UNINTERPRETED
        else {
            throw .z3(code: -1, message: "Z3 did not produce the built-in \(op)", operation: operation)
        }
        Z3_inc_ref(raw, Z3_func_decl_to_ast(raw, declaration))
        return declaration
    }
}
