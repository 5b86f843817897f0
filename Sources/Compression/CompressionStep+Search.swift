extension CompressionStep {
    /// The abstraction of highest utility (ties go to the first found), or `nil` when no
    /// abstraction has positive utility.
    ///
    /// Branch and bound, best first by upper bound. The incumbent starts as the best arity-0
    /// abstraction (a repeated closed subterm), which is cheap to find and prunes early.
    mutating func search() -> FinishedPattern? {
        var best = bestConstant()
        var cutoff = best?.utility ?? 0
        var worklist = PatternHeap()
        let everywhere = (0..<Int32(corpusCount)).filter { occurrences[Int($0)] > 0 && mayRoot(Int($0)) }
        worklist.push(Pattern(
            shape: [.hole], holes: [Pattern.Hole(slot: 0, lambdas: 0, isFunction: false, nodes: everywhere)],
            locations: everywhere, arguments: [], bodyCost: 0,
            bound: bound(of: everywhere.indices.map { Int32($0) }, in: everywhere, bodyCost: 0)))

        while let pattern = worklist.pop() {
            if pattern.bound <= cutoff { break }
            for refined in refinements(of: pattern, cutoff: cutoff) {
                if refined.holes.isEmpty {
                    let finished = evaluate(refined)
                    if finished.utility > cutoff {
                        cutoff = finished.utility
                        best = finished
                    }
                } else {
                    worklist.push(refined)
                }
            }
        }
        return best
    }

    /// The best abstraction without arguments: a closed subterm used in several programs.
    private mutating func bestConstant() -> FinishedPattern? {
        var best: (node: Int32, utility: Int32)?
        for node in 0..<corpusCount where store.freeVariables[node] == 0 && soleProgram[node] == -1 && mayRoot(node) {
            let cost = store.costs[node]
            let utility = occurrences[node] * (cost - Int32(CostModel.leaf)) - cost
            if utility > (best?.utility ?? 0) { best = (Int32(node), utility) }
        }
        guard let best else { return nil }
        var shape: [Pattern.Shape] = []
        _ = appendShape(of: best.node, to: &shape)
        return evaluate(Pattern(
            shape: shape, holes: [], locations: [best.node], arguments: [],
            bodyCost: store.costs[Int(best.node)], bound: best.utility))
    }

    /// Appends the shape of a whole corpus subterm; returns its slot.
    private func appendShape(of node: Int32, to shape: inout [Pattern.Shape]) -> Int32 {
        let slot = Int32(shape.count)
        shape.append(.hole)
        switch store[node] {
        case .primitive(let symbol): shape[Int(slot)] = .primitive(symbol)
        case .variable(let index): shape[Int(slot)] = .variable(index)
        case .lambda(let body): shape[Int(slot)] = .lambda(appendShape(of: body, to: &shape))
        case .application(let function, let argument):
            let f = appendShape(of: function, to: &shape)
            shape[Int(slot)] = .application(f, appendShape(of: argument, to: &shape))
        }
        return slot
    }

    /// Upper bound on the utility of any completion matching `locations[selection]`:
    /// each occurrence saves at most its cost minus the abstraction's own leaf, and the body
    /// costs at least `bodyCost`.
    private func bound(of selection: [Int32], in locations: [Int32], bodyCost: Int32) -> Int32 {
        var total: Int32 = 0
        for index in selection { total += savingsBound[Int(locations[Int(index)])] }
        return total - bodyCost
    }

    /// The ways to fill the last hole of `pattern` that survive pruning.
    private mutating func refinements(of pattern: Pattern, cutoff: Int32) -> [Pattern] {
        var base = pattern
        let hole = base.holes.removeLast()
        var results: [Pattern] = []

        // Group the locations by what the hole holds there.
        var groups: [TermStore.Node: [Int32]] = [:]
        for (index, node) in hole.nodes.enumerated() {
            let key: TermStore.Node
            switch store[node] {
            case .primitive, .variable: key = store[node]
            case .lambda: key = .lambda(-1)
            case .application: key = .application(-1, -1)
            }
            groups[key, default: []].append(Int32(index))
        }
        // A fixed order keeps results deterministic.
        for (key, selection) in groups.sorted(by: { $0.value[0] < $1.value[0] }) {
            let shape: Pattern.Shape
            var addedCost = Int32(CostModel.leaf)
            switch key {
            case .primitive(let symbol): shape = .primitive(symbol)
            case .variable(let index):
                // A variable bound outside the body would make it not a function.
                if index >= hole.lambdas { continue }
                shape = .variable(index)
            case .lambda:
                shape = .lambda(-1)
                addedCost = Int32(CostModel.lambda)
            case .application:
                shape = .application(-1, -1)
                addedCost = Int32(CostModel.application)
            }
            if let refined = refine(base, hole: hole, selection: selection, shape: shape, addedCost: addedCost, cutoff: cutoff) {
                results.append(refined)
            }
        }

        // The hole as an argument: one already in the body (where the subterm is the same), or a
        // new one. A body that is only an argument abstracts nothing.
        if hole.slot == 0 || (etaLong && hole.isFunction) { return results }
        var lowered = [Int32?](repeating: nil, count: hole.nodes.count)
        for (index, node) in hole.nodes.enumerated() {
            lowered[index] = store.loweredOutOf(node, lambdas: hole.lambdas)
        }
        for (argument, column) in base.arguments.enumerated() {
            let selection = lowered.indices.filter { lowered[$0] == column.lowered[$0] }.map { Int32($0) }
            if selection.isEmpty { continue }
            if let refined = refine(base, hole: hole, selection: selection, shape: .argument(Int32(argument)), addedCost: 0, cutoff: cutoff) {
                results.append(refined)
            }
        }
        if base.arguments.count < maximumArity {
            // Where the subterm refers to a lambda of the body it cannot be passed in.
            let selection = lowered.indices.filter { lowered[$0] != nil }.map { Int32($0) }
            if !selection.isEmpty {
                var withArgument = base
                withArgument.arguments.append(Pattern.Argument(
                    lowered: lowered.map { $0 ?? -1 }, original: hole.nodes, lambdas: hole.lambdas, occurrences: 0))
                if let refined = refine(withArgument, hole: hole, selection: selection, shape: .argument(Int32(base.arguments.count)), addedCost: 0, cutoff: cutoff) {
                    results.append(refined)
                }
            }
        }
        return results
    }

    /// `base` with `hole` filled by `shape`, kept at the locations `selection`; `nil` when pruned.
    private func refine(_ base: Pattern, hole: Pattern.Hole, selection: [Int32], shape: Pattern.Shape, addedCost: Int32, cutoff: Int32) -> Pattern? {
        let locations = selection.map { base.locations[Int($0)] }
        // Used at one closed subterm only: the arity-0 abstraction of that subterm is better.
        if locations.count == 1 && store.freeVariables[Int(locations[0])] == 0 { return nil }
        // Used by one program only.
        let program = soleProgram[Int(locations[0])]
        if program >= 0 && locations.allSatisfy({ soleProgram[Int($0)] == program }) { return nil }

        let bodyCost = base.bodyCost + addedCost
        let bound = bound(of: selection, in: base.locations, bodyCost: bodyCost)
        if bound <= cutoff { return nil }

        let all = selection.count == base.locations.count
        func keep(_ column: [Int32]) -> [Int32] { all ? column : selection.map { column[Int($0)] } }

        var pattern = Pattern(
            shape: base.shape, holes: [], locations: locations, arguments: [], bodyCost: bodyCost, bound: bound)
        pattern.holes = base.holes.map { Pattern.Hole(slot: $0.slot, lambdas: $0.lambdas, isFunction: $0.isFunction, nodes: keep($0.nodes)) }
        pattern.arguments = base.arguments.map {
            Pattern.Argument(lowered: keep($0.lowered), original: keep($0.original), lambdas: $0.lambdas, occurrences: $0.occurrences)
        }
        let nodes = keep(hole.nodes)
        switch shape {
        case .lambda:
            let body = Int32(pattern.shape.count)
            pattern.shape.append(.hole)
            pattern.shape[Int(hole.slot)] = .lambda(body)
            pattern.holes.append(Pattern.Hole(slot: body, lambdas: hole.lambdas + 1, isFunction: false, nodes: nodes.map {
                guard case .lambda(let body) = store[$0] else { preconditionFailure("grouped as a lambda") }
                return body
            }))
        case .application:
            let function = Int32(pattern.shape.count)
            pattern.shape.append(contentsOf: [.hole, .hole])
            pattern.shape[Int(hole.slot)] = .application(function, function + 1)
            var functions: [Int32] = [], arguments: [Int32] = []
            functions.reserveCapacity(nodes.count)
            arguments.reserveCapacity(nodes.count)
            for node in nodes {
                guard case .application(let f, let x) = store[node] else { preconditionFailure("grouped as an application") }
                functions.append(f)
                arguments.append(x)
            }
            // Depth first: the argument side is expanded before the function side.
            pattern.holes.append(Pattern.Hole(slot: function, lambdas: hole.lambdas, isFunction: true, nodes: functions))
            pattern.holes.append(Pattern.Hole(slot: function + 1, lambdas: hole.lambdas, isFunction: false, nodes: arguments))
        case .argument(let index):
            pattern.shape[Int(hole.slot)] = shape
            pattern.arguments[Int(index)].occurrences += 1
        case .primitive, .variable, .hole:
            pattern.shape[Int(hole.slot)] = shape
        }

        // An argument that is the same closed subterm everywhere should be part of the body.
        for argument in pattern.arguments {
            let first = argument.lowered[0]
            if store.freeVariables[Int(first)] == 0 && argument.lowered.allSatisfy({ $0 == first }) { return nil }
        }
        // Two arguments equal everywhere should be one argument used twice.
        if pattern.arguments.count > 1 {
            for i in 0..<pattern.arguments.count {
                for j in (i + 1)..<pattern.arguments.count where pattern.arguments[i].lowered == pattern.arguments[j].lowered {
                    return nil
                }
            }
        }
        return pattern
    }
}

/// A binary max-heap of patterns by upper bound.
struct PatternHeap {
    private var items: [Pattern] = []

    mutating func push(_ pattern: Pattern) {
        items.append(pattern)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if items[parent].bound >= items[child].bound { break }
            items.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> Pattern? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var largest = parent
            if left < items.count && items[left].bound > items[largest].bound { largest = left }
            if right < items.count && items[right].bound > items[largest].bound { largest = right }
            if largest == parent { break }
            items.swapAt(parent, largest)
            parent = largest
        }
        return top
    }
}
