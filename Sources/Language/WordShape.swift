/// How a first-order value of a monomorphic type lies in 64-bit words: an integer, a Boolean
/// (0 or 1), or lists nested `listDepth` deep around one of those (handles into an arena, see
/// `CompiledMachine+Lists.swift`).
struct WordShape: Equatable {
    var listDepth: Int
    var isBoolean: Bool

    /// The shape of `type`; `nil` for types outside the compiled subset (strings, bit-vectors,
    /// functions, type variables).
    init?(_ type: TypeExpr) {
        var depth = 0
        var current = type
        while case .list(let element) = current {
            depth += 1
            current = element
        }
        switch current {
        case .int: isBoolean = false
        case .bool: isBoolean = true
        default: return nil
        }
        listDepth = depth
    }

    init(listDepth: Int, isBoolean: Bool) {
        self.listDepth = listDepth
        self.isBoolean = isBoolean
    }

    private var element: WordShape { WordShape(listDepth: listDepth - 1, isBoolean: isBoolean) }

    /// `value` as a word, its lists appended to `arena` (room up to `limit` words); `nil` when the
    /// value does not have this shape or the arena would pass the limit.
    func encode(_ value: Value, into arena: inout WordBuffer, limit: Int) -> Int? {
        if listDepth == 0 {
            switch value {
            case .int(let n) where !isBoolean: return n
            case .bool(let b) where isBoolean: return b ? 1 : 0
            default: return nil
            }
        }
        guard case .list(let items) = value, items.count < 1 << 31 else { return nil }
        var words: [Int] = []
        words.reserveCapacity(items.count)
        for item in items.reversed() {
            guard let word = element.encode(item, into: &arena, limit: limit) else { return nil }
            words.append(word)
        }
        guard arena.reserve(words.count, limit: limit) else { return nil }
        let start = arena.count
        for word in words { arena.append(word) }
        return CompiledMachine.handle(start, words.count)
    }

    /// The value that `word` holds.
    func decode(_ word: Int, in arena: UnsafePointer<Int>) -> Value {
        if listDepth == 0 { return isBoolean ? .bool(word != 0) : .int(word) }
        let offset = Int(UInt(bitPattern: word) >> 32), count = word & 0xFFFF_FFFF
        let element = self.element
        return .list((0..<count).map { element.decode(arena[offset + count - 1 - $0], in: arena) })
    }

    /// Whether `word` is a value of this shape among the arena's first `arenaCount` words: its
    /// lists, and theirs, lie there. (Only an ill-typed program produces one that does not.)
    func isValid(_ word: Int, in arena: UnsafePointer<Int>, count arenaCount: Int) -> Bool {
        if listDepth == 0 { return true }
        let offset = Int(UInt(bitPattern: word) >> 32), count = word & 0xFFFF_FFFF
        guard offset + count <= arenaCount else { return false }
        if listDepth == 1 { return true }
        let element = self.element
        for k in 0..<count where !element.isValid(arena[offset + k], in: arena, count: arenaCount) { return false }
        return true
    }

    /// Whether words `x` and `y`, both valid, hold equal values.
    func equal(_ x: Int, _ y: Int, in arena: UnsafePointer<Int>) -> Bool {
        if listDepth == 0 { return isBoolean ? (x != 0) == (y != 0) : x == y }
        let count = x & 0xFFFF_FFFF
        guard count == y & 0xFFFF_FFFF else { return false }
        let a = arena + Int(UInt(bitPattern: x) >> 32), b = arena + Int(UInt(bitPattern: y) >> 32)
        if listDepth == 1 && !isBoolean {
            for k in 0..<count where a[k] != b[k] { return false }
            return true
        }
        let element = self.element
        for k in 0..<count where !element.equal(a[k], b[k], in: arena) { return false }
        return true
    }
}
