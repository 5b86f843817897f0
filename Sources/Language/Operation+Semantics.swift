/// First-order semantics of every operation on `Value`s: its catalogue row's `Semantics`,
/// found through `Operators.dispatch`. Higher-order operations (`map`, `fold`, `unfold`) call
/// functions back and live in `Evaluator`; `ite` is computed here only when its arguments are
/// already values. Calling an operation with another number of arguments than its arity is a
/// `.typeMismatch`.
extension Operation {
    /// Computes a unary operation.
    @inlinable
    public func evaluate(_ a: Value) throws(EvaluationFailure) -> Value {
        guard case .unary(let f) = Operators.dispatch[rawValue].semantics else { throw .typeMismatch }
        return try f(a)
    }

    /// Computes a binary operation.
    @inlinable
    public func evaluate(_ a: Value, _ b: Value) throws(EvaluationFailure) -> Value {
        guard case .binary(let f) = Operators.dispatch[rawValue].semantics else { throw .typeMismatch }
        return try f(a, b)
    }

    /// Computes a ternary first-order operation (both branches of `ite` already evaluated).
    @inlinable
    public func evaluate(_ a: Value, _ b: Value, _ c: Value) throws(EvaluationFailure) -> Value {
        guard case .ternary(let f) = Operators.dispatch[rawValue].semantics else { throw .typeMismatch }
        return try f(a, b, c)
    }
}

