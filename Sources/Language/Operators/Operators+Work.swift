extension Operators {
    /// The steps an operation costs the reference evaluator besides its node: the elements
    /// it copies or scans, so that a run's time and the memory it builds stay proportional
    /// to its steps. The compiled evaluator counts the same for the operations it runs
    /// (`cons`, `cdr`, `range`).
    public enum Work: Hashable, Sendable {
        /// Nothing besides the node.
        case none
        /// The code points of its string arguments: the argument of a unary operation,
        /// both arguments of a binary one when both are strings, every string argument of a
        /// ternary one. Operations without string arguments cost nothing.
        case scansStrings
        /// As `scansStrings` before it runs, and the code points of the string it returns
        /// after (`str.replace_all` can build more than it scans).
        case scansStringsAndResult
        /// The length of its second argument, a list it copies (`cons`); otherwise as `scansStrings`.
        case copiesList
        /// All but one element of its list argument (`cdr`); otherwise as `scansStrings`.
        case copiesTail
        /// The elements it builds, `n` for an integer argument `n > 0` (`range`); otherwise as `scansStrings`.
        case buildsRange
        /// The length of the shorter of two lists or two strings it compares (`=`, `distinct`).
        case comparesShorter
    }
}

extension Operators.Work {
    /// The steps before an operation of one argument runs.
    @inlinable @inline(__always)
    public func steps(_ x: Value) -> Int {
        switch (self, x) {
        case (.none, _): return 0
        case (.buildsRange, .int(let n)): return max(0, n)
        case (.copiesTail, .list(let items)): return max(0, items.count - 1)
        case (_, .string(let s)): return s.count
        default: return 0
        }
    }

    /// The steps before an operation of two arguments runs.
    @inlinable @inline(__always)
    public func steps(_ x: Value, _ y: Value) -> Int {
        switch (self, x, y) {
        case (.none, _, _): return 0
        case (.copiesList, _, .list(let items)): return items.count
        case (.comparesShorter, .list(let a), .list(let b)): return min(a.count, b.count)
        case (.comparesShorter, .string(let a), .string(let b)): return min(a.count, b.count)
        case (.comparesShorter, _, _): return 0
        case (_, .string(let s), .string(let t)): return s.count + t.count
        default: return 0
        }
    }

    /// The steps before an operation of three arguments runs.
    @inlinable @inline(__always)
    public func steps(_ x: Value, _ y: Value, _ z: Value) -> Int {
        switch self {
        case .none, .comparesShorter: return 0
        case .scansStrings, .scansStringsAndResult, .copiesList, .copiesTail, .buildsRange:
            var total = 0
            if case .string(let s) = x { total += s.count }
            if case .string(let s) = y { total += s.count }
            if case .string(let s) = z { total += s.count }
            return total
        }
    }

    /// The steps after an operation ran and returned `result`: what it built beyond what it scanned.
    @inlinable @inline(__always)
    public func steps(after result: Value) -> Int {
        guard self == .scansStringsAndResult, case .string(let s) = result else { return 0 }
        return s.count
    }
}
