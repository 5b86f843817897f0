/// The outcome of ``Solver/check()``.
///
/// `unknown` is an outcome, not an error: it is what a timeout, a cancellation or an
/// incomplete theory produce, with Z3's reason (`"timeout"`, `"canceled"`, ...).
public enum CheckResult: CustomStringConvertible {
    /// The assertions are satisfiable; the model gives values to their constants.
    case sat(Model)
    /// The assertions are unsatisfiable.
    case unsat
    /// Z3 gave up; `reason` is `Z3_solver_get_reason_unknown`.
    case unknown(reason: String)

    public var description: String {
        switch self {
        case .sat: "sat"
        case .unsat: "unsat"
        case .unknown(let reason): "unknown (\(reason))"
        }
    }
}
