extension CompressionStep {
    /// The exact utility of a complete pattern.
    ///
    /// A use at a location saves the body's cost minus the abstraction's leaf and one
    /// application per argument, plus one copy of each argument the body uses more than once.
    /// Uses can overlap (one inside another's body); a pass from the leaves up decides at each
    /// location whether using the abstraction there beats the best rewrite of its children,
    /// where a use keeps the savings of rewrites inside its arguments.
    mutating func evaluate(_ pattern: Pattern) -> FinishedPattern {
        let compressive = cumulativeSavings(of: pattern) { _, _ in }
        return FinishedPattern(pattern: pattern, utility: compressive - pattern.bodyCost, compressiveUtility: compressive)
    }

    /// Runs the bottom-up pass, calling `choose(location, true)` where a use is taken, and
    /// returns the total saving over the corpus.
    mutating func cumulativeSavings(of pattern: Pattern, choose: (Int32, Bool) -> Void) -> Int32 {
        let arity = Int32(pattern.arguments.count)
        let base = pattern.bodyCost - Int32(CostModel.leaf) - arity * Int32(CostModel.application)
        for (index, location) in pattern.locations.enumerated() { locationIndex[Int(location)] = Int32(index) }
        defer { for location in pattern.locations { locationIndex[Int(location)] = -1 } }

        for id in 0..<corpusCount {
            let without: Int32
            switch store[Int32(id)] {
            case .lambda(let body): without = cumulative[Int(body)]
            case .application(let function, let argument): without = cumulative[Int(function)] + cumulative[Int(argument)]
            case .primitive, .variable: without = 0
            }
            let index = Int(locationIndex[id])
            guard index >= 0 else {
                cumulative[id] = without
                continue
            }
            var with = base
            for argument in pattern.arguments {
                with += cumulative[Int(argument.original[index])]
                with += (argument.occurrences - 1) * store.costs[Int(argument.lowered[index])]
            }
            if with > without {
                cumulative[id] = with
                choose(Int32(id), true)
            } else {
                cumulative[id] = without
            }
        }
        return roots.reduce(0) { $0 + cumulative[Int($1)] }
    }
}
