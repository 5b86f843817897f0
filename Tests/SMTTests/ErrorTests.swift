import SMT
import Testing

@Suite struct ErrorTests {
    @Test func sortMismatchThrowsAndContextStaysUsable() throws {
        let z3 = try Context()
        let wide = try z3.bv64("x")
        let narrow = try z3.constant("y", sort: z3.bitVectorSort(width: 32))
        do {
            _ = try z3.apply("bvadd", [wide, narrow])
            Issue.record("bvadd of 64 and 32 bits should throw")
        } catch let error {
            guard case let .z3(_, message, operation) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(operation == "bvadd applied to (_ BitVec 64), (_ BitVec 32)")
            #expect(!message.isEmpty)
            #expect(error.description.hasPrefix("Z3 rejected bvadd applied to (_ BitVec 64), (_ BitVec 32): "))
        }
        #expect(throws: SMTError.self) { try z3.apply("+", [z3.int(1), z3.bool(true)]) }
        #expect(throws: SMTError.self) { try z3.apply("ite", [z3.int(1), z3.int(2), z3.int(3)]) }
        #expect(throws: SMTError.self) { try z3.apply("abs", [z3.bool(true)]) }
        #expect(throws: SMTError.self) { try z3.apply("str.replace_all", [wide, wide, wide]) }

        let sum = try z3.apply("bvadd", [wide, wide])
        let doubled = try z3.apply("bvshl", [wide, z3.bv64(1)])
        #expect(try isValid(z3.apply("=", [sum, doubled]), in: z3))
    }

    @Test func unknownOperatorsAndArityErrorsNameTheOperator() throws {
        let z3 = try Context()
        let x = try z3.bv64("x")
        #expect(throws: SMTError.unknownOperator("bvfoo", arity: 2)) { try z3.apply("bvfoo", [x, x]) }
        #expect(throws: SMTError.unknownOperator("bvnot", arity: 2)) { try z3.apply("bvnot", [x, x]) }
        #expect(throws: SMTError.unknownOperator("ite", arity: 0)) { try z3.apply("ite", []) }
        #expect(SMTError.unknownOperator("bvnot", arity: 2).description
            == "No supported SMT-LIB operator 'bvnot' takes 2 arguments.")
        #expect(SMTError.unknownOperator("f", arity: 1).description
            == "No supported SMT-LIB operator 'f' takes 1 argument.")
    }

    @Test func termsFromAnotherContextAreRejected() throws {
        let first = try Context(), second = try Context()
        let x = try first.bv64("x")
        #expect(throws: SMTError.invalidArgument("applying bvnot received a term from another context")) {
            try second.apply("bvnot", [x])
        }
        let solver = try second.makeSolver()
        #expect(throws: SMTError.self) { try solver.add(first.bool(true)) }
        #expect(throws: SMTError.self) { try second.constant("y", sort: first.intSort) }
    }

    @Test func nonBooleanAssertionAndBadSolverSettingsThrow() throws {
        let z3 = try Context()
        let solver = try z3.makeSolver()
        #expect(throws: SMTError.self) { try solver.add(z3.int(3)) }
        #expect(throws: SMTError.self) { try solver.setTimeout(milliseconds: -1) }
        #expect(throws: SMTError.self) { try z3.makeSolver(logic: "NOT_A_LOGIC") }
        #expect(throws: SMTError.self) { try z3.constant("a\u{0}b", sort: z3.intSort) }
    }

    /// Every operator against every combination of sorts up to arity 3: each call returns or
    /// throws, none traps, and the context still proves things afterwards.
    @Test func everyOperatorOnEverySortComboNeverTraps() throws {
        let z3 = try Context()
        let samples: [Term] = [
            z3.bool(true), try z3.int(3), try z3.string("ab"),
            try z3.bitVector(5, width: 8), try z3.bv64(9), try z3.constant("u", sort: z3.intSort),
        ]
        let operators = [
            "=", "distinct", "ite", "not", "and", "or", "xor", "=>", "+", "-", "*", "div", "mod", "abs",
            "<", "<=", ">", ">=", "bvnot", "bvneg", "bvand", "bvor", "bvxor", "bvadd", "bvsub", "bvmul",
            "bvudiv", "bvurem", "bvsdiv", "bvsrem", "bvsmod", "bvshl", "bvlshr", "bvashr", "bvult",
            "bvule", "bvugt", "bvuge", "bvslt", "bvsle", "bvsgt", "bvsge", "bvnand", "bvnor", "bvxnor",
            "bvcomp", "concat", "str.++", "str.len", "str.at", "str.substr", "str.indexof", "str.replace",
            "str.prefixof", "str.suffixof", "str.contains", "str.to_int", "str.from_int", "str.<",
            "str.<=", "str.replace_all", "str.to.int", "int.to.str", "nope",
        ]
        var argumentLists: [[Term]] = [[]]
        var frontier: [[Term]] = [[]]
        for _ in 1...3 {
            frontier = frontier.flatMap { list in samples.map { list + [$0] } }
            argumentLists += frontier
        }
        var built = 0
        for op in operators {
            for args in argumentLists where (try? z3.apply(op, args)) != nil {
                built += 1
            }
        }
        #expect(built > 100)
        #expect(try isValid(z3.apply("=", [z3.int(2), z3.apply("+", [z3.int(1), z3.int(1)])]), in: z3))
    }
}
