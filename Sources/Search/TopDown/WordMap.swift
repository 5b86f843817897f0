/// A hash map from 64-bit keys to values, for the search's inner loop: open addressing with
/// linear probing and a multiplicative hash (Knuth's), where `Dictionary`'s seeded SipHash
/// cost a fifth of a top-down search's time.
///
/// Invariant: at most half of the slots are used, so every probe sequence ends at an empty slot.
struct WordMap<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private var used = [Bool]()
    private var shift: UInt64
    private(set) var count = 0

    init() {
        keys = Array(repeating: 0, count: 64)
        values = Array(repeating: nil, count: 64)
        used = Array(repeating: false, count: 64)
        shift = 64 - 6
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    subscript(key: UInt64) -> Value? {
        get {
            var index = slot(key)
            let mask = keys.count - 1
            while used[index] {
                if keys[index] == key { return values[index] }
                index = (index + 1) & mask
            }
            return nil
        }
        set {
            guard let newValue else { preconditionFailure("WordMap does not remove keys") }
            var index = slot(key)
            let mask = keys.count - 1
            while used[index] {
                if keys[index] == key {
                    values[index] = newValue
                    return
                }
                index = (index + 1) & mask
            }
            used[index] = true
            keys[index] = key
            values[index] = newValue
            count += 1
            if count * 2 > keys.count { grow() }
        }
    }

    private mutating func grow() {
        let entries = (0..<keys.count).filter { used[$0] }.map { (keys[$0], values[$0]!) }
        let capacity = keys.count * 2
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: nil, count: capacity)
        used = Array(repeating: false, count: capacity)
        shift -= 1
        count = 0
        for (key, value) in entries { self[key] = value }
    }
}
