/// First-order operations as the evaluator runs them: the steps their catalogue row's
/// `Operators.Work` says they cost are charged before they compute (and what they built,
/// after), so that a run's time and memory stay proportional to its steps. The compiled
/// evaluator counts the same for the operations it runs (`cons`, `cdr`, `range`).
extension Machine {
    /// Computes first-order `op` on one argument value.
    @inline(__always)
    mutating func compute(_ op: Operation, _ x: Value) throws(EvaluationFailure) -> Value {
        let work = operators[op.rawValue].work
        try tick(work.steps(x))
        guard case .unary(let f) = operators[op.rawValue].semantics else { throw .typeMismatch }
        return try charged(work, f(x))
    }

    /// Computes first-order `op` on two argument values.
    @inline(__always)
    mutating func compute(_ op: Operation, _ x: Value, _ y: Value) throws(EvaluationFailure) -> Value {
        let work = operators[op.rawValue].work
        try tick(work.steps(x, y))
        guard case .binary(let f) = operators[op.rawValue].semantics else { throw .typeMismatch }
        return try charged(work, f(x, y))
    }

    /// Computes first-order `op` on three argument values (both branches of `ite` evaluated).
    @inline(__always)
    mutating func compute(_ op: Operation, _ x: Value, _ y: Value, _ z: Value) throws(EvaluationFailure) -> Value {
        let work = operators[op.rawValue].work
        try tick(work.steps(x, y, z))
        guard case .ternary(let f) = operators[op.rawValue].semantics else { throw .typeMismatch }
        return try charged(work, f(x, y, z))
    }

    /// `value`, the result of an operation of `work`, after charging what it built where that
    /// can exceed what it scanned (`str.replace_all`).
    @inline(__always)
    private mutating func charged(_ work: Operators.Work, _ value: Value) throws(EvaluationFailure) -> Value {
        try tick(work.steps(after: value))
        return value
    }
}
