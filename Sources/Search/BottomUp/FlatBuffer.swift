/// A growable buffer of plain values with stable raw access between growths: the flat
/// storage of output vectors (words) and of strings' code points. Vector `k` of a word
/// buffer with stride `n` occupies words `k*n ..< (k+1)*n`.
///
/// Invariant: `count <= capacity`; pointers taken from `base` stay valid until the next
/// `reserve` that grows the buffer.
@usableFromInline
final class FlatBuffer<Element: BitwiseCopyable> {
    @usableFromInline private(set) var base: UnsafeMutablePointer<Element>
    @usableFromInline private(set) var capacity: Int
    @usableFromInline var count: Int = 0

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        self.base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more elements past `count`.
    @inlinable
    func reserve(_ extra: Int) {
        let needed = count + extra
        if needed <= capacity { return }
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    var bytes: Int { capacity * MemoryLayout<Element>.stride }
}

/// The output vectors of bit-vectors, integers and Booleans.
@usableFromInline
typealias WordBuffer = FlatBuffer<UInt64>
