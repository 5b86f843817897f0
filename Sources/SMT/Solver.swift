import CZ3

/// A Z3 solver: a stack of assertions that ``check()`` decides.
///
/// Two ways to ask many queries: `push()`, `add`, `check()`, `pop()` on one solver (fast for
/// satisfiable counterexample queries), or a solver made with `logic: "QF_BV"` and `reset()`
/// between queries (7-10× faster for 64-bit unsat proofs). The timeout survives `reset()`.
///
/// Invariant: holds one Z3 reference and its ``Context`` strongly for its whole life.
public final class Solver: CustomStringConvertible {
    let context: Context
    let raw: OpaquePointer
    /// The timeout set by ``setTimeout(milliseconds:)``, re-applied after ``reset()``.
    private var timeoutMilliseconds: UInt32?
    /// Interrupts a ``check(deadline:)`` that outlives its deadline; its thread starts on first use.
    var interruptTimer: InterruptTimer?

    init(context: Context, logic: String?) throws(SMTError) {
        let solver: OpaquePointer?
        let operation: String
        if let logic {
            operation = "creating a solver for the logic \(logic)"
            solver = Z3_mk_solver_for_logic(context.raw, try context.symbol(logic))
        } else {
            operation = "creating a solver"
            solver = Z3_mk_solver(context.raw)
        }
        try context.check(operation)
        guard let solver else {
            throw .z3(code: -1, message: "Z3 returned no solver", operation: operation)
        }
        self.context = context
        self.raw = solver
        Z3_solver_inc_ref(context.raw, solver)
    }

    deinit {
        interruptTimer?.finish()
        Z3_solver_dec_ref(context.raw, raw)
    }

    /// Asserts the Boolean term `formula`.
    public func add(_ formula: Term) throws(SMTError) {
        guard formula.context === context else {
            throw .invalidArgument("Solver.add received a term from another context")
        }
        guard Z3_get_sort_kind(context.raw, Z3_get_sort(context.raw, formula.raw)) == Z3_BOOL_SORT else {
            throw .invalidArgument("Solver.add needs a Bool formula, got \(formula) of sort \(formula.sort)")
        }
        Z3_solver_assert(context.raw, raw, formula.raw)
        try context.check("asserting \(formula)")
    }

    /// Opens a scope: assertions added after it are dropped by the matching ``pop(_:)``.
    public func push() {
        Z3_solver_push(context.raw, raw)
    }

    /// Closes the innermost `n` scopes. Asking for more scopes than are open closes all of
    /// them; `n <= 0` does nothing.
    public func pop(_ n: Int = 1) {
        let count = min(n, scopeDepth)
        guard count > 0 else { return }
        Z3_solver_pop(context.raw, raw, UInt32(count))
    }

    /// The number of open scopes.
    public var scopeDepth: Int { Int(Z3_solver_get_num_scopes(context.raw, raw)) }

    /// Removes every assertion and scope; the timeout stays set.
    public func reset() {
        Z3_solver_reset(context.raw, raw)
        if let timeoutMilliseconds {
            try? apply(timeoutMilliseconds: timeoutMilliseconds)
        }
    }

    /// Makes ``check()`` give up with `.unknown(reason: "timeout")` or `"canceled"` after
    /// about `milliseconds` ms (0 means no limit, as in Z3).
    public func setTimeout(milliseconds: Int) throws(SMTError) {
        guard milliseconds >= 0, milliseconds <= Int(UInt32.max) else {
            throw .invalidArgument("a timeout must lie in 0...\(UInt32.max) ms, got \(milliseconds)")
        }
        try apply(timeoutMilliseconds: UInt32(milliseconds))
        timeoutMilliseconds = UInt32(milliseconds)
    }

    private func apply(timeoutMilliseconds: UInt32) throws(SMTError) {
        let parameters = try Parameters(context: context)
        try parameters.set("timeout", timeoutMilliseconds)
        Z3_solver_set_params(context.raw, raw, parameters.raw)
        try context.check("setting the solver timeout to \(timeoutMilliseconds) ms")
    }

    /// Decides the current assertions. A timeout is `.unknown`, not an error.
    public func check() throws(SMTError) -> CheckResult {
        let outcome = Z3_solver_check(context.raw, raw)
        try context.check("checking satisfiability")
        switch outcome {
        case Z3_L_TRUE:
            let model = Z3_solver_get_model(context.raw, raw)
            try context.check("reading the model")
            guard let model else {
                throw .z3(code: -1, message: "Z3 returned no model", operation: "reading the model")
            }
            return .sat(Model(context: context, raw: model))
        case Z3_L_FALSE:
            return .unsat
        default:
            let reason = Z3_solver_get_reason_unknown(context.raw, raw).map { String(cString: $0) } ?? "unknown"
            try context.check("reading the reason for unknown")
            return .unknown(reason: reason)
        }
    }

    /// The assertions in SMT-LIB form.
    public var description: String {
        Z3_solver_to_string(context.raw, raw).map { String(cString: $0) } ?? "<solver>"
    }
}
