import CZ3

/// One Z3 context: the factory for sorts, terms, function declarations and solvers.
///
/// Invariants:
/// - The context is reference counted (`Z3_mk_context_rc`) and runs without Z3's default
///   error handler, so a failing call never exits the process; every call that can fail is
///   checked with ``check(_:)`` and becomes an ``SMTError``. After an error the context is
///   still usable.
/// - Every ``Sort``, ``Term``, ``FunctionDeclaration``, ``Solver`` and ``Model`` holds its
///   context strongly and balances its Z3 reference count, so `Z3_del_context` in `deinit`
///   runs only after all of them are gone.
/// - A context is not `Sendable`: use one per task (Z3 contexts are not thread safe).
///
/// ```swift
/// let z3 = try Context()
/// let x = try z3.constant("x", sort: z3.bitVectorSort(width: 64))
/// let solver = try z3.makeSolver(logic: "QF_BV")
/// try solver.add(z3.apply("bvult", [x, z3.bitVector(3, width: 64)]))
/// if case .sat(let model) = try solver.check() { print(try model.evaluate(x)) }
/// ```
public final class Context {
    /// The underlying `Z3_context`; never escapes the SMT module.
    let raw: OpaquePointer
    /// Built-in declarations that the C API of Z3 4.8.12 lacks (see
    /// `Context+BuiltinDeclarations.swift`), keyed by operator and argument sorts; each one
    /// holds one Z3 reference released in `deinit`.
    var builtinDeclarations: [String: OpaquePointer] = [:]

    /// Creates a fresh context with model generation enabled.
    public init() throws(SMTError) {
        guard let config = Z3_mk_config() else {
            throw .z3(code: -1, message: "Z3_mk_config returned no configuration", operation: "creating a context")
        }
        defer { Z3_del_config(config) }
        Z3_set_param_value(config, "model", "true")
        guard let context = Z3_mk_context_rc(config) else {
            throw .z3(code: -1, message: "Z3_mk_context_rc returned no context", operation: "creating a context")
        }
        Z3_set_error_handler(context, nil)
        raw = context
    }

    deinit {
        for declaration in builtinDeclarations.values {
            Z3_dec_ref(raw, Z3_func_decl_to_ast(raw, declaration))
        }
        Z3_del_context(raw)
    }

    /// The sort of Booleans.
    public var boolSort: Sort { Sort(context: self, raw: Z3_mk_bool_sort(raw)) }
    /// The sort of mathematical integers.
    public var intSort: Sort { Sort(context: self, raw: Z3_mk_int_sort(raw)) }
    /// The sort of strings (sequences of characters up to U+2FFFF in Z3 4.8.12).
    public var stringSort: Sort { Sort(context: self, raw: Z3_mk_string_sort(raw)) }

    /// The sort of bit-vectors of `width` bits; `width` must be at least 1.
    public func bitVectorSort(width: Int) throws(SMTError) -> Sort {
        guard width >= 1, width <= Int(UInt32.max) else {
            throw .invalidArgument("a bit-vector width must lie in 1...\(UInt32.max), got \(width)")
        }
        let sort = Z3_mk_bv_sort(raw, UInt32(width))
        try check("creating the sort (_ BitVec \(width))")
        return Sort(context: self, raw: sort!)
    }

    /// Throws the pending Z3 error, if any, naming `operation`, and clears it.
    ///
    /// Call it after every Z3 call that can fail and before `Z3_inc_ref` on its result
    /// (`Z3_inc_ref` resets the error code).
    func check(_ operation: @autoclosure () -> String) throws(SMTError) {
        let code = Z3_get_error_code(raw)
        guard code != Z3_OK else { return }
        let message = Z3_get_error_msg(raw, code).map { String(cString: $0) } ?? "unknown error"
        Z3_set_error(raw, Z3_OK)
        throw .z3(code: Int(code.rawValue), message: message, operation: operation())
    }

    /// Checks the pending error, then wraps the freshly made AST `ast` as a ``Term``.
    func term(_ ast: OpaquePointer?, _ operation: @autoclosure () -> String) throws(SMTError) -> Term {
        try check(operation())
        guard let ast else {
            throw .z3(code: -1, message: "Z3 returned no term", operation: operation())
        }
        return Term(context: self, raw: ast)
    }

    /// Throws unless every term belongs to this context (mixing contexts is undefined in Z3).
    func requireOwned(_ terms: [Term], in operation: @autoclosure () -> String) throws(SMTError) {
        for term in terms where term.context !== self {
            throw .invalidArgument("\(operation()) received a term from another context")
        }
    }
}

extension Context {
    /// A new solver. With `logic` (an SMT-LIB logic such as `"QF_BV"`), Z3 picks a solver
    /// tuned for it; an unknown logic name throws.
    public func makeSolver(logic: String? = nil) throws(SMTError) -> Solver {
        try Solver(context: self, logic: logic)
    }
}
