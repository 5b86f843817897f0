import SMT

/// Proves `claim` by showing that its negation is unsatisfiable on a fresh QF_BV-or-default solver.
func isValid(_ claim: Term, in z3: Context, logic: String? = nil) throws -> Bool {
    let solver = try z3.makeSolver(logic: logic)
    try solver.add(z3.apply("not", [claim]))
    if case .unsat = try solver.check() { return true }
    return false
}

/// The model of a satisfiable check, or `nil`.
func model(of result: CheckResult) -> Model? {
    if case .sat(let model) = result { return model }
    return nil
}

extension Context {
    func bv64(_ name: String) throws -> Term { try constant(name, sort: bitVectorSort(width: 64)) }
    func bv64(_ value: UInt64) throws -> Term { try bitVector(value, width: 64) }
}
