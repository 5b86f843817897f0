/// A growable run of 64-bit words that its owner allocates and frees by hand: the compiled
/// evaluator's list arena and scratch space. Words below `count` are in use.
///
/// Invariant: `count <= capacity`, and `pointer` holds `capacity` words (uninitialised ones
/// are never read: words are plain integers).
struct WordBuffer {
    private(set) var pointer: UnsafeMutablePointer<Int>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        pointer = .allocate(capacity: self.capacity)
    }

    /// Makes room for `extra` more words, growing to at most `limit` words in all; `false`
    /// when that is not enough.
    @inline(__always)
    mutating func reserve(_ extra: Int, limit: Int) -> Bool {
        if count + extra <= capacity { return true }
        return grow(to: count + extra, limit: limit)
    }

    private mutating func grow(to needed: Int, limit: Int) -> Bool {
        guard needed <= limit else { return false }
        let newCapacity = min(max(capacity * 2, needed), limit)
        let newPointer = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        newPointer.initialize(from: pointer, count: count)
        pointer.deallocate()
        pointer = newPointer
        capacity = newCapacity
        return true
    }

    /// Appends `word`; room must have been reserved.
    @inline(__always)
    mutating func append(_ word: Int) {
        pointer[count] = word
        count += 1
    }

    func deallocate() {
        pointer.deallocate()
    }
}
