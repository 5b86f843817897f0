import Foundation
import Testing
import TestSupport

@Suite struct CheckSyGuSCommandTests {
    @Test func problemFileChecksCleanWithASummary() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("hd01.sl")
        try """
            (set-logic BV)
            (define-fun hd01 ((x (_ BitVec 64))) (_ BitVec 64) (bvand x (bvsub x #x0000000000000001)))
            (synth-fun f ((x (_ BitVec 64))) (_ BitVec 64))
            (declare-var x (_ BitVec 64))
            (constraint (= (hd01 x) (f x)))
            (check-synth)
            """.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try TestSupport.ouro(["check", file.path])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "\(file.path): ok, SyGuS problem (logic BV): 1 function to synthesize, 1 variable, 1 definition, 1 constraint\n")
        #expect(outcome.standardError.isEmpty)
    }

    @Test func malformedProblemFilePrintsFileLineColumnAndExitsTwo() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.sl")
        try "(set-logic BV)\n(declare-var x (_ BitVec 64))\n(constraint (= (bvfoo x) x))\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let outcome = try TestSupport.ouro(["check", file.path, "Grammars/lia.grammar"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(file.path):3:17: unknown operator 'bvfoo'\n")
        #expect(outcome.standardOutput == "Grammars/lia.grammar: ok, grammar lia with 14 primitives and 0 abstractions\n")
    }
}
