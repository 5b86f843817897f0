/// An open-addressing hash set of entry ids, keyed by the entries' output vectors: the
/// observational-equivalence filter of bottom-up search. The caller supplies hashing and
/// comparison of vectors by entry id, so the set never copies a vector.
struct OutputSet {
    private var slots: [Int32]
    private var hashes: [UInt64]
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        hashes = Array(repeating: 0, count: size)
    }

    /// Inserts `id` unless an entry with an equal vector is present; returns whether it was inserted.
    mutating func insert(_ id: Int32, hash: UInt64, equal: (Int32) -> Bool) -> Bool {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] >= 0 {
            if hashes[i] == hash && equal(slots[i]) { return false }
            i = (i + 1) & mask
        }
        slots[i] = id
        hashes[i] = hash
        count += 1
        return true
    }

    /// The id of an entry with this vector, if any.
    func find(hash: UInt64, equal: (Int32) -> Bool) -> Int32? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] >= 0 {
            if hashes[i] == hash && equal(slots[i]) { return slots[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    private mutating func grow() {
        let oldSlots = slots, oldHashes = hashes
        slots = Array(repeating: -1, count: oldSlots.count * 2)
        hashes = Array(repeating: 0, count: oldSlots.count * 2)
        let mask = slots.count - 1
        for (slot, hash) in zip(oldSlots, oldHashes) where slot >= 0 {
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = slot
            hashes[i] = hash
        }
    }

    var bytes: Int { slots.count * 12 }
}

/// Hashes of output vectors.
enum VectorHash {
    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    static func mix(_ h: inout UInt64, _ word: UInt64) {
        h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
    }

    @inline(__always)
    static func words(_ p: UnsafePointer<UInt64>, _ n: Int) -> UInt64 {
        var h = seed
        for i in 0..<n { mix(&h, p[i]) }
        return h
    }

    /// Mixes a string's length and code points (two to a word) into `h`.
    @inline(__always)
    static func mix(_ h: inout UInt64, _ s: UnsafeBufferPointer<UInt32>) {
        mix(&h, UInt64(s.count))
        var i = 0
        while i + 1 < s.count {
            mix(&h, UInt64(s[i]) | UInt64(s[i + 1]) << 32)
            i += 2
        }
        if i < s.count { mix(&h, UInt64(s[i])) }
    }
}
