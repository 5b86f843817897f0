/// SMT-LIB 2.6 string semantics on code-point arrays: every operation is total
/// (out-of-range positions give `""` or `-1`), as the standard defines.
public enum StringSemantics {
    public static func at(_ s: StringValue, _ i: Int) -> StringValue {
        guard i >= 0 && i < s.count else { return StringValue(codePoints: []) }
        return StringValue(codePoints: [s.codePoints[i]])
    }

    public static func substring(_ s: StringValue, _ i: Int, _ n: Int) -> StringValue {
        guard i >= 0 && i < s.count && n > 0 else { return StringValue(codePoints: []) }
        let end = n >= s.count - i ? s.count : i + n
        return StringValue(codePoints: Array(s.codePoints[i..<end]))
    }

    /// First position `>= from` where `t` occurs in `s`, or -1; `from` outside `0...|s|` gives -1.
    public static func indexOf(_ s: StringValue, _ t: StringValue, _ from: Int) -> Int {
        guard from >= 0 && from <= s.count else { return -1 }
        return find(t.codePoints, in: s.codePoints, from: from) ?? -1
    }

    static func find(_ needle: [UInt32], in haystack: [UInt32], from: Int) -> Int? {
        needle.withUnsafeBufferPointer { needle in
            haystack.withUnsafeBufferPointer { haystack in find(needle, in: haystack, from: from) }
        }
    }

    /// The first position `>= from` where `needle` occurs in `haystack`; an empty needle
    /// occurs at `from`. (The bottom-up search calls it on code points held in its own buffers.)
    public static func find(_ needle: UnsafeBufferPointer<UInt32>, in haystack: UnsafeBufferPointer<UInt32>, from: Int) -> Int? {
        if needle.isEmpty { return from }
        guard haystack.count >= needle.count else { return nil }
        var start = from
        let last = haystack.count - needle.count
        while start <= last {
            var matches = true
            for k in 0..<needle.count where haystack[start + k] != needle[k] {
                matches = false
                break
            }
            if matches { return start }
            start += 1
        }
        return nil
    }

    /// Replaces the first occurrence of `t` in `s` by `u`; an empty `t` puts `u` in front.
    public static func replace(_ s: StringValue, _ t: StringValue, _ u: StringValue) -> StringValue {
        guard let at = find(t.codePoints, in: s.codePoints, from: 0) else { return s }
        return StringValue(codePoints: Array(s.codePoints[..<at]) + u.codePoints + s.codePoints[(at + t.count)...])
    }

    /// Replaces every non-overlapping occurrence of `t`, left to right; an empty `t` changes nothing.
    /// A result longer than `maximumLength` is a `.budgetExhausted` failure, found before it is built
    /// (100,000 copies of a 100,000-character `u` would not fit in memory).
    public static func replaceAll(
        _ s: StringValue, _ t: StringValue, _ u: StringValue, maximumLength: Int = .max
    ) throws(EvaluationFailure) -> StringValue {
        guard !t.isEmpty else { return s }
        var result: [UInt32] = []
        var position = 0
        while let at = find(t.codePoints, in: s.codePoints, from: position) {
            guard result.count + (at - position) + u.count <= maximumLength else { throw .budgetExhausted }
            result += s.codePoints[position..<at]
            result += u.codePoints
            position = at + t.count
        }
        guard result.count + (s.count - position) <= maximumLength else { throw .budgetExhausted }
        result += s.codePoints[position...]
        return StringValue(codePoints: result)
    }

    public static func isPrefix(_ s: StringValue, of t: StringValue) -> Bool {
        s.count <= t.count && t.codePoints[..<s.count].elementsEqual(s.codePoints)
    }

    public static func isSuffix(_ s: StringValue, of t: StringValue) -> Bool {
        s.count <= t.count && t.codePoints[(t.count - s.count)...].elementsEqual(s.codePoints)
    }

    public static func contains(_ s: StringValue, _ t: StringValue) -> Bool {
        find(t.codePoints, in: s.codePoints, from: 0) != nil
    }

    /// The decimal value of a non-empty string of digits `0-9`; -1 for anything else.
    /// A value beyond 64 bits is an overflow failure.
    public static func toInt(_ s: StringValue) throws(EvaluationFailure) -> Int {
        guard !s.isEmpty else { return -1 }
        var value = 0
        for c in s.codePoints {
            guard c >= 0x30 && c <= 0x39 else { return -1 }
            value = try IntegerSemantics.add(try IntegerSemantics.multiply(value, 10), Int(c - 0x30))
        }
        return value
    }

    /// The decimal digits of a non-negative integer; `""` for a negative one.
    public static func fromInt(_ n: Int) -> StringValue {
        n < 0 ? StringValue(codePoints: []) : StringValue(String(n))
    }
}
