/// Why a search ended without an answer: a budget that ran out (an outcome, not an error), a
/// search space tried up to its bound, or a problem outside what the search supports. The
/// description is the reason as `ouro solve` prints it and the run store keeps it.
public enum UnknownReason: Hashable, Sendable, CustomStringConvertible {
    /// The task's time limit passed.
    case timeout
    /// The task's time limit passed before the search met a single complete program of the
    /// requested type (written out).
    case timeoutWithoutCandidates(type: String)
    /// The run's time limit (`--run-timeout`) cut the task short or kept it from starting.
    case runTimeLimit
    /// The search bank reached its memory bound, in bytes.
    case memoryLimit(bytes: Int)
    /// Every program up to the search's cost bound was tried, and none fits (the grammar
    /// derives more, dearer programs).
    case exhausted(maximumCost: Int)
    /// The problem uses something the synthesizer does not support; the text says what.
    case unsupported(String)
    /// Z3 could not decide whether a candidate is an answer; its reason (`"timeout"`, …).
    case verifier(String)
    /// Anything else, said in words.
    case other(String)

    /// Whether the time ran out: the task's or the run's limit, or Z3's share of it.
    public var isTimeLimit: Bool {
        switch self {
        case .timeout, .timeoutWithoutCandidates, .runTimeLimit: return true
        case .verifier(let reason): return reason == "timeout" || reason == "canceled"
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .timeout: return "timeout"
        case .timeoutWithoutCandidates(let type): return "timeout without a single complete program of type \(type): can the grammar build one?"
        case .runTimeLimit: return SearchStop.runTimeLimit
        case .memoryLimit(let bytes): return "the search bank reached its memory limit of \(bytes >> 20) MiB"
        case .exhausted(let cost): return "every program up to cost \(cost) was tried"
        case .unsupported(let what): return "not supported: \(what)"
        case .verifier(let reason): return "Z3 could not verify a candidate: \(reason)"
        case .other(let text): return text
        }
    }
}

/// Reasons a search stops that the run, not the task, decides.
public enum SearchStop {
    /// The reason given for a task that the run's time limit (`--run-timeout`) cut short or
    /// kept from starting.
    public static let runTimeLimit = "the run's time limit was reached"
}
