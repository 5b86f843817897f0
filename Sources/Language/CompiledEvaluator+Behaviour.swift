/// What a subprogram does on a task's examples, in a form that can be compared: for finding
/// subprograms that behave alike (observational equivalence).
///
/// Two behaviours are equal when the subprograms give equal values, or both fail, on every
/// example (failures are not told apart): compared by a 128-bit hash of the values, so two
/// different behaviours compare equal only by a hash collision (about one chance in 2^64
/// among 2^32 behaviours).
public struct Behaviour: Hashable, Sendable {
    public var hash: UInt64
    public var check: UInt64
    /// The fewest and the most evaluation steps the subprogram took on an example where it
    /// gave a value (0 when it gave none).
    public var fewestSteps: Int
    public var mostSteps: Int

    public static func == (a: Behaviour, b: Behaviour) -> Bool { a.hash == b.hash && a.check == b.check }
    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}

extension CompiledEvaluator {
    /// The behaviour, on the loaded examples, of the subprogram whose codes (after one lambda
    /// per input, which bind the inputs) are `codes`, and whose result has `type`; `nil` when it
    /// is outside the compiled subset.
    public func behaviour(of codes: UnsafeBufferPointer<Int32>, type: TypeExpr) -> Behaviour? {
        guard task.isCompiled, let shape = WordShape(type), let root = compile(codes) else { return nil }
        var machine = makeMachine()
        defer { keepBuffers(of: machine) }
        var behaviour = Behaviour(hash: 0xcbf2_9ce4_8422_2325, check: 0x8422_2325_cbf2_9ce4, fewestSteps: .max, mostSteps: 0)
        for example in 0..<task.exampleCount {
            do throws(CompiledStop) {
                let word = try run(root, example: example, on: &machine)
                guard shape.isValid(word, in: machine.arena.pointer, count: machine.arena.count) else { return nil }
                Self.mix(1, into: &behaviour)
                shape.hash(word, in: machine.arena.pointer) { Self.mix(UInt64(bitPattern: Int64($0)), into: &behaviour) }
                behaviour.fewestSteps = min(behaviour.fewestSteps, machine.ticks)
                behaviour.mostSteps = max(behaviour.mostSteps, machine.ticks)
            } catch {
                if error == .fallback { return nil }
                Self.mix(2, into: &behaviour)
            }
        }
        if behaviour.fewestSteps == .max { behaviour.fewestSteps = 0 }
        return behaviour
    }

    private static func mix(_ word: UInt64, into behaviour: inout Behaviour) {
        behaviour.hash = (behaviour.hash ^ word) &* 0x100_0000_01b3
        behaviour.hash ^= behaviour.hash >> 29
        behaviour.check = (behaviour.check &+ word &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        behaviour.check ^= behaviour.check >> 31
    }
}

extension WordShape {
    /// Feeds the words that make up `word`'s value to `combine`: lists by their length, then
    /// their elements in order.
    func hash(_ word: Int, in arena: UnsafePointer<Int>, combine: (Int) -> Void) {
        if listDepth == 0 {
            combine(isBoolean ? (word != 0 ? 1 : 0) : word)
            return
        }
        let offset = Int(UInt(bitPattern: word) >> 32), count = word & 0xFFFF_FFFF
        combine(count)
        let element = WordShape(listDepth: listDepth - 1, isBoolean: isBoolean)
        for k in 0..<count { element.hash(arena[offset + count - 1 - k], in: arena, combine: combine) }
    }
}
