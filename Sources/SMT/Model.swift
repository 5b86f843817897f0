import CZ3

/// A satisfying assignment returned by ``Solver/check()``, used to read counterexamples.
///
/// Invariant: holds one Z3 reference and its ``Context`` strongly for its whole life; it stays
/// valid after its solver changes or goes away.
public final class Model: CustomStringConvertible {
    let context: Context
    let raw: OpaquePointer

    /// Wraps `raw`, which the caller has checked for errors, taking one reference.
    init(context: Context, raw: OpaquePointer) {
        self.context = context
        self.raw = raw
        Z3_model_inc_ref(context.raw, raw)
    }

    deinit { Z3_model_dec_ref(context.raw, raw) }

    /// The value of `term` in this model. With `completion`, constants the model leaves free
    /// get a default value, so the result of a ground term is a literal (read it with
    /// ``Term/bitVectorValue``, ``Term/intValue`` and so on).
    public func evaluate(_ term: Term, completion: Bool = true) throws(SMTError) -> Term {
        guard term.context === context else {
            throw .invalidArgument("evaluate received a term from another context")
        }
        var result: OpaquePointer?
        let succeeded = Z3_model_eval(context.raw, raw, term.raw, completion, &result)
        // The result has reference count 0: check, then wrap (inc-ref) it at once.
        try context.check("evaluating \(term) in a model")
        guard succeeded, let result else {
            throw .invalidArgument("the model cannot evaluate \(term)")
        }
        return Term(context: context, raw: result)
    }

    /// Z3's listing of the model's assignments.
    public var description: String {
        Z3_model_to_string(context.raw, raw).map { String(cString: $0) } ?? "<model>"
    }
}
