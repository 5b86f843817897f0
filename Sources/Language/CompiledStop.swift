/// Why a compiled run ended without a value: one of the reference's failures, or `fallback`
/// when the run left the compiled subset (its arena would pass the memory bound, or a list
/// handle is not one, which only an ill-typed program can produce) and the reference must
/// run the candidate instead.
enum CompiledStop: Error {
    case overflow, divisionByZero, emptyList, indexOutOfRange, budgetExhausted
    case fallback

    init(_ failure: EvaluationFailure) {
        switch failure {
        case .overflow: self = .overflow
        case .divisionByZero: self = .divisionByZero
        case .emptyList: self = .emptyList
        case .indexOutOfRange: self = .indexOutOfRange
        case .budgetExhausted: self = .budgetExhausted
        case .typeMismatch, .unboundVariable, .opaquePrimitive: self = .fallback
        }
    }

    /// The reference's failure; `nil` for `fallback`.
    var failure: EvaluationFailure? {
        switch self {
        case .overflow: return .overflow
        case .divisionByZero: return .divisionByZero
        case .emptyList: return .emptyList
        case .indexOutOfRange: return .indexOutOfRange
        case .budgetExhausted: return .budgetExhausted
        case .fallback: return nil
        }
    }
}
