import Language
import Tasks
import Testing

@Suite struct SyGuSInvariantTests {
    @Test func invConstraintDeclaresStateVariablesAndBecomesThreeConstraints() throws {
        let problem = try SyGuSProblem(parsing: """
            (set-logic LIA)
            (synth-inv inv-f ((x Int) (y Int)))
            (define-fun pre-f ((x Int) (y Int)) Bool (= x (- 50)))
            (define-fun trans-f ((x Int) (y Int) (x! Int) (y! Int)) Bool
                (and (= x! (+ x y)) (= y! (+ y 1))))
            (define-fun post-f ((x Int) (y Int)) Bool (=> (not (< x 0)) (>= y 0)))
            (inv-constraint inv-f pre-f trans-f post-f)
            (check-synth)
            """)
        #expect(problem.variables == [SortedName("x", .int), SortedName("y", .int), SortedName("x!", .int), SortedName("y!", .int)])
        let invariant = try #require(problem.functions.first)
        #expect(invariant.isInvariant)
        #expect(invariant.returnSort == .bool)
        #expect(!invariant.hasExplicitGrammar)
        #expect(invariant.grammar.nonterminals.map(\.name) == ["Start", "StartInt"])
        let bools = [TypeExpr.bool, .bool]
        let now: [Expression] = [.variable(0), .variable(1)], next: [Expression] = [.variable(2), .variable(3)]
        #expect(problem.constraints == [
            call("=>", bools, .definition(0, now), .synthesized(0, now)),
            call("=>", bools, call("and", bools, .synthesized(0, now), .definition(1, now + next)), .synthesized(0, next)),
            call("=>", bools, .synthesized(0, now), .definition(2, now)),
        ])
    }

    @Test func version1PrimedVariablesAreReused() throws {
        let problem = try SyGuSProblem(parsing: """
            (set-logic LIA)
            (synth-inv inv ((x Int)))
            (declare-primed-var x Int)
            (define-fun pre ((x Int)) Bool (= x 0))
            (define-fun trans ((x Int) (x! Int)) Bool (= x! (+ x 1)))
            (define-fun post ((x Int)) Bool (>= x 0))
            (inv-constraint inv pre trans post)
            """)
        #expect(problem.variables == [SortedName("x", .int), SortedName("x!", .int)])
        #expect(problem.constraints.count == 3)
        #expect(problem.text(of: problem.constraints[1], function: nil) == "(=> (and (inv x) (trans x x!)) (inv x!))")
    }

    @Test func invariantWithGrammarKeepsIt() throws {
        let problem = try SyGuSProblem(parsing: """
            (set-logic LIA)
            (synth-inv inv ((x Int)) ((Start Bool (true (>= x 0)))))
            """)
        #expect(problem.functions[0].hasExplicitGrammar)
        #expect(problem.functions[0].grammar.nonterminals[0].productions == [.constant(.bool(true)), call(">=", [.int, .int], .parameter(0), int(0))])
    }

    @Test func invConstraintErrorsNameTheOffendingPart() {
        let header = "(synth-inv inv ((x Int)))\n(define-fun pre ((x Int)) Bool (= x 0))\n(define-fun trans ((x Int) (x! Int)) Bool (= x! x))\n"
        #expect(readingError(header + "(synth-fun g ((x Int)) Bool)\n(inv-constraint g pre trans pre)") == "5:17: 'g' is not declared by synth-inv")
        #expect(readingError(header + "(inv-constraint inv pre pre pre)") == "4:25: the transition relation 'pre' must take arguments of sorts (Int Int) and return Bool")
        #expect(readingError(header + "(inv-constraint inv pre trans post)") == "4:31: the post-condition post is not a define-fun")
        #expect(readingError(header + "(declare-var x Bool)\n(inv-constraint inv pre trans pre)") == "5:17: variable 'x' is declared with sort Bool but the invariant's state needs Int")
        #expect(readingError(header + "(inv-constraint inv pre trans)") == "4:1: expected (inv-constraint INV PRE TRANS POST)")
    }
}
