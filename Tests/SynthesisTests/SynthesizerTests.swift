import Language
import Synthesis
import Tasks
import Testing

private func solve(_ text: String, initialPoints: Int = 8, timeout: Duration = .seconds(20)) throws -> (SyGuSProblem, SynthesisResult) {
    let problem = try SyGuSProblem(parsing: text)
    var options = SynthesisOptions()
    options.initialPoints = initialPoints
    options.timeout = timeout
    return (problem, Synthesizer(options: options).solve(problem))
}

private func body(_ result: SynthesisResult) throws -> Expression {
    guard case .solved(let bodies) = result.status, let body = bodies[0] else {
        Issue.record("not solved: \(result.status)")
        throw CancellationError()
    }
    return body
}

@Suite struct SynthesizerTests {
    static let turnOffRightmostOne = """
        (set-logic BV)
        (define-fun spec ((x (_ BitVec 32))) (_ BitVec 32) (bvand x (bvsub x #x00000001)))
        (synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
            ((Start (_ BitVec 32)))
            ((Start (_ BitVec 32) ((bvand Start Start) (bvor Start Start) (bvsub Start Start) (bvadd Start Start) x #x00000001))))
        (declare-var x (_ BitVec 32))
        (constraint (= (spec x) (f x)))
        (check-synth)
        """

    @Test func cegisAddsCounterexamplesAndConvergesToAVerifiedAnswer() throws {
        // With no starting points the first candidate (x) is wrong; counterexamples fix that.
        let (problem, result) = try solve(Self.turnOffRightmostOne, initialPoints: 0)
        let answer = try body(result)
        #expect(result.iterations > 1)
        #expect(problem.answer(function: 0, body: answer)
            == "(define-fun f ((x (_ BitVec 32))) (_ BitVec 32) (bvand x (bvsub x #x00000001)))")
        // Re-check on edge values and a sweep of others.
        let evaluator = ExpressionEvaluator(definitions: problem.definitions, solutions: [0: answer])
        for bits: UInt64 in [0, 1, 0x8000_0000, 0xFFFF_FFFF, 0x1234_5678, 0xF0F0_0000] {
            let x = Value.bitVector(bits, width: 32)
            let expected = try evaluator.evaluate(.definition(0, [.constant(x)]), variables: [])
            #expect(try evaluator.evaluate(.synthesized(0, [.constant(x)]), variables: []) == expected)
        }
    }

    @Test func examplesAloneAreSolvedByEvaluation() throws {
        let (problem, result) = try solve("""
            (set-logic SLIA)
            (synth-fun f ((name String)) String
                ((Start String) (I Int))
                ((Start String (name " " (str.++ Start Start) (str.substr Start I I)))
                 (I Int (0 1 2 (str.indexof Start Start I) (str.len Start)))))
            (constraint (= (f "Ada Lovelace") "Ada"))
            (constraint (= (f "Alan Turing") "Alan"))
            (constraint (= (f "Grace Hopper") "Grace"))
            (check-synth)
            """)
        let answer = try body(result)
        let evaluator = ExpressionEvaluator(definitions: [], solutions: [0: answer])
        for constraint in problem.constraints {
            #expect(try evaluator.evaluate(constraint, variables: []) == .bool(true))
        }
        #expect(problem.text(of: answer, function: 0) == "(str.substr name 0 (str.indexof name \" \" 0))")
    }

    @Test func divideAndConquerJoinsTermsWithTheGrammarsConditional() throws {
        let (problem, result) = try solve("""
            (set-logic LIA)
            (synth-fun max3 ((x Int) (y Int) (z Int)) Int)
            (declare-var x Int)
            (declare-var y Int)
            (declare-var z Int)
            (constraint (>= (max3 x y z) x))
            (constraint (>= (max3 x y z) y))
            (constraint (>= (max3 x y z) z))
            (constraint (or (= x (max3 x y z)) (or (= y (max3 x y z)) (= z (max3 x y z)))))
            (check-synth)
            """)
        let answer = try body(result)
        let text = problem.text(of: answer, function: 0)
        #expect(text.hasPrefix("(ite "))
        let evaluator = ExpressionEvaluator(definitions: [], solutions: [0: answer])
        for (x, y, z) in [(1, 2, 3), (3, 2, 1), (2, 3, 1), (-5, -5, -7), (0, 0, 0), (9, -9, 9)] {
            let call = Expression.synthesized(0, [.constant(.int(x)), .constant(.int(y)), .constant(.int(z))])
            #expect(try evaluator.evaluate(call, variables: []) == .int(max(x, y, z)))
        }
    }

    @Test func contradictoryExamplesAreInfeasible() throws {
        let (_, result) = try solve("""
            (set-logic SLIA)
            (synth-fun f ((s String)) String ((Start String)) ((Start String (s ""))))
            (constraint (= (f "a") "b"))
            (constraint (= (f "a") "c"))
            (check-synth)
            """)
        guard case .infeasible(let reason) = result.status else {
            Issue.record("expected infeasible, got \(result.status)")
            return
        }
        #expect(reason == "the constraints demand two different outputs for the input \"a\"")
    }

    @Test func runningOutOfTimeIsUnknownNotAnError() throws {
        // No program of this grammar satisfies the constraint, so the search runs to the deadline.
        let (_, result) = try solve("""
            (set-logic BV)
            (synth-fun f ((x (_ BitVec 8))) (_ BitVec 8) ((Start (_ BitVec 8))) ((Start (_ BitVec 8) (x (bvshl Start Start)))))
            (declare-var x (_ BitVec 8))
            (constraint (= (f x) (bvnot x)))
            (check-synth)
            """, timeout: .milliseconds(300))
        guard case .unknown = result.status else {
            Issue.record("expected unknown, got \(result.status)")
            return
        }
        #expect(result.seconds < 5)
    }
}

@Suite struct HelperProductionTests {
    /// A grammar production calling a helper that uses its parameter twice: the argument is
    /// one hole, computed once, and the answer is the call as the grammar writes it.
    @Test func helperUsingItsParameterTwiceIsOneHole() throws {
        let (problem, result) = try solve("""
            (set-logic LIA)
            (define-fun dbl ((a Int)) Int (+ a a))
            (synth-fun f ((x Int)) Int ((Start Int)) ((Start Int ((dbl Start) x 1))))
            (declare-var x Int)
            (constraint (= (f x) (* 4 x)))
            (check-synth)
            """)
        #expect(problem.text(of: try body(result), function: 0) == "(dbl (dbl x))")
    }

    /// Parameters used in another order than the holes appear: `(sub2 S T)` computes `T - S`.
    @Test func helperParametersBindTheirOwnArguments() throws {
        let (problem, result) = try solve("""
            (set-logic LIA)
            (define-fun flip ((a Int) (b Int)) Int (- b a))
            (synth-fun f ((x Int) (y Int)) Int ((Start Int)) ((Start Int ((flip Start Start) x y))))
            (declare-var x Int)
            (declare-var y Int)
            (constraint (= (f x y) (- x y)))
            (check-synth)
            """)
        #expect(problem.text(of: try body(result), function: 0) == "(flip y x)")
    }
}
