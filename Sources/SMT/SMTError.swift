/// An error raised while building terms or talking to Z3.
///
/// Every failing Z3 call is turned into one of these values: the process never exits and the
/// ``Context`` that raised the error stays usable. Running out of time is not an error; it is
/// ``CheckResult/unknown(reason:)``.
public enum SMTError: Error, CustomStringConvertible, Equatable {
    /// Z3 rejected `operation` with its error `code` (`Z3_error_code`) and `message`,
    /// for example a sort mismatch in `bvadd`.
    case z3(code: Int, message: String, operation: String)
    /// No supported SMT-LIB operator has this name and number of arguments.
    case unknownOperator(String, arity: Int)
    /// An argument is outside what the API accepts (a width of 0, a term from another
    /// context, a character outside Z3's alphabet, ...); the payload says which.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .z3(code, message, operation):
            "Z3 rejected \(operation): \(message) (Z3 error code \(code))."
        case let .unknownOperator(name, arity):
            "No supported SMT-LIB operator '\(name)' takes \(arity) argument\(arity == 1 ? "" : "s")."
        case let .invalidArgument(message):
            "Invalid argument: \(message)."
        }
    }
}
