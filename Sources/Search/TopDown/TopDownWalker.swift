import Foundation
import Language

/// One thread's depth-first walk of a cost window of a `TopDownSpace`: the type trail, the
/// open holes, the variables in scope and the choices made so far, with caches of which
/// productions fit a hole's type and of each hole's normaliser.
///
/// A walk visits every complete program whose cost (−log prior) lies in `[lower, upper)`, in
/// depth-first order: at each hole the productions that fit in the grammar's order, then
/// the variables in scope from the innermost out (a hole of arrow type takes a lambda).
/// The order, the costs (each choice's −log of its weight normalised over the choices that
/// fit) and the cuts are those of DreamCoder's enumeration (Ellis et al., PLDI 2021).
///
/// Several walkers can share one window: depth-first order splits the window into *units* —
/// the partial programs of `splitDepth` choices and the complete programs of fewer — and a
/// walker explores a unit only when it holds the unit's ticket (see `walk`), so that the
/// walkers together visit every program of the window exactly once.
final class TopDownWalker {
    enum Status: Equatable { case done, timeLimit, stopped }

    struct Hole {
        var type: TypeTable.Term
        /// The innermost binding in scope (an index into `bindings`), `-1` for none.
        var environment: Int32
        /// The production whose argument this hole is; `-1` at the root, `-2` under a variable.
        var parent: Int32
        var argument: Int32
        /// Where the parent's code is in `choices`.
        var parentChoice: Int32 = -1
        /// A lower bound on the cost of filling the hole, and the sum of those of the holes
        /// under it on the stack.
        var bound = 0.0
        var below = 0.0
    }

    struct Binding {
        var type: TypeTable.Term
        var next: Int32
    }

    let space: TopDownSpace
    let types: TypeTable
    private(set) var holes: [Hole] = []
    private(set) var bindings: [Binding] = []
    private var variables: [(index: Int32, type: TypeTable.Term)] = []
    private(set) var choices: [Int32] = []
    /// The argument-order rules in force (see `TopDownWalker+ArgumentOrder.swift`), and by
    /// the place of a pair's parent in `choices`, whether the rule may apply to it.
    var orderings: [Ordering] = []
    var groundPairs: [Bool] = []
    /// Observational equivalence (see `TopDownWalker+Equivalence.swift`): its table, the
    /// thread's evaluator, the scope of the inputs alone, the closed subprograms being built,
    /// the decisions taken and scratch space for a subprogram's codes.
    private(set) var equivalence: EquivalenceTable?
    private(set) var behaviour: ((UnsafeBufferPointer<Int32>, TypeExpr) -> Behaviour?)?
    var inputScope: Int32 { Int32(space.inputCount) - 1 }
    var watches: [Watch] = []
    /// Closed subprograms run for observational equivalence, and those cut.
    var equivalenceChecks = 0
    var equivalenceCuts = 0
    var finishedWatches: [Watch] = []
    var memo = EquivalenceMemo()
    var scratch: [Int32] = []
    /// Which productions fit a canonical type: `fitting[fittingStart[node] ..< fittingStart[node] + fittingCount[node]]`.
    private var fittingStart: [Int32] = []
    private var fittingCount: [Int32] = []
    private var fitting: [Int32] = []
    private var normalisers = WordMap<Double>()

    /// Partial programs expanded, over every walk.
    private(set) var expansions = 0
    /// Whether the last walk cut some program at its upper edge (a later window has work).
    private(set) var sawDeeper = false

    // The current walk.
    private var lower = 0.0
    /// The window's upper edge.
    private var windowUpper = 0.0
    /// The upper edge below the units' depth: the window's, lowered by `tighten(to:)`.
    private(set) var upper = 0.0
    /// A source of a lower upper edge, polled now and then (another thread's findings).
    private var poll: (() -> Double)?
    private var deadline: ContinuousClock.Instant?
    private var visit: (UnsafeBufferPointer<Int32>, Double) -> Bool = { _, _ in true }
    private var status = Status.done
    private var countdown = 0
    // Units: see the type's documentation.
    private var claiming = false
    private var splitDepth = Int.max
    private var claim: () -> Int = { 0 }
    private var unit = 0
    private var ticket = 0
    /// The unit being explored (0 when the walk does not claim units).
    private(set) var currentUnit = 0

