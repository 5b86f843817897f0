import SMT
import Testing

@Suite struct SolverTests {
    /// 128-bit factoring of a product of two large primes: far beyond 50 ms.
    func addHardFactoring(to solver: Solver, in z3: Context) throws {
        let x = try z3.bv64("x"), y = try z3.bv64("y")
        let zero = try z3.bv64(0)
        let product = try z3.apply("bvmul", [z3.apply("concat", [zero, x]), z3.apply("concat", [zero, y])])
        let target = try z3.apply("concat", [zero, z3.bv64(4_294_967_291 &* 4_294_967_279)])
        try solver.add(z3.apply("=", [product, target]))
        try solver.add(z3.apply("bvugt", [x, z3.bv64(1)]))
        try solver.add(z3.apply("bvugt", [y, z3.bv64(1)]))
    }

    @Test func timeoutGivesUnknownNotAnError() throws {
        let z3 = try Context()
        let solver = try z3.makeSolver()
        try solver.setTimeout(milliseconds: 50)
        try addHardFactoring(to: solver, in: z3)
        let result = try solver.check()
        guard case .unknown(let reason) = result else {
            Issue.record("expected unknown, got \(result)")
            return
        }
        #expect(reason == "timeout" || reason == "canceled")
    }

    @Test func timeoutSurvivesReset() throws {
        let z3 = try Context()
        let solver = try z3.makeSolver(logic: "QF_BV")
        try solver.setTimeout(milliseconds: 50)
        try solver.add(z3.bool(false))
        guard case .unsat = try solver.check() else { Issue.record("false should be unsat"); return }
        solver.reset()
        try addHardFactoring(to: solver, in: z3)
        guard case .unknown = try solver.check() else { Issue.record("expected unknown after reset"); return }
    }

    @Test func pushPopAndResetRestoreAssertions() throws {
        let z3 = try Context()
        let x = try z3.constant("x", sort: z3.intSort)
        let solver = try z3.makeSolver()
        try solver.add(z3.apply(">", [x, z3.int(0)]))
        solver.push()
        #expect(solver.scopeDepth == 1)
        try solver.add(z3.apply("<", [x, z3.int(0)]))
        guard case .unsat = try solver.check() else { Issue.record("x > 0 and x < 0"); return }
        solver.pop()
        #expect(solver.scopeDepth == 0)
        let found = try #require(model(of: solver.check()))
        #expect(try found.evaluate(x).intValue.map { $0 > 0 } == true)
        solver.pop(5)  // more than open: harmless
        try solver.add(z3.bool(false))
        solver.reset()
        guard case .sat = try solver.check() else { Issue.record("reset should drop false"); return }
    }

    @Test func uninterpretedFunctionsAndParsing() throws {
        let z3 = try Context()
        let f = try z3.declareFunction("f", domain: [z3.intSort], range: z3.intSort)
        #expect(f.arity == 1 && f.name == "f")
        let x = try z3.constant("x", sort: z3.intSort)
        let fx = try z3.apply(f, [x])
        #expect(throws: SMTError.self) { try z3.apply(f, [x, x]) }
        #expect(throws: SMTError.self) { try z3.apply(f, [z3.bool(true)]) }
        let formulas = try z3.parseSMTLIB2(
            "(assert (= (f x) (+ x 1))) (assert (> x 2))",
            declarations: [f, try #require(x.declaration)])
        #expect(formulas.count == 2)
        let solver = try z3.makeSolver()
        for formula in formulas { try solver.add(formula) }
        try solver.add(z3.apply("<", [fx, z3.int(4)]))
        guard case .unsat = try solver.check() else { Issue.record("f(x) = x+1 > 3"); return }
        #expect(throws: SMTError.self) { try z3.parseSMTLIB2("(assert (= 1 true))") }
        #expect(throws: SMTError.self) { try z3.parseSMTLIB2("(assert (bvfoo") }
        #expect(try z3.parseSMTLIB2("(assert true)").first?.boolValue == true)
    }

    @Test func termsAreHashableAndHashConsed() throws {
        let z3 = try Context()
        let a = try z3.apply("bvadd", [z3.bv64("x"), z3.bv64(1)])
        let b = try z3.apply("bvadd", [z3.bv64("x"), z3.bv64(1)])
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(a.description == "(bvadd x #x0000000000000001)")
        #expect(z3.boolSort.kind == .bool && z3.stringSort.kind == .string)
        #expect(z3.intSort == z3.intSort)
    }
}

@Suite struct SolverDeadlineTests {
    @Test func aDeadlineAlreadyPastGivesUnknownWithoutDeciding() throws {
        let z3 = try Context()
        let solver = try z3.makeSolver()
        try solver.add(z3.bool(true))
        let result = try solver.check(deadline: .now - .seconds(1))
        guard case .unknown(let reason) = result else {
            Issue.record("expected unknown, got \(result)")
            return
        }
        #expect(reason == "timeout")
    }

    @Test func aCheckPastItsDeadlineIsStoppedAndTheSolverStaysUsable() throws {
        let z3 = try Context()
        let solver = try z3.makeSolver()
        try SolverTests().addHardFactoring(to: solver, in: z3)
        let result = try solver.check(deadline: .now + .milliseconds(100))
        guard case .unknown(let reason) = result else {
            Issue.record("expected unknown, got \(result)")
            return
        }
        #expect(reason == "timeout")
        solver.reset()
        try solver.add(z3.bool(false))
        #expect(try solver.check(deadline: .now + .seconds(10)).description == "unsat")
    }
}
