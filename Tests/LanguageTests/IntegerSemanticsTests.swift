import Testing
import Language

private func int(_ op: Operation, _ a: Int, _ b: Int) throws -> Int {
    try #require(op.evaluate(.int(a), .int(b)).intValue)
}

@Test(arguments: [
    // SMT-LIB div and mod are Euclidean: a = b * q + r with 0 <= r < |b|.
    (7, 2, 3, 1),
    (-7, 2, -4, 1),
    (7, -2, -3, 1),
    (-7, -2, 4, 1),
    (-8, 2, -4, 0),
    (0, -5, 0, 0),
    (Int.min, 1, Int.min, 0),
    (Int.min, 3, -3_074_457_345_618_258_603, 1),
    (Int.min, Int.max, -2, Int.max - 1),
    (Int.max, Int.min, 0, Int.max),
    (-1, Int.min, 1, Int.max),
])
func euclideanDivisionAndModulus(a: Int, b: Int, quotient: Int, remainder: Int) throws {
    #expect(try int(.div, a, b) == quotient)
    #expect(try int(.mod, a, b) == remainder)
}

@Test func divisionByZeroIsAFailure() {
    #expect(throws: EvaluationFailure.divisionByZero) { try Operation.div.evaluate(.int(1), .int(0)) }
    #expect(throws: EvaluationFailure.divisionByZero) { try Operation.mod.evaluate(.int(-1), .int(0)) }
    #expect(EvaluationFailure.divisionByZero.description == "division by zero")
}

@Test func resultsBeyond64BitsAreOverflowFailures() throws {
    #expect(throws: EvaluationFailure.overflow) { try Operation.add.evaluate(.int(.max), .int(1)) }
    #expect(throws: EvaluationFailure.overflow) { try Operation.subtract.evaluate(.int(.min), .int(1)) }
    #expect(throws: EvaluationFailure.overflow) { try Operation.multiply.evaluate(.int(.min), .int(-1)) }
    #expect(throws: EvaluationFailure.overflow) { try Operation.multiply.evaluate(.int(1 << 32), .int(1 << 31)) }
    #expect(throws: EvaluationFailure.overflow) { try Operation.div.evaluate(.int(.min), .int(-1)) }
    #expect(throws: EvaluationFailure.overflow) { try Operation.abs.evaluate(.int(.min)) }
    #expect(throws: EvaluationFailure.overflow) { try Operation.negate.evaluate(.int(.min)) }
    #expect(try int(.mod, .min, -1) == 0)
    #expect(try int(.multiply, 1 << 31, 1 << 31) == 1 << 62)
    #expect(try Operation.abs.evaluate(.int(-5)) == .int(5))
    #expect(try Operation.abs.evaluate(.int(.min + 1)) == .int(.max))
    #expect(try Operation.negate.evaluate(.int(.max)) == .int(.min + 1))
}

@Test func comparisonsAndBooleanConnectives() throws {
    #expect(try Operation.less.evaluate(.int(-1), .int(0)) == .bool(true))
    #expect(try Operation.lessOrEqual.evaluate(.int(0), .int(0)) == .bool(true))
    #expect(try Operation.greater.evaluate(.int(0), .int(0)) == .bool(false))
    #expect(try Operation.greaterOrEqual.evaluate(.int(.min), .int(.max)) == .bool(false))
    #expect(try Operation.implies.evaluate(.bool(false), .bool(false)) == .bool(true))
    #expect(try Operation.implies.evaluate(.bool(true), .bool(false)) == .bool(false))
    #expect(try Operation.xor.evaluate(.bool(true), .bool(true)) == .bool(false))
    #expect(try Operation.ite.evaluate(.bool(false), .int(1), .int(2)) == .int(2))
    #expect(try Operation.equal.evaluate(.list([.int(1)]), .list([.int(1)])) == .bool(true))
    #expect(throws: EvaluationFailure.typeMismatch) { try Operation.add.evaluate(.int(1), .bool(true)) }
}
