extension Value {
    /// About how many bytes the value takes in memory: its own slot, and for a list or string
    /// the storage of its elements (an array's header included). Shared storage is counted
    /// each time it is reached, so this bounds what the value may take from above.
    public var memoryFootprint: Int {
        var total = 0
        var pending: [Value] = [self]
        while let value = pending.popLast() {
            total += MemoryLayout<Value>.stride
            switch value {
            case .list(let items):
                total += Self.arrayHeader
                if case .list = items.first {
                    pending.append(contentsOf: items)
                } else if case .string = items.first {
                    pending.append(contentsOf: items)
                } else {
                    total += items.count * MemoryLayout<Value>.stride
                }
            case .string(let s):
                total += Self.arrayHeader + s.count * MemoryLayout<UInt32>.stride
            default:
                break
            }
        }
        return total
    }

    /// The bytes an array's storage takes besides its elements.
    static let arrayHeader = 32
}
