/// Lists in the arena. A list is a handle `offset << 32 | count` to `count` words stored in
/// reverse: its first element at `offset + count - 1`, its last at `offset`. So `cdr` is the
/// same words less the top one, and `cons` onto the list that ends where the arena does
/// writes one word. Words are never freed during a run; the task's own lists lie below the
/// first word a run may write.
extension CompiledMachine {
    @inline(__always)
    static func handle(_ offset: Int, _ count: Int) -> Int {
        offset << 32 | count
    }

    /// The offset and length of list `word`; `.fallback` for a word that is not a handle into
    /// the arena's words in use (only an ill-typed program can pass one).
    @inline(__always)
    func list(_ word: Int) throws(CompiledStop) -> (offset: Int, count: Int) {
        let offset = Int(UInt(bitPattern: word) >> 32)
        let count = word & 0xFFFF_FFFF
        if offset + count > arena.count { throw .fallback }
        return (offset, count)
    }

    /// Makes room for `extra` arena words.
    @inline(__always)
    mutating func reserveArena(_ extra: Int) throws(CompiledStop) {
        if !arena.reserve(extra, limit: wordLimit - scratch.capacity) { throw .fallback }
    }

    @inline(__always)
    mutating func reserveScratch(_ extra: Int) throws(CompiledStop) {
        if !scratch.reserve(extra, limit: wordLimit - arena.capacity) { throw .fallback }
    }

    /// `cons x l` costs the length of `l` in steps, as the reference copies it, though here
    /// it is often one word written.
    mutating func cons(_ x: Int, _ l: Int) throws(CompiledStop) -> Int {
        let (offset, count) = try list(l)
        ticks += count  // the reference copies `l`
        if count >= Evaluator.maximumListLength { throw .budgetExhausted }
        if offset + count == arena.count {
            try reserveArena(1)
            arena.append(x)
            return Self.handle(offset, count + 1)
        }
        try reserveArena(count + 1)
        let start = arena.count
        (arena.pointer + start).update(from: arena.pointer + offset, count: count)
        arena.pointer[start + count] = x
        arena.count += count + 1
        return Self.handle(start, count + 1)
    }

    /// `range n` after its argument: the reference counts `max(0, n)` steps first.
    mutating func range(_ n: Int) throws(CompiledStop) -> Int {
        if n <= 0 { return 0 }
        if n > stepLimit - ticks { throw .budgetExhausted }
        ticks += n
        if n > Evaluator.maximumListLength { throw .budgetExhausted }
        try reserveArena(n)
        let start = arena.count
        for k in 0..<n { arena.pointer[start + k] = n - 1 - k }
        arena.count += n
        return Self.handle(start, n)
    }

    /// The `count` words on top of the scratch space as a new list, first word first; pops them.
    mutating func listFromScratch(count: Int) throws(CompiledStop) -> Int {
        let base = scratch.count - count
        defer { scratch.count = base }
        if count == 0 { return 0 }
        try reserveArena(count)
        let start = arena.count
        for k in 0..<count { arena.pointer[start + k] = scratch.pointer[base + count - 1 - k] }
        arena.count += count
        return Self.handle(start, count)
    }

    /// `map f l`: the node and `f` have ticked; `f`'s body runs once per element, first to last.
    mutating func map(_ node: CompiledNode) throws(CompiledStop) -> Int {
        let l = try value(node.a)
        let (offset, count) = try list(l)
        let slot = Int(node.c)
        var k = count - 1
        while k >= 0 {
            try checkSteps()
            stack[slot] = arena.pointer[offset + k]
            let y = try value(node.b)
            try reserveScratch(1)
            scratch.append(y)
            k -= 1
        }
        return try listFromScratch(count: count)
    }

    /// `fold l z f` = `f l0 (f l1 (… (f ln z)))`: each application of the two-argument λ ticks once more.
    mutating func fold(_ node: CompiledNode) throws(CompiledStop) -> Int {
        let l = try value(node.a)
        let (offset, count) = try list(l)
        var accumulator = try value(node.b)
        ticks += 1  // the function argument
        let slot = Int(node.d)
        for k in 0..<count {
            try checkSteps()
            ticks += 1
            stack[slot] = arena.pointer[offset + k]
            stack[slot + 1] = accumulator
            accumulator = try value(node.c)
        }
        return accumulator
    }

    /// `unfold x p h n`: emits `h x` and steps `x = n x` until `p x` holds.
    mutating func unfold(_ node: CompiledNode) throws(CompiledStop) -> Int {
        var x = try value(node.a)
        ticks += 3  // the three function arguments
        let slot = Int(node.word)
        var count = 0
        while true {
            try checkSteps()
            stack[slot] = x
            if try value(node.b) != 0 { break }
            if count >= Evaluator.maximumListLength { throw .budgetExhausted }
            let y = try value(node.c)
            try reserveScratch(1)
            scratch.append(y)
            count += 1
            let next = try value(node.d)
            // A fixed point repeats the same pass for ever: the reference runs out of steps.
            if next == x { throw .budgetExhausted }
            x = next
        }
        return try listFromScratch(count: count)
    }
}