    init(space: TopDownSpace) {
        self.space = space
        types = space.types.copy()
    }

    /// Prunes closed subprograms by `table`, running them with `behaviour` (see
    /// `TopDownWalker+Equivalence.swift`); not with contextual weights.
    func observe(_ table: EquivalenceTable, behaviour: @escaping (UnsafeBufferPointer<Int32>, TypeExpr) -> Behaviour?) {
        guard !space.isContextual else { return }
        equivalence = table
        self.behaviour = behaviour
    }

    /// Lowers the window's upper edge for the rest of the walk: partial programs that cannot
    /// cost less than `bound` are cut below the units' depth (above it every walker of the
    /// window must make the same cuts, so that they number the units alike), and the visitor
    /// may still meet complete programs of fewer choices that cost more.
    func tighten(to bound: Double) {
        if bound < upper { upper = bound }
    }

    /// Visits, in depth-first order, the complete programs of cost in `[lower, upper)`
    /// (`visit` gets their choice codes and cost, and returns `false` to stop), until the
    /// window is done or `deadline` passes. With `claim`, the walk explores only the units
    /// whose tickets `claim` hands it (tickets count units from 0 in depth-first order, and
    /// each call gives a walker its next one). `poll`, read every few thousand expansions,
    /// may lower the upper edge as `tighten(to:)` does.
    func walk(lower: Double, upper: Double, deadline: ContinuousClock.Instant? = nil,
              splitDepth: Int = .max, claim: (() -> Int)? = nil, poll: (() -> Double)? = nil,
              visit: @escaping (UnsafeBufferPointer<Int32>, Double) -> Bool) -> Status {
        self.lower = lower
        self.upper = upper
        windowUpper = upper
        self.deadline = deadline
        self.visit = visit
        self.poll = poll
        claiming = claim != nil
        self.splitDepth = claiming ? splitDepth : 0
        self.claim = claim ?? { 0 }
        unit = 0
        currentUnit = 0
        ticket = claiming ? self.claim() : 0
        status = .done
        sawDeeper = false
        countdown = 0
        let start = types.mark
        let base = types.reserve(types.variableCount(space.request))
        precondition(base == 0)
        holes.removeAll(keepingCapacity: true)
        bindings.removeAll(keepingCapacity: true)
        choices.removeAll(keepingCapacity: true)
        orderings.removeAll(keepingCapacity: true)
        watches.removeAll(keepingCapacity: true)
        finishedWatches.removeAll(keepingCapacity: true)
        holes.append(Hole(type: .init(node: space.request, base: 0), environment: -1, parent: -1, argument: 0))
        search(cost: 0)
        types.undo(to: start)
        self.visit = { _, _ in true }
        self.poll = nil
        return status
    }

    private func search(cost: Double) {
        if status != .done { return }
        if claiming, choices.count <= splitDepth, choices.count == splitDepth || holes.isEmpty {
            // A unit: explore it only with its ticket.
            defer { unit += 1 }
            guard unit == ticket else { return }
            currentUnit = unit
            expand(cost: cost)
            ticket = claim()
            return
        }
        expand(cost: cost)
    }

