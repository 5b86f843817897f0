import SMT
import Testing

@Suite struct IntegerTests {
    @Test func maxAsIteIsVerified() throws {
        let z3 = try Context()
        let x = try z3.constant("x", sort: z3.intSort)
        let y = try z3.constant("y", sort: z3.intSort)
        let r = try z3.apply("ite", [z3.apply(">=", [x, y]), x, y])
        let spec = try z3.apply("and", [
            z3.apply(">=", [r, x]),
            z3.apply(">=", [r, y]),
            z3.apply("or", [z3.apply("=", [r, x]), z3.apply("=", [r, y])]),
        ])
        let solver = try z3.makeSolver(logic: "QF_LIA")
        try solver.add(z3.apply("not", [spec]))
        guard case .unsat = try solver.check() else {
            Issue.record("ite(x >= y, x, y) should meet the max specification")
            return
        }
    }

    @Test func extremeNumeralsRoundTrip() throws {
        let z3 = try Context()
        #expect(try z3.int(.min).intValue == .min)
        #expect(try z3.int(.max).intValue == .max)
        #expect(try z3.int(-5).intValue == -5)
        let tooBig = try z3.simplify(z3.apply("+", [z3.int(.max), z3.int(1)]))
        #expect(tooBig.intValue == nil)
        #expect(try z3.constant("x", sort: z3.intSort).intValue == nil)
    }

    @Test func modelsReadBackExtremeIntegers() throws {
        let z3 = try Context()
        let x = try z3.constant("x", sort: z3.intSort)
        let solver = try z3.makeSolver()
        try solver.add(z3.apply("=", [x, z3.int(.min)]))
        let found = try #require(model(of: solver.check()))
        #expect(try found.evaluate(x).intValue == .min)
    }

    @Test func arithmeticOperatorsSimplifyToExpectedValues() throws {
        let z3 = try Context()
        func value(_ op: String, _ args: [Int]) throws -> Int? {
            try z3.simplify(z3.apply(op, args.map { try z3.int($0) })).intValue
        }
        #expect(try value("-", [7]) == -7)
        #expect(try value("-", [10, 3, 2]) == 5)
        #expect(try value("+", [1, 2, 3]) == 6)
        #expect(try value("*", [2, 3, 4]) == 24)
        #expect(try value("div", [-7, 2]) == -4)  // SMT-LIB: floor for positive divisors
        #expect(try value("mod", [-7, 2]) == 1)
        #expect(try value("abs", [-9]) == 9)
        #expect(try z3.simplify(z3.apply("<", [z3.int(1), z3.int(2), z3.int(3)])).boolValue == true)
        #expect(try z3.simplify(z3.apply("<", [z3.int(1), z3.int(3), z3.int(2)])).boolValue == false)
    }
}
