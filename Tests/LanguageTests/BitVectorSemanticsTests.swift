import Testing
import Language

/// `op a b` on `width`-bit vectors, as raw bits.
private func bv(_ op: Operation, _ a: UInt64, _ b: UInt64, width: Int) throws -> UInt64 {
    let result = try op.evaluate(.bitVector(a, width: width), .bitVector(b, width: width))
    return try #require(result.bitVectorValue).bits
}

private func holds(_ op: Operation, _ a: UInt64, _ b: UInt64, width: Int) throws -> Bool {
    let result = try op.evaluate(.bitVector(a, width: width), .bitVector(b, width: width))
    return try #require(result.boolValue as Bool?)
}

private let ones32: UInt64 = 0xFFFF_FFFF
private let min32: UInt64 = 0x8000_0000
/// The 32-bit two's-complement pattern of `n`.
private func s32(_ n: Int64) -> UInt64 { UInt64(bitPattern: n) & ones32 }

@Test func divisionByZeroFollowsSMTLIB() throws {
    #expect(try bv(.bvudiv, 7, 0, width: 32) == ones32)
    #expect(try bv(.bvudiv, 7, 0, width: 64) == .max)
    #expect(try bv(.bvudiv, 0, 0, width: 8) == 0xFF)
    #expect(try bv(.bvurem, 7, 0, width: 32) == 7)
    #expect(try bv(.bvurem, .max, 0, width: 64) == .max)
    // bvsdiv s 0 is bvudiv of the magnitudes, negated when s is negative.
    #expect(try bv(.bvsdiv, 7, 0, width: 32) == ones32)
    #expect(try bv(.bvsdiv, s32(-7), 0, width: 32) == 1)
    #expect(try bv(.bvsrem, s32(-7), 0, width: 32) == s32(-7))
    #expect(try bv(.bvsmod, s32(-7), 0, width: 32) == s32(-7))
    #expect(try bv(.bvsmod, 7, 0, width: 64) == 7)
}

@Test(arguments: [
    // (a, b, bvsdiv, bvsrem, bvsmod) in 32-bit signed terms: sdiv truncates, srem takes the
    // dividend's sign, smod the divisor's.
    (Int64(7), Int64(2), Int64(3), Int64(1), Int64(1)),
    (-7, 2, -3, -1, 1),
    (7, -2, -3, 1, -1),
    (-7, -2, 3, -1, -1),
    (-8, 2, -4, 0, 0),
    (8, -2, -4, 0, 0),
    (Int64(Int32.min), -1, Int64(Int32.min), 0, 0),
    (Int64(Int32.min), 3, -715_827_882, -2, 1),
    (Int64(Int32.max), Int64(Int32.min), 0, Int64(Int32.max), -1),
])
func signedDivisionRules(a: Int64, b: Int64, quotient: Int64, remainder: Int64, modulus: Int64) throws {
    #expect(try bv(.bvsdiv, s32(a), s32(b), width: 32) == s32(quotient))
    #expect(try bv(.bvsrem, s32(a), s32(b), width: 32) == s32(remainder))
    #expect(try bv(.bvsmod, s32(a), s32(b), width: 32) == s32(modulus))
    // The same numbers at 64 bits, where they are all in range.
    let w64 = { (n: Int64) in UInt64(bitPattern: n) }
    if a != Int64(Int32.min) || b != -1 {
        #expect(try bv(.bvsdiv, w64(a), w64(b), width: 64) == w64(quotient))
    }
}

@Test func signedDivisionOfTheMinimumByMinusOneWrapsAt64Bits() throws {
    let min64: UInt64 = 1 << 63
    #expect(try bv(.bvsdiv, min64, .max, width: 64) == min64)
    #expect(try bv(.bvsrem, min64, .max, width: 64) == 0)
    #expect(try bv(.bvsmod, min64, .max, width: 64) == 0)
}

@Test func shiftsByTheWidthOrMoreClearOrFill() throws {
    #expect(try bv(.bvshl, 1, 31, width: 32) == min32)
    #expect(try bv(.bvshl, 1, 32, width: 32) == 0)
    #expect(try bv(.bvshl, 1, ones32, width: 32) == 0)
    #expect(try bv(.bvshl, 1, 63, width: 64) == 1 << 63)
    #expect(try bv(.bvshl, 1, 64, width: 64) == 0)
    #expect(try bv(.bvshl, .max, .max, width: 64) == 0)
    #expect(try bv(.bvlshr, min32, 31, width: 32) == 1)
    #expect(try bv(.bvlshr, ones32, 32, width: 32) == 0)
    #expect(try bv(.bvlshr, .max, 64, width: 64) == 0)
    #expect(try bv(.bvshl, 0b1000_0001, 1, width: 8) == 0b10)
}

