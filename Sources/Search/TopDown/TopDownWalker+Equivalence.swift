import Language

/// Observational equivalence for closed subprograms: a subprogram that fills a hole in the
/// scope of the task's inputs alone (outside every λ), and does on every example what a
/// cheaper subprogram of the same hole does — the same values, or failures on the same
/// examples, in no fewer steps — is cut as soon as it is complete, with every program that
/// would contain it. Replacing it by the cheaper one gives a cheaper program that behaves the
/// same on every example, so the most probable program of each behaviour is never cut.
///
/// Where this is sound, and where it is not:
/// - the subprogram's values depend only on the inputs, which the examples give; inside a λ
///   they depend on its parameters too, which the examples do not fix, so those are left;
/// - the scope's types are ground and the hole's type is the same for both, so either fills
///   the hole at the costs the table gives and fixes the same type variables (the table is
///   keyed by the hole's type and by the type the subprogram ends with);
/// - with contextual weights a subprogram's cost depends on its slot, which the table does
///   not know, so a search with contextual weights does not prune this way;
/// - the cheaper subprogram takes no more steps on any example, so the step budget cuts no
///   replacement that the original passes; the limit on nesting (`Evaluator.maximumDepth`)
///   is not compared — a search's subprograms stay far below it.
/// The evidence is the `EquivalenceTable` of the hole's type, which holds the cheapest
/// behaviours of small subprograms; a subprogram is cut only when the table knows a strictly
/// cheaper one, so what is cut does not depend on the order of the walk or on which thread
/// walks.
extension TopDownWalker {
    /// A closed subprogram being built: where its codes start, the height below which the
    /// walk has left it, its hole's type and canonical start type, and the cost before it.
    struct Watch {
        var start: Int32
        var floor: Int32
        var type: TypeTable.Term
        var startType: Int32
        var startCost: Double
    }

    /// Starts watching the subprogram that fills `hole`, when it is closed and something
    /// remains to be built after it with at least `equivalenceMargin` nats of the window left
    /// (cutting fewer programs saves less than the check costs); returns whether it did.
    func watch(_ hole: Hole, startType: Int32, cost: Double) -> Bool {
        guard equivalence != nil, hole.environment == inputScope, !holes.isEmpty, upper - cost >= Self.equivalenceMargin else {
            return false
        }
        watches.append(Watch(start: Int32(choices.count), floor: Int32(holes.count), type: hole.type, startType: startType, startCost: cost))
        return true
    }

    /// Whether a watched subprogram has just been completed (the walk has left it) and a
    /// cheaper one behaves the same. The ones completed are set aside in `finished` for the
    /// rest of this branch (the walk restores them when it backtracks).
    func completesAnEquivalent(cost: Double, finished: inout Int) -> Bool {
        while let last = watches.last, holes.count < Int(last.floor) {
            // A single choice (a variable, a constant) is the cheapest of its behaviours in practice.
            if choices.count - Int(last.start) > 1, upper - cost >= Self.equivalenceMargin, isEquivalentToCheaper(last, cost: cost) {
                return true
            }
            finishedWatches.append(watches.removeLast())
            finished += 1
        }
        return false
    }

    /// Puts back the `count` watches `completesAnEquivalent` set aside last.
    func restoreWatches(_ count: Int) {
        for _ in 0..<count { watches.append(finishedWatches.removeLast()) }
    }

    static let equivalenceMargin = 3.0

    private func isEquivalentToCheaper(_ watch: Watch, cost: Double) -> Bool {
        guard let equivalence, let behaviour else { return false }
        let codes = choices[Int(watch.start)...]
        let finalType = types.canonical(watch.type)
        if let known = memo.decision(startType: watch.startType, codes: codes) { return known }
        let subprogramCost = cost - watch.startCost
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: repeatElement(ProgramCode.lambda, count: space.inputCount))
        scratch.append(contentsOf: codes)
        let resultType = types.type(of: finalType)
        var cut = false
        if let found = scratch.withUnsafeBufferPointer({ behaviour($0, resultType) }) {
            let table = equivalence.table(for: types.type(of: watch.startType), behaviour: behaviour)
            if let cheapest = table[EquivalenceTable.Key(type: resultType, behaviour: found)] {
                cut = cheapest.cost < subprogramCost - 1e-9 && cheapest.mostSteps <= found.fewestSteps
            }
        }
        memo.record(startType: watch.startType, codes: codes, decision: cut)
        equivalenceChecks += 1
        if cut { equivalenceCuts += 1 }
        return cut
    }

    /// The request's result type as the complete program has fixed it (canonical), or `nil`
    /// while it has type variables.
    func resolvedReturnType() -> TypeExpr? {
        let result = types.type(of: types.canonical(types.returnType(.init(node: space.request, base: 0))))
        return result.isPolymorphic ? nil : result
    }
}

/// The decisions already taken for closed subprograms, by their start type and codes.
struct EquivalenceMemo {
    private var index = WordMap<Int32>()
    private var entries: [(start: Int32, count: Int32, startType: Int32, decision: Bool, next: Int32)] = []
    private var codes: [Int32] = []
    /// Past this many codes the memo starts again.
    static let capacity = 1 << 22

    private static func key(_ startType: Int32, _ codes: ArraySlice<Int32>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(UInt32(bitPattern: startType))
        for code in codes { hash = (hash ^ UInt64(UInt32(bitPattern: code))) &* 0x100_0000_01b3 }
        return hash
    }

    func decision(startType: Int32, codes candidate: ArraySlice<Int32>) -> Bool? {
        var entry = index[Self.key(startType, candidate)] ?? -1
        while entry >= 0 {
            let e = entries[Int(entry)]
            if e.startType == startType, codes[Int(e.start)..<Int(e.start + e.count)].elementsEqual(candidate) { return e.decision }
            entry = e.next
        }
        return nil
    }

    mutating func record(startType: Int32, codes candidate: ArraySlice<Int32>, decision: Bool) {
        if codes.count + candidate.count > Self.capacity { self = EquivalenceMemo() }
        let key = Self.key(startType, candidate)
        let next = index[key] ?? -1
        entries.append((Int32(codes.count), Int32(candidate.count), startType, decision, next))
        codes.append(contentsOf: candidate)
        index[key] = Int32(entries.count - 1)
    }
}
