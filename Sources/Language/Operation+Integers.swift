/// 64-bit integer semantics: SMT-LIB `div` and `mod` (Euclidean: the remainder is never
/// negative), and an evaluation failure wherever the exact result does not fit in 64 bits.
public enum IntegerSemantics {
    @inlinable
    public static func add(_ a: Int, _ b: Int) throws(EvaluationFailure) -> Int {
        let (r, overflow) = a.addingReportingOverflow(b)
        if overflow { throw .overflow }
        return r
    }

    @inlinable
    public static func subtract(_ a: Int, _ b: Int) throws(EvaluationFailure) -> Int {
        let (r, overflow) = a.subtractingReportingOverflow(b)
        if overflow { throw .overflow }
        return r
    }

    @inlinable
    public static func multiply(_ a: Int, _ b: Int) throws(EvaluationFailure) -> Int {
        let (r, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { throw .overflow }
        return r
    }

    @inlinable
    public static func negate(_ a: Int) throws(EvaluationFailure) -> Int {
        if a == .min { throw .overflow }
        return -a
    }

    /// Euclidean division: `a = b * q + r` with `0 <= r < |b|`.
    @inlinable
    public static func div(_ a: Int, _ b: Int) throws(EvaluationFailure) -> Int {
        if b == 0 { throw .divisionByZero }
        let (q, overflow) = a.dividedReportingOverflow(by: b)
        if overflow { throw .overflow }
        let r = a.remainderReportingOverflow(dividingBy: b).partialValue
        if r < 0 { return b > 0 ? q - 1 : q + 1 }
        return q
    }

    /// Euclidean remainder, `0 <= r < |b|`.
    @inlinable
    public static func mod(_ a: Int, _ b: Int) throws(EvaluationFailure) -> Int {
        if b == 0 { throw .divisionByZero }
        let r = a.remainderReportingOverflow(dividingBy: b).partialValue
        if r < 0 { return b > 0 ? r + b : r - b }
        return r
    }

    @inlinable
    public static func abs(_ a: Int) throws(EvaluationFailure) -> Int {
        if a == .min { throw .overflow }
        return a < 0 ? -a : a
    }

    /// Whether `n` is prime (deterministic Miller-Rabin for all 64-bit values).
    public static func isPrime(_ n: Int) -> Bool {
        if n < 2 { return false }
        let small: [UInt64] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
        let m = UInt64(n)
        for p in small {
            if m == p { return true }
            if m % p == 0 { return false }
        }
        var d = m - 1
        var s = 0
        while d & 1 == 0 { d >>= 1; s += 1 }
        func mulmod(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let (high, low) = a.multipliedFullWidth(by: b)
            return m.dividingFullWidth((high, low)).remainder
        }
        func powmod(_ base: UInt64, _ exponent: UInt64) -> UInt64 {
            var result: UInt64 = 1, b = base % m, e = exponent
            while e > 0 {
                if e & 1 == 1 { result = mulmod(result, b) }
                b = mulmod(b, b)
                e >>= 1
            }
            return result
        }
        witnesses: for a in small {
            var x = powmod(a, d)
            if x == 1 || x == m - 1 { continue }
            for _ in 1..<max(s, 1) {
                x = mulmod(x, x)
                if x == m - 1 { continue witnesses }
            }
            return false
        }
        return true
    }

    /// Whether `n` is the square of an integer.
    public static func isSquare(_ n: Int) -> Bool {
        if n < 0 { return false }
        var r = Int(Double(n).squareRoot())
        while r > 0 && r.multipliedReportingOverflow(by: r).overflow { r -= 1 }
        while r * r > n { r -= 1 }
        while (r + 1).multipliedReportingOverflow(by: r + 1).overflow == false && (r + 1) * (r + 1) <= n { r += 1 }
        return r * r == n
    }
}
