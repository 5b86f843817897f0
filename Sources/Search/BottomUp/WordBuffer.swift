/// A growable buffer of 64-bit words with stable raw access between growths: the flat
/// storage of output vectors. Vector `k` of a buffer with stride `n` occupies words
/// `k*n ..< (k+1)*n`.
///
/// Invariant: `count <= capacity`; pointers taken from `base` stay valid until the next
/// `reserve` that grows the buffer.
@usableFromInline
final class WordBuffer {
    @usableFromInline private(set) var base: UnsafeMutablePointer<UInt64>
    @usableFromInline private(set) var capacity: Int
    @usableFromInline var count: Int = 0

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        self.base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more words past `count`.
    @inlinable
    func reserve(_ extra: Int) {
        let needed = count + extra
        if needed <= capacity { return }
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends `n` words and returns the offset of the first.
    @inlinable
    func append(_ words: UnsafePointer<UInt64>, _ n: Int) -> Int {
        reserve(n)
        let offset = count
        (base + offset).update(from: words, count: n)
        count += n
        return offset
    }

    var bytes: Int { capacity * 8 }
}