    // Longer than 80 lines on purpose: this is the top-down search's inner loop (a depth-first
    // walk kept on explicit stacks); its state lives in locals across the whole walk, which
    // helper functions would have to pass back and forth for every node.
    private func expand(cost: Double) {
        guard let hole = holes.popLast() else {
            if cost >= lower, !orderings.isEmpty, completesAnEqualPair(complete: true) { return }
            if cost >= lower {
                // A visit may run the program: it counts for several expansions.
                countdown -= 16
                let keepGoing = choices.withUnsafeBufferPointer { visit($0, cost) }
                if !keepGoing { status = .stopped }
            }
            return
        }
        defer { holes.append(hole) }
        if !orderings.isEmpty, completesAnEqualPair() { return }
        var finished = 0
        defer { if finished > 0 { restoreWatches(finished) } }
        if !watches.isEmpty, completesAnEquivalent(cost: cost, finished: &finished) { return }
        let ordered = order(hole)
        defer { if ordered { orderings.removeLast() } }
        expansions += 1
        countdown -= 1
        if countdown <= 0 {
            countdown = 4_096
            if let deadline, ContinuousClock.now >= deadline {
                status = .timeLimit
                return
            }
            if let poll { tighten(to: poll()) }
        }
        let type = types.head(hole.type)
        if types.tag(type) == .arrow {
            choices.append(ProgramCode.lambda)
            bindings.append(Binding(type: types.left(type), next: hole.environment))
            // The body continues the lambda's hole (its slot and bound), but is not a new argument (`parentChoice` -1).
            holes.append(Hole(type: types.right(type), environment: Int32(bindings.count - 1), parent: hole.parent, argument: hole.argument,
                              bound: hole.bound, below: hole.below))
            search(cost: cost)
            holes.removeLast()
            bindings.removeLast()
            choices.removeLast()
            return
        }
        let key = types.canonical(type)
        let (first, count) = fittingProductions(key)
        let watching = hole.parent != -1 && watch(hole, startType: key, cost: cost)
        defer { if watching { watches.removeLast() } }
        // The variables in scope whose type can give the hole's.
        let variablesStart = variables.count
        var binding = hole.environment
        var index: Int32 = 0
        while binding >= 0 {
            let variableType = types.head(bindings[Int(binding)].type)
            let mark = types.mark
            if types.unify(types.returnType(variableType), type) { variables.append((index, variableType)) }
            types.undo(to: mark)
            binding = bindings[Int(binding)].next
            index += 1
        }
        let variableCount = variables.count - variablesStart
        defer { variables.removeLast(variableCount) }

        var variableWeight = space.variableLogWeight
        var slot = -1
        if space.isContextual, let s = space.slot(parent: hole.parent, argument: hole.argument) {
            slot = s
            variableWeight = space.slotVariableWeights[s]
        }
        guard let normaliser = normaliser(key: key, first: first, count: count, slot: slot,
                                          variableCount: variableCount, variableWeight: variableWeight) else { return }
        let holeBound = space.minimumHoleCost
        // Above the units' depth, the window's own edge (see `tighten(to:)`). A partial program
        // is cut when its open holes cannot be filled below the edge (by their bounds, with a
        // margin for rounding: cutting less only costs time).
        let upper = (choices.count < splitDepth ? windowUpper : self.upper) + 1e-9
        let pending = hole.below
        for position in first..<(first + count) {
            let production = Int(fitting[position])
            let weight = slot < 0 ? space.logWeights[production] : space.slotProductionWeights[slot][production]
            let childCost = cost + normaliser - weight
            let arity = space.arities[production]
            if childCost + pending + space.argumentBoundSums[production] >= upper {
                sawDeeper = true
                continue
            }
            if hole.parent >= 0, space.forbidden[(space.slotBase[Int(hole.parent)] + Int(hole.argument)) * space.productionCount + production] {
                continue
            }
            var decided: UInt64 = 0
            if !orderings.isEmpty {
                guard let settled = admits(rank: production) else { continue }
                decided = settled
            }
            let mark = types.mark
            let base = types.reserve(space.variableCounts[production])
            if types.unify(.init(node: space.returnNodes[production], base: base), type) {
                let start = space.argumentStart[production]
                let parentChoice = Int32(choices.count)
                var below = pending
                for argument in stride(from: arity - 1, through: 0, by: -1) {
                    let bound = space.argumentBounds[start + argument]
                    holes.append(Hole(type: .init(node: space.argumentNodes[start + argument], base: base),
                                      environment: hole.environment, parent: Int32(production), argument: Int32(argument),
                                      parentChoice: parentChoice, bound: bound, below: below))
                    below += bound
                }
                choices.append(Int32(production))
                settle(decided)
                search(cost: childCost)
                unsettle(decided)
                choices.removeLast()
                holes.removeLast(arity)
            }
            types.undo(to: mark)
            if status != .done { return }
        }
        for position in variablesStart..<(variablesStart + variableCount) {
            let (index, variableType) = variables[position]
            let childCost = cost + normaliser - variableWeight
            var arguments: [TypeTable.Term] = []
            var result = variableType
            while types.tag(result) == .arrow {
                arguments.append(types.left(result))
                result = types.head(types.right(result))
            }
            if childCost + pending + Double(arguments.count) * holeBound >= upper {
                sawDeeper = true
                continue
            }
            var decided: UInt64 = 0
            if !orderings.isEmpty {
                guard let settled = admits(rank: space.productionCount + Int(index)) else { continue }
                decided = settled
            }
            let mark = types.mark
            if types.unify(result, type) {
                let parentChoice = Int32(choices.count)
                var below = pending
                for (argument, argumentType) in arguments.enumerated().reversed() {
                    holes.append(Hole(type: argumentType, environment: hole.environment, parent: -2, argument: Int32(argument),
                                      parentChoice: parentChoice, bound: holeBound, below: below))
                    below += holeBound
                }
                choices.append(ProgramCode.variable(Int(index), arity: arguments.count))
                settle(decided)
                search(cost: childCost)
                unsettle(decided)
                choices.removeLast()
                holes.removeLast(arguments.count)
            }
            types.undo(to: mark)
            if status != .done { return }
        }
    }

