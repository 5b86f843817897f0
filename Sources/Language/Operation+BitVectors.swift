/// SMT-LIB semantics of the bit-vector operations on raw bits that take more than an
/// expression: division, remainder and shifts, shared by the catalogue's rows
/// (`Operators+BitVectors.swift`) and the bottom-up search's word kernels.
///
/// Arguments and results are the low `width` bits of a `UInt64` (higher bits zero);
/// `mask` is `BitVector.mask(width)`. Division by zero follows SMT-LIB:
/// `bvudiv x 0` is all ones, `bvurem x 0` is `x`, and the signed forms follow from them.
public enum BitVectorSemantics {
    @inlinable
    static func isNegative(_ x: UInt64, _ width: Int) -> Bool { x >> UInt64(width - 1) & 1 == 1 }

    @inlinable
    static func negate(_ x: UInt64, _ mask: UInt64) -> UInt64 { (0 &- x) & mask }

    @inlinable
    public static func udiv(_ a: UInt64, _ b: UInt64, mask: UInt64) -> UInt64 {
        b == 0 ? mask : a / b
    }

    @inlinable
    public static func urem(_ a: UInt64, _ b: UInt64) -> UInt64 {
        b == 0 ? a : a % b
    }

    @inlinable
    public static func sdiv(_ a: UInt64, _ b: UInt64, width: Int, mask: UInt64) -> UInt64 {
        let aNegative = isNegative(a, width), bNegative = isNegative(b, width)
        let magnitudeA = aNegative ? negate(a, mask) : a
        let magnitudeB = bNegative ? negate(b, mask) : b
        let quotient = udiv(magnitudeA, magnitudeB, mask: mask)
        return aNegative != bNegative ? negate(quotient, mask) : quotient
    }

    @inlinable
    public static func srem(_ a: UInt64, _ b: UInt64, width: Int, mask: UInt64) -> UInt64 {
        let aNegative = isNegative(a, width), bNegative = isNegative(b, width)
        let magnitudeA = aNegative ? negate(a, mask) : a
        let magnitudeB = bNegative ? negate(b, mask) : b
        let remainder = urem(magnitudeA, magnitudeB)
        return aNegative ? negate(remainder, mask) : remainder
    }

    @inlinable
    public static func smod(_ a: UInt64, _ b: UInt64, width: Int, mask: UInt64) -> UInt64 {
        let aNegative = isNegative(a, width), bNegative = isNegative(b, width)
        let magnitudeA = aNegative ? negate(a, mask) : a
        let magnitudeB = bNegative ? negate(b, mask) : b
        let u = urem(magnitudeA, magnitudeB)
        if u == 0 { return 0 }
        switch (aNegative, bNegative) {
        case (false, false): return u
        case (true, false): return (negate(u, mask) &+ b) & mask
        case (false, true): return (u &+ b) & mask
        case (true, true): return negate(u, mask)
        }
    }

    @inlinable
    public static func shl(_ a: UInt64, _ b: UInt64, width: Int, mask: UInt64) -> UInt64 {
        b >= UInt64(width) ? 0 : (a << b) & mask
    }

    @inlinable
    public static func lshr(_ a: UInt64, _ b: UInt64, width: Int) -> UInt64 {
        b >= UInt64(width) ? 0 : a >> b
    }

    @inlinable
    public static func ashr(_ a: UInt64, _ b: UInt64, width: Int, mask: UInt64) -> UInt64 {
        let negative = isNegative(a, width)
        if b >= UInt64(width) { return negative ? mask : 0 }
        let shifted = a >> b
        return negative ? (shifted | ~(mask >> b)) & mask : shifted
    }

    @inlinable
    public static func signed(_ a: UInt64, width: Int) -> Int64 {
        BitVector(a, width: width).signed
    }
}
