import Foundation
import Testing
import TestSupport

/// `ouro solve` says why a problem has no answer, and its exit status tells the reasons apart:
/// 3 only when the time ran out, 4 for any other reason, and a finite grammar whose programs
/// were all tried is `infeasible` (exit 0), as SyGuS solvers answer.
@Suite struct SolveOutcomeTests {
    /// Shifts alone never compute bvnot, and their behaviours on the examples run out.
    static let shifts = """
        (set-logic BV)
        (synth-fun f ((x (_ BitVec 8))) (_ BitVec 8) ((Start (_ BitVec 8))) ((Start (_ BitVec 8) (x (bvshl Start Start)))))
        (declare-var x (_ BitVec 8))
        (constraint (= (f x) (bvnot x)))
        (check-synth)
        """

    @Test func exhaustingAnInfiniteGrammarIsUnknownWithTheCostBoundAndExitFour() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try TestSupport.write(named: "shifts.sl", in: directory, Self.shifts)
        let outcome = try TestSupport.ouro(["solve", "--timeout", "60", file])
        #expect(outcome.status == 4, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "unknown ; every program up to cost 1000 was tried\n")
    }

    @Test func aFiniteGrammarWithNoFittingProgramIsInfeasible() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try TestSupport.write(named: "finite.sl", in: directory, """
            (set-logic BV)
            (synth-fun f ((x (_ BitVec 8))) (_ BitVec 8) ((Start (_ BitVec 8)) (Leaf (_ BitVec 8)))
                ((Start (_ BitVec 8) ((bvshl Leaf Leaf) (bvand Leaf Leaf))) (Leaf (_ BitVec 8) (x #x01))))
            (declare-var x (_ BitVec 8))
            (constraint (= (f x) (bvnot x)))
            (check-synth)
            """)
        let outcome = try TestSupport.ouro(["solve", "--timeout", "60", file])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("infeasible ; the grammar is finite and none of its programs fits the examples ("))
        let json = try TestSupport.ouro(["solve", "--json", "--timeout", "60", file])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["infeasible"] as? Bool == true)
        #expect(object["solved"] as? Bool == false)
    }

    @Test func anUnsupportedConstraintSaysWhatAndIsNotATimeout() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try TestSupport.write(named: "nested.sl", in: directory, """
            (set-logic LIA)
            (synth-fun f ((x Int)) Int)
            (declare-var x Int)
            (constraint (= (f (f x)) x))
            (check-synth)
            """)
        let outcome = try TestSupport.ouro(["solve", file])
        #expect(outcome.status == 4)
        #expect(outcome.standardOutput == "unknown ; not supported: a call of the function nested in another call's arguments\n")
    }

    @Test func runningOutOfTimeIsUnknownTimeoutWithExitThree() throws {
        // Examples no small program meets: the bank of programs grows until the time runs out.
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try TestSupport.write(named: "random.sl", in: directory, ResourceLimitTests.impossibleBitVector)
        let outcome = try TestSupport.ouro(["solve", "--timeout", "0.3", file])
        #expect(outcome.status == 3)
        #expect(outcome.standardOutput == "unknown ; timeout\n")
    }

    @Test func aMemoryLimitIsNamedAndIsNotATimeout() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try TestSupport.write(named: "random.sl", in: directory, ResourceLimitTests.impossibleBitVector)
        let outcome = try TestSupport.ouro(["solve", "--memory", "1", "--timeout", "120", file])
        #expect(outcome.status == 4)
        #expect(outcome.standardOutput == "unknown ; the search bank reached its memory limit of 1 MiB\n")
    }
}
