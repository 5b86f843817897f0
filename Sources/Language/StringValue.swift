/// A string value with SMT-LIB 2.6 semantics: a sequence of Unicode code points.
///
/// Swift's `String` compares by canonical equivalence and counts grapheme clusters; SMT-LIB
/// strings compare code point by code point and index by code point. Keeping the code points
/// in an array makes `str.at`, `str.substr` and `str.len` O(1) and exact.
public struct StringValue: Hashable, Sendable, Comparable {
    public var codePoints: [UInt32]

    public init(codePoints: [UInt32]) {
        self.codePoints = codePoints
    }

    public init(_ text: String) {
        self.codePoints = text.unicodeScalars.map(\.value)
    }

    /// Hashes the code points as one block of bytes (the synthesized conformance combines
    /// them one by one, which dominated string searches' observational-equivalence checks).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(codePoints.count)
        codePoints.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    public var count: Int { codePoints.count }
    public var isEmpty: Bool { codePoints.isEmpty }

    /// The Swift string with the same code points.
    public var string: String {
        var scalars = String.UnicodeScalarView()
        for c in codePoints {
            scalars.append(Unicode.Scalar(c) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Lexicographic order by code point (SMT-LIB `str.<`).
    public static func < (a: StringValue, b: StringValue) -> Bool {
        a.codePoints.lexicographicallyPrecedes(b.codePoints)
    }

    /// SMT-LIB 2.6 literal: printable ASCII as is, a quote doubled, everything else
    /// (and the backslash, so that the text never reads as an escape) as `\u{…}`.
    public var literal: String {
        var text = "\""
        for c in codePoints {
            if c == 0x22 {
                text += "\"\""
            } else if c >= 0x20 && c < 0x7F && c != 0x5C {
                text.unicodeScalars.append(Unicode.Scalar(c)!)
            } else {
                text += "\\u{" + String(c, radix: 16) + "}"
            }
        }
        return text + "\""
    }

    /// The value of an SMT-LIB 2.6 string literal's contents (quotes already removed and
    /// doubled quotes already undoubled by the reader): `\u{X…}` (1-5 hex digits) and `\uXXXX`
    /// escapes stand for code points; any other backslash is itself.
    public init(smtLiteral text: String) {
        let scalars = Array(text.unicodeScalars)
        var result: [UInt32] = []
        var i = 0
        func hexValue(_ s: ArraySlice<Unicode.Scalar>) -> UInt32? {
            guard !s.isEmpty else { return nil }
            var v: UInt32 = 0
            for c in s {
                guard let d = Int(String(c), radix: 16) else { return nil }
                v = v * 16 + UInt32(d)
            }
            return v
        }
        while i < scalars.count {
            if scalars[i] == "\\", i + 1 < scalars.count, scalars[i + 1] == "u" {
                if i + 2 < scalars.count, scalars[i + 2] == "{",
                   let close = scalars[(i + 3)...].firstIndex(of: "}"), close - (i + 3) <= 5,
                   let v = hexValue(scalars[(i + 3)..<close]), v <= 0x2FFFF {
                    result.append(v)
                    i = close + 1
                    continue
                }
                if i + 5 < scalars.count, let v = hexValue(scalars[(i + 2)...(i + 5)]) {
                    result.append(v)
                    i += 6
                    continue
                }
            }
            result.append(scalars[i].value)
            i += 1
        }
        self.codePoints = result
    }
}
