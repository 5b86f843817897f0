import Language
import Tasks
import Testing
import Verification

@Suite struct VerifierTests {
    static let problem = try! SyGuSProblem(parsing: """
        (set-logic BV)
        (define-fun spec ((x (_ BitVec 64))) (_ BitVec 64) (bvand x (bvsub x #x0000000000000001)))
        (synth-fun f ((x (_ BitVec 64))) (_ BitVec 64))
        (declare-var x (_ BitVec 64))
        (constraint (= (spec x) (f x)))
        (check-synth)
        """)

    private func builtin(_ name: String, _ arguments: [Expression]) -> Expression {
        .builtin(Builtins.primitive(named: name, argumentSorts: Array(repeating: .bitVector(width: 64), count: arguments.count))!, arguments)
    }

    @Test func correctCandidateIsVerified() throws {
        let verifier = try Verifier(problem: Self.problem)
        let body = builtin("bvand", [.parameter(0), builtin("bvsub", [.parameter(0), .constant(.bitVector(1, width: 64))])])
        #expect(try verifier.verify([0: body]) == .verified)
    }

    @Test func wrongCandidateGetsACounterexampleThatReallyBreaksIt() throws {
        let verifier = try Verifier(problem: Self.problem)
        // x & (x + 1) differs from x & (x - 1) almost everywhere.
        let body = builtin("bvand", [.parameter(0), builtin("bvadd", [.parameter(0), .constant(.bitVector(1, width: 64))])])
        guard case .counterexample(let point) = try verifier.verify([0: body]) else {
            Issue.record("expected a counterexample")
            return
        }
        #expect(point.count == 1)
        #expect(!verifier.holds([0: body], at: point))
        #expect(verifier.holds([0: .definition(0, [.parameter(0)])], at: point))
    }

    @Test func examplesAreCheckedByEvaluationWithoutZ3() throws {
        let problem = try SyGuSProblem(parsing: """
            (set-logic BV)
            (synth-fun f ((x (_ BitVec 8))) (_ BitVec 8))
            (constraint (= (f #x03) #x06))
            (constraint (= (f #x10) #x20))
            (check-synth)
            """)
        let verifier = try Verifier(problem: problem)
        let double = Expression.builtin(Builtins.primitive(named: "bvadd", argumentSorts: [.bitVector(width: 8), .bitVector(width: 8)])!,
                                        [.parameter(0), .parameter(0)])
        #expect(try verifier.verify([0: double]) == .verified)
        #expect(try verifier.verify([0: .parameter(0)]) == .counterexample([]))
    }

    /// The largest of `n` integers, by its properties (CLIA's max-n problems).
    static func maximum(of n: Int) throws -> SyGuSProblem {
        let names = (0..<n).map { "x\($0)" }
        let call = "(max \(names.joined(separator: " ")))"
        var text = "(set-logic LIA)\n(synth-fun max (\(names.map { "(\($0) Int)" }.joined(separator: " "))) Int)\n"
        text += names.map { "(declare-var \($0) Int)\n" }.joined()
        text += names.map { "(constraint (>= \(call) \($0)))\n" }.joined()
        text += "(constraint (or " + names.map { "(= \($0) \(call))" }.joined(separator: " ") + "))\n(check-synth)"
        return try SyGuSProblem(parsing: text)
    }

    @Test func aVerdictPastTheDeadlineIsUnknown() throws {
        let verifier = try Verifier(problem: Self.maximum(of: 16))
        #expect(try verifier.verify([0: .parameter(0)], deadline: .now - .milliseconds(1)) == .unknown("timeout"))
        guard case .counterexample = try verifier.verify([0: .parameter(0)], deadline: .now + .seconds(30)) else {
            Issue.record("x0 is not the largest of 16 integers")
            return
        }
    }
}
