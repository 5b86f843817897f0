import Language
import Tasks
import Testing
import TestSupport

/// Answers read in their problem's scope, and the structured form a run store keeps them in.
@Suite struct SyGuSAnswerTests {
    private let strings = "(set-logic SLIA)\n(synth-fun f ((x String) (n Int)) String)\n(declare-var x String)\n(declare-var n Int)\n(constraint (= (f \"a\" 1) \"b\"))\n(check-synth)\n"

    @Test func answersReadAloneOrInTheResponseFormAndRoundTripTheStructuredForm() throws {
        let answers: [(file: String?, text: String)] = [
            (nil, "(define-fun f ((y String) (k Int)) String (str.++ (str.substr y (- k 3) 2) \"q\"\"uo\\u{e9}te\"))"),
            (nil, "(\n(define-fun f ((x String) (n Int)) String (ite (< n 0) \"\" (str.at x n)))\n)"),
            ("Problems/bitvec/test/absolute-value-64.sl",
             "(define-fun f ((x (_ BitVec 64))) (_ BitVec 64) (bvsub (bvxor x (bvashr x #x000000000000003F)) (bvashr x #x000000000000003F)))"),
            ("Problems/bitvec/test/absolute-value-64.sl", "(define-fun f ((x (_ BitVec 64))) (_ BitVec 64) (spec x))"),
            ("Problems/lia/train/abs.sl", "(define-fun absval ((x Int)) Int (ite (>= x 0) x (- 0 x)))"),
        ]
        for (file, text) in answers {
            let source = try file.map(TestSupport.text) ?? strings
            let problem = try SyGuSProblem(parsing: source)
            let bodies = try SyGuSProblem.answerBodies(text, source: source)
            #expect(bodies.keys.sorted() == [0])
            let encoded = problem.encodedAnswer(bodies)
            #expect(try problem.answer(decoding: encoded) == bodies, "\(encoded)")
            #expect(SyGuSProblem.answerFormat == "sygus-answer/1")
        }
        // Parameters are the define-fun's, by position.
        let bodies = try SyGuSProblem.answerBodies("(define-fun f ((y String) (k Int)) String (str.at y k))", source: strings)
        let problem = try SyGuSProblem(parsing: strings)
        #expect(problem.text(of: try #require(bodies[0]), function: 0) == "(str.at x n)")
    }

    @Test func answersThatAreNotAnswersToTheProblemAreRefused() throws {
        func message(_ answer: String) -> String {
            do {
                _ = try SyGuSProblem.answerBodies(answer, source: strings)
                return "read"
            } catch {
                return error.description
            }
        }
        #expect(message("(define-fun g ((x String) (n Int)) String x)") == "1:13: 'g' is not a function to synthesize")
        #expect(message("(define-fun f ((x String)) String x)") == "1:15: the answer for 'f' does not have its parameter and result sorts")
        #expect(message("(define-fun f ((x String) (n Int)) String n)") == "1:43: the body of 'f' has sort Int but 'f' returns String")
        #expect(message("(define-fun f ((x String) (n Int)) String (f x n))") == "1:44: the function to synthesize 'f' cannot be called in a define-fun body")
    }

    @Test func aStructuredAnswerThatDoesNotFitTheProblemIsRefused() throws {
        let problem = try SyGuSProblem(parsing: strings)
        func message(_ text: String) -> String {
            do {
                _ = try problem.answer(decoding: text)
                return "read"
            } catch {
                return error.message
            }
        }
        #expect(message(#"{"functions": {"g": {"param": 0}}}"#) == "not a stored answer: g is not a function to synthesize")
        #expect(message(#"{"functions": {"f": {"param": 1}}}"#) == "not a stored answer: the body of f has sort Int, not String")
        #expect(message(#"{"functions": {"f": {"op": "str.at", "args": [{"param": 1}, {"param": 0}]}}}"#)
            == "not a stored answer: no operator str.at takes (Int String)")
        #expect(message(#"{"functions": {"f": {"param": 7}}}"#) == "not a stored answer: no parameter 7")
        #expect(message(#"{"answer": 1}"#) == "not a stored answer: expected {\"functions\": {…}}")
    }
}