@Test func arithmeticShiftCopiesTheSignBit() throws {
    #expect(try bv(.bvashr, 0xF000_0000, 4, width: 32) == 0xFF00_0000)
    #expect(try bv(.bvashr, min32, 31, width: 32) == ones32)
    #expect(try bv(.bvashr, min32, 32, width: 32) == ones32)
    #expect(try bv(.bvashr, min32, ones32, width: 32) == ones32)
    #expect(try bv(.bvashr, 0x4000_0000, 30, width: 32) == 1)
    #expect(try bv(.bvashr, 0x4000_0000, 40, width: 32) == 0)
    #expect(try bv(.bvashr, 1 << 63, 63, width: 64) == .max)
    #expect(try bv(.bvashr, 1 << 63, 1_000, width: 64) == .max)
    #expect(try bv(.bvashr, 0x80, 3, width: 8) == 0xF0)
    #expect(try bv(.bvashr, s32(-5), 1, width: 32) == s32(-3))
}

@Test func wrappingArithmeticAndBitwiseOperations() throws {
    #expect(try bv(.bvadd, 0xFF, 1, width: 8) == 0)
    #expect(try bv(.bvadd, ones32, 2, width: 32) == 1)
    #expect(try bv(.bvadd, .max, 2, width: 64) == 1)
    #expect(try bv(.bvsub, 0, 1, width: 32) == ones32)
    #expect(try bv(.bvmul, 16, 16, width: 8) == 0)
    #expect(try bv(.bvmul, 0x1_0000_0001, 0x1_0000_0001, width: 64) == 0x2_0000_0001)
    #expect(try bv(.bvand, 0b1100, 0b1010, width: 4) == 0b1000)
    #expect(try bv(.bvor, 0b1100, 0b1010, width: 4) == 0b1110)
    #expect(try bv(.bvxor, 0b1100, 0b1010, width: 4) == 0b0110)
    #expect(try bv(.bvnand, 0b1100, 0b1010, width: 4) == 0b0111)
    #expect(try bv(.bvnor, 0b1100, 0b1010, width: 4) == 0b0001)
    #expect(try bv(.bvxnor, 0b1100, 0b1010, width: 4) == 0b1001)
    #expect(try Operation.bvnot.evaluate(.bitVector(0, width: 32)) == .bitVector(ones32, width: 32))
    #expect(try Operation.bvneg.evaluate(.bitVector(1, width: 64)) == .bitVector(.max, width: 64))
    #expect(try Operation.bvneg.evaluate(.bitVector(min32, width: 32)) == .bitVector(min32, width: 32))
    #expect(try Operation.bvneg.evaluate(.bitVector(0, width: 8)) == .bitVector(0, width: 8))
}

@Test func signedAndUnsignedComparisonsDisagreeOnTheSignBit() throws {
    #expect(try holds(.bvult, min32, 1, width: 32) == false)
    #expect(try holds(.bvslt, min32, 1, width: 32) == true)
    #expect(try holds(.bvsgt, ones32, min32, width: 32) == true)
    #expect(try holds(.bvugt, ones32, min32, width: 32) == true)
    #expect(try holds(.bvsle, 1 << 63, .max, width: 64) == true)
    #expect(try holds(.bvuge, 1 << 63, .max, width: 64) == false)
    #expect(try holds(.bvule, 5, 5, width: 8) && holds(.bvsge, 5, 5, width: 8))
    #expect(try Operation.equal.evaluate(.bitVector(5, width: 8), .bitVector(5, width: 8)) == .bool(true))
    #expect(try Operation.distinct.evaluate(.bitVector(5, width: 8), .bitVector(6, width: 8)) == .bool(true))
}

@Test func operandsOfDifferentWidthsAreATypeMismatch() {
    #expect(throws: EvaluationFailure.typeMismatch) {
        try Operation.bvadd.evaluate(.bitVector(1, width: 32), .bitVector(1, width: 64))
    }
}

@Test func bitVectorValuesKeepOnlyTheirWidth() {
    let v = BitVector(0x1FF, width: 8)
    #expect(v.bits == 0xFF)
    #expect(v.signed == -1 && v.isNegative)
    #expect(BitVector(0x7F, width: 8).signed == 127)
    #expect(BitVector(1 << 63, width: 64).signed == .min)
    #expect(BitVector.mask(1) == 1 && BitVector.mask(64) == .max)
    #expect(BitVector(0xff, width: 16).literal == "#x00ff")
    #expect(BitVector(5, width: 3).literal == "#b101")
    #expect(BitVector(0, width: 64).literal == "#x0000000000000000")
    #expect(BitVector(literal: "#x00ff") == BitVector(0xff, width: 16))
    #expect(BitVector(literal: "#b0101") == BitVector(5, width: 4))
}
