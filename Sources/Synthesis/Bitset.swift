/// A fixed-size set of example rows, one bit each.
struct Bitset: Hashable {
    private(set) var words: [UInt64]
    let count: Int

    init(count: Int, filled: Bool = false) {
        self.count = count
        words = Array(repeating: filled ? ~0 : 0, count: (count + 63) / 64)
        if filled { clearPadding() }
    }

    private mutating func clearPadding() {
        let extra = words.count * 64 - count
        if extra > 0 { words[words.count - 1] &= ~0 >> UInt64(extra) }
    }

    subscript(i: Int) -> Bool {
        get { words[i >> 6] >> UInt64(i & 63) & 1 == 1 }
        set {
            if newValue { words[i >> 6] |= 1 << UInt64(i & 63) } else { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
        }
    }

    var population: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
    var isFull: Bool { population == count }

    func intersection(_ other: Bitset) -> Bitset {
        var result = self
        for i in words.indices { result.words[i] &= other.words[i] }
        return result
    }

    func union(_ other: Bitset) -> Bitset {
        var result = self
        for i in words.indices { result.words[i] |= other.words[i] }
        return result
    }

    func subtracting(_ other: Bitset) -> Bitset {
        var result = self
        for i in words.indices { result.words[i] &= ~other.words[i] }
        return result
    }

    func isSubset(of other: Bitset) -> Bool {
        for i in words.indices where words[i] & ~other.words[i] != 0 { return false }
        return true
    }

    /// `|self ∩ other|` without building the intersection.
    func intersectionCount(_ other: Bitset) -> Int {
        var total = 0
        for i in words.indices { total += (words[i] & other.words[i]).nonzeroBitCount }
        return total
    }
}