    /// The productions whose result can unify with the canonical type `key`, in the
    /// grammar's order.
    private func fittingProductions(_ key: Int32) -> (first: Int, count: Int) {
        let k = Int(key)
        if k < fittingStart.count, fittingStart[k] >= 0 { return (Int(fittingStart[k]), Int(fittingCount[k])) }
        if k >= fittingStart.count {
            fittingStart += Array(repeating: -1, count: k + 1 - fittingStart.count)
            fittingCount += Array(repeating: 0, count: k + 1 - fittingCount.count)
        }
        let first = fitting.count
        let mark = types.mark
        let keyBase = types.reserve(types.variableCount(key))
        for production in 0..<space.productionCount {
            let inner = types.mark
            let base = types.reserve(space.variableCounts[production])
            if types.unify(.init(node: space.returnNodes[production], base: base), .init(node: key, base: keyBase)) {
                fitting.append(Int32(production))
            }
            types.undo(to: inner)
        }
        types.undo(to: mark)
        fittingStart[k] = Int32(first)
        fittingCount[k] = Int32(fitting.count - first)
        return (first, fitting.count - first)
    }

    /// −log of the sum of the weights of the choices that fit a hole (`nil` when none has
    /// any weight): it depends only on the hole's canonical type, its slot and the number
    /// of variables that fit, and is cached by those.
    private func normaliser(key: Int32, first: Int, count: Int, slot: Int, variableCount: Int, variableWeight: Double) -> Double? {
        let cacheable = variableCount < 255 && slot < (1 << 23)
        let cacheKey = UInt64(key) << 32 | UInt64(slot + 1) << 8 | UInt64(variableCount)
        if cacheable, let cached = normalisers[cacheKey] { return cached.isNaN ? nil : cached }
        let weights = slot < 0 ? space.logWeights : space.slotProductionWeights[slot]
        var maximum = variableCount == 0 ? -Double.infinity : variableWeight
        for position in first..<(first + count) { maximum = max(maximum, weights[Int(fitting[position])]) }
        var result: Double?
        if maximum > -.infinity {
            var sum = Double(variableCount) * exp(variableWeight - maximum)
            for position in first..<(first + count) { sum += exp(weights[Int(fitting[position])] - maximum) }
            result = maximum + log(sum)
        }
        if cacheable { normalisers[cacheKey] = result ?? .nan }
        return result
    }
}
