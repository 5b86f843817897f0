import SMT
import Testing

@Suite struct BitVectorTests {
    @Test func clearingLowestSetBitIdentityIsUnsatWhenNegated() throws {
        let z3 = try Context()
        let x = try z3.bv64("x")
        let lhs = try z3.apply("bvand", [x, z3.apply("bvsub", [x, z3.bv64(1)])])
        let rhs = try z3.apply("bvxor", [x, z3.apply("bvand", [x, z3.apply("bvneg", [x])])])
        let solver = try z3.makeSolver(logic: "QF_BV")
        try solver.add(z3.apply("not", [z3.apply("=", [lhs, rhs])]))
        guard case .unsat = try solver.check() else {
            Issue.record("x & (x-1) == x ^ (x & -x) should hold for all 64-bit x")
            return
        }
    }

    @Test func wrongCandidateGivesCounterexampleThatReallyViolatesIt() throws {
        let z3 = try Context()
        let x = try z3.bv64("x")
        let xPlusOne = try z3.apply("bvadd", [x, z3.bv64(1)])
        let claim = try z3.apply("=", [z3.apply("bvor", [x, xPlusOne]), xPlusOne])
        let solver = try z3.makeSolver()
        try solver.add(z3.apply("not", [claim]))
        let counterexample = try #require(model(of: solver.check()))
        let value = try #require(try counterexample.evaluate(x).bitVectorValue)
        #expect(value | (value &+ 1) != value &+ 1)
    }

    @Test func counterexampleAboveInt64MaxReadsBackAsUInt64() throws {
        let z3 = try Context()
        let x = try z3.bv64("x")
        let xPlusOne = try z3.apply("bvadd", [x, z3.bv64(1)])
        let solver = try z3.makeSolver()
        try solver.add(z3.apply("not", [z3.apply("=", [z3.apply("bvor", [x, xPlusOne]), xPlusOne])]))
        try solver.add(z3.apply("bvugt", [x, z3.bv64(0x7fff_ffff_ffff_ffff)]))
        let counterexample = try #require(model(of: solver.check()))
        let value = try #require(try counterexample.evaluate(x).bitVectorValue)
        #expect(value > UInt64(Int64.max))
        #expect(value | (value &+ 1) != value &+ 1)
        let signed = try z3.apply("bvslt", [x, z3.bv64(0)])
        #expect(try counterexample.evaluate(signed).boolValue == true)
    }

    @Test func divisionByZeroFollowsSMTLIB() throws {
        let z3 = try Context()
        let five = try z3.bv64(5)
        let zero = try z3.bv64(0)
        #expect(try z3.simplify(z3.apply("bvudiv", [five, zero])).bitVectorValue == UInt64.max)
        #expect(try z3.simplify(z3.apply("bvurem", [five, zero])).bitVectorValue == 5)
        let x = try z3.bv64("x")
        let quotient = try z3.apply("bvudiv", [x, zero])
        #expect(try isValid(z3.apply("=", [quotient, z3.bv64(.max)]), in: z3))
    }

    @Test func literalsAreMaskedToTheirWidth() throws {
        let z3 = try Context()
        #expect(try z3.bitVector(.max, width: 64).bitVectorValue == .max)
        #expect(try z3.bitVector(0x1ff, width: 8).bitVectorValue == 0xff)
        #expect(try z3.bitVector(3, width: 1).bitVectorValue == 1)
        #expect(try z3.bitVector(1, width: 8).sort.kind == .bitVector(width: 8))
        #expect(throws: SMTError.invalidArgument("a bit-vector literal must be 1 to 64 bits wide, got 0")) {
            try z3.bitVector(1, width: 0)
        }
        #expect(throws: SMTError.self) { try z3.bitVector(1, width: 65) }
        #expect(throws: SMTError.self) { try z3.bitVectorSort(width: 0) }
    }

    @Test func builtinOperatorsMissingFromTheCAPIWork() throws {
        let z3 = try Context()
        let a = try z3.bitVector(7, width: 8), b = try z3.bitVector(9, width: 8)
        #expect(try z3.simplify(z3.apply("bvcomp", [a, a])).bitVectorValue == 1)
        #expect(try z3.simplify(z3.apply("bvcomp", [a, b])).bitVectorValue == 0)
        #expect(try z3.apply("bvcomp", [a, b]).description == "(bvcomp #x07 #x09)")
        let wide = try z3.apply("concat", [a, b, a])
        #expect(wide.sort.kind == .bitVector(width: 24))
        #expect(try z3.simplify(wide).bitVectorValue == 0x07_09_07)
        #expect(try z3.simplify(z3.apply("bvadd", [a, b, a])).bitVectorValue == 23)
        #expect(try z3.simplify(z3.apply("bvnand", [a, b])).bitVectorValue == ~(7 & 9) & 0xff)
    }
}
