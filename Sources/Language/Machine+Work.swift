/// The steps a first-order operation costs besides its node: the elements it copies or scans.
/// The compiled evaluator counts the same for the operations it runs (`cons`, `cdr`, `range`).
extension Machine {
    /// The work of `op` on one argument: `range n` builds `n` elements, `cdr l` copies all but
    /// one, the string operations scan their argument.
    static func work(_ op: Operation, _ x: Value) -> Int {
        switch (op, x) {
        case (.range, .int(let n)): return max(0, n)
        case (.cdr, .list(let items)): return max(0, items.count - 1)
        case (.strLength, _): return 0
        case (_, .string(let s)): return s.count
        default: return 0
        }
    }

    /// The work of `op` on two arguments: `cons x l` copies `l`; `=` and `distinct` scan the
    /// shorter list or string; the string operations scan both strings.
    static func work(_ op: Operation, _ x: Value, _ y: Value) -> Int {
        switch (op, x, y) {
        case (.cons, _, .list(let items)): return items.count
        case (.equal, .list(let a), .list(let b)), (.distinct, .list(let a), .list(let b)): return min(a.count, b.count)
        case (.equal, .string(let a), .string(let b)), (.distinct, .string(let a), .string(let b)): return min(a.count, b.count)
        case (.index, _, _): return 0
        case (_, .string(let s), .string(let t)): return s.count + t.count
        default: return 0
        }
    }

    /// The work of a three-argument string operation before it runs: the strings it scans.
    /// What it builds (`str.replace_all` can build more than it scans) is charged after, by `charged`.
    static func work(_ op: Operation, _ x: Value, _ y: Value, _ z: Value) -> Int {
        guard op == .strSubstring || op == .strIndexOf || op == .strReplace || op == .strReplaceAll else { return 0 }
        return [x, y, z].reduce(0) { total, value in
            if case .string(let s) = value { return total + s.count }
            return total
        }
    }

    /// The work of `op` on `arguments`, however many there are.
    static func work(_ op: Operation, _ arguments: [Value]) -> Int {
        switch arguments.count {
        case 1: return work(op, arguments[0])
        case 2: return work(op, arguments[0], arguments[1])
        case 3: return work(op, arguments[0], arguments[1], arguments[2])
        default: return 0
        }
    }

    /// The result of `op`, after charging what it built where that can exceed what it
    /// scanned (`str.replace_all`).
    mutating func charged(_ op: Operation, _ value: Value) throws(EvaluationFailure) -> Value {
        if op == .strReplaceAll, case .string(let s) = value { try tick(s.count) }
        return value
    }
}
