/// A corpus rewritten with one new abstraction.
struct Rewrite {
    var store: TermStore
    var roots: [Int32]
    /// Applications of the new abstraction, counted over every occurrence in every program.
    var uses: Int

    func cost(of roots: [Int32]) -> Int {
        roots.reduce(0) { $0 + Int(store.costs[Int($1)]) }
    }
}

extension CompressionStep {
    /// The body of a finished pattern, with `#i` for its arguments.
    func body(of finished: FinishedPattern) -> Term {
        func term(_ slot: Int32) -> Term {
            switch finished.pattern.shape[Int(slot)] {
            case .hole: preconditionFailure("a finished pattern has no holes")
            case .argument(let index): return .argument(Int(index))
            case .primitive(let symbol): return .primitive(store.symbols[Int(symbol)])
            case .variable(let index): return .variable(Int(index))
            case .lambda(let body): return .lambda(term(body))
            case .application(let function, let argument): return .application(term(function), term(argument))
            }
        }
        return term(0)
    }

    /// The corpus with `name` applied wherever the utility pass chose to use the abstraction.
    mutating func rewrite(with finished: FinishedPattern, name: String) -> Rewrite {
        let pattern = finished.pattern
        var chosen = Set<Int32>()
        _ = cumulativeSavings(of: pattern) { location, _ in chosen.insert(location) }
        var index: [Int32: Int] = [:]
        for (position, location) in pattern.locations.enumerated() where chosen.contains(location) {
            index[location] = position
        }

        // Rewrite into a scratch store (node by node, memoised: a subterm rewrites the same
        // wherever it occurs), then copy what the programs reach into a fresh store.
        var scratch = TermStore()
        let symbol = scratch.symbol(name)
        var memo = [Int32](repeating: -1, count: corpusCount)
        func rewritten(_ id: Int32) -> Int32 {
            if memo[Int(id)] >= 0 { return memo[Int(id)] }
            var result: Int32
            if let position = index[id] {
                result = scratch.add(.primitive(symbol))
                for argument in pattern.arguments {
                    let inner = rewritten(argument.original[position])
                    // The rewritten argument keeps its free variables, so lowering cannot fail.
                    let passed = scratch.loweredOutOf(inner, lambdas: argument.lambdas)!
                    result = scratch.add(.application(result, passed))
                }
            } else {
                switch store[id] {
                case .primitive(let symbol): result = scratch.add(.primitive(scratch.symbol(store.symbols[Int(symbol)])))
                case .variable(let index): result = scratch.add(.variable(index))
                case .lambda(let body): result = scratch.add(.lambda(rewritten(body)))
                case .application(let function, let argument):
                    let f = rewritten(function)
                    result = scratch.add(.application(f, rewritten(argument)))
                }
            }
            memo[Int(id)] = result
            return result
        }
        let scratchRoots = roots.map { rewritten($0) }

        var fresh = TermStore()
        var copies: [Int32: Int32] = [:]
        let freshRoots = scratchRoots.map { fresh.copy($0, from: scratch, memo: &copies) }
        let occurrences = CompressionStep.occurrences(in: fresh, roots: freshRoots)
        var uses = 0
        for id in 0..<fresh.count {
            if case .primitive(let s) = fresh[Int32(id)], fresh.symbols[Int(s)] == name { uses += Int(occurrences[id]) }
        }
        return Rewrite(store: fresh, roots: freshRoots, uses: uses)
    }
}
