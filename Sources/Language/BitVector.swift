/// A fixed-width bit-vector value of 1 to 64 bits, stored in the low bits of a `UInt64`.
///
/// Invariant: bits above `width` are zero.
public struct BitVector: Hashable, Sendable {
    public let bits: UInt64
    public let width: Int

    /// The value `bits` truncated to `width` bits.
    public init(_ bits: UInt64, width: Int) {
        precondition((1...64).contains(width), "bit-vector width \(width) is outside 1...64")
        self.width = width
        self.bits = bits & BitVector.mask(width)
    }

    /// All ones in the low `width` bits.
    @inlinable
    public static func mask(_ width: Int) -> UInt64 {
        width >= 64 ? ~0 : (1 << UInt64(width)) - 1
    }

    /// Whether the most significant bit (the sign in two's complement) is set.
    @inlinable
    public var isNegative: Bool { bits >> UInt64(width - 1) & 1 == 1 }

    /// The value read as a two's-complement signed number.
    @inlinable
    public var signed: Int64 {
        width == 64 ? Int64(bitPattern: bits) : (isNegative ? Int64(bitPattern: bits | ~BitVector.mask(width)) : Int64(bits))
    }

    /// SMT-LIB spelling: `#x…` when the width is a multiple of 4, `#b…` otherwise.
    public var literal: String {
        if width % 4 == 0 {
            let hex = String(bits, radix: 16)
            return "#x" + String(repeating: "0", count: width / 4 - hex.count) + hex
        }
        let binary = String(bits, radix: 2)
        return "#b" + String(repeating: "0", count: width - binary.count) + binary
    }

    /// Reads `#x…` (4 bits a digit) or `#b…` (1 bit a digit); `nil` when malformed or wider than 64 bits.
    public init?(literal: String) {
        if literal.hasPrefix("#x") {
            let digits = literal.dropFirst(2)
            // Checked digit by digit: `UInt64(_:radix:)` alone would accept a sign (`#x+f`).
            guard !digits.isEmpty, digits.count <= 16, digits.allSatisfy(\.isHexDigit),
                  let value = UInt64(digits, radix: 16) else { return nil }
            self.init(value, width: digits.count * 4)
        } else if literal.hasPrefix("#b") {
            let digits = literal.dropFirst(2)
            guard !digits.isEmpty, digits.count <= 64, digits.allSatisfy({ $0 == "0" || $0 == "1" }),
                  let value = UInt64(digits, radix: 2) else { return nil }
            self.init(value, width: digits.count)
        } else {
            return nil
        }
    }
}
