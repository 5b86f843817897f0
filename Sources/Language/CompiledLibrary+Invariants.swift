extension CompiledLibrary {
    /// Whether every abstraction body is exactly one well-formed tree over the symbols, as the
    /// compiler reads it without bounds checks. Checked in debug builds when a library is made.
    var bodiesAreWellFormed: Bool {
        let arities = symbols.map { Int($0.arity) }
        for symbol in symbols where symbol.kind == .invented {
            var open = 1
            var position = Int(symbol.body)
            while open > 0 {
                guard position < bodies.count else { return false }
                open -= 1
                switch ProgramCode.decode(bodies[position]) {
                case .leaf(let c):
                    guard c < arities.count else { return false }
                    open += arities[c]
                case .lambda: open += 1
                case .variable(_, let arity): open += arity
                }
                position += 1
            }
        }
        return true
    }
}
