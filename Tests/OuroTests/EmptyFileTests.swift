import Foundation
import Testing
import TestSupport

/// A file that reads but asks for nothing — empty, comments only, no `synth-fun`, a JSON task
/// file with no task — is bad input for every command that reads it, never an empty answer.
@Suite struct EmptyFileTests {
    @Test func anEmptySyGuSFileIsBadInputForSolveAndCheck() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for text in ["", "; a comment and nothing else\n\n"] {
            let empty = try TestSupport.write(named: "empty.sl", in: directory, text)
            for arguments in [["solve", empty], ["solve", "--json", empty], ["check", empty]] {
                let outcome = try TestSupport.ouro(arguments)
                #expect(outcome.status == 2, "\(arguments)")
                #expect(outcome.standardError == "\(empty): holds no SyGuS command: nothing to synthesize\n")
                #expect(outcome.standardOutput.isEmpty)
            }
        }
    }

    @Test func aSyGuSFileWithoutSynthFunIsBadInput() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try TestSupport.write(named: "nothing.sl", in: directory, "(set-logic LIA)\n(declare-var x Int)\n(constraint (= x x))\n(check-synth)\n")
        for command in ["solve", "check"] {
            let outcome = try TestSupport.ouro([command, file])
            #expect(outcome.status == 2)
            #expect(outcome.standardError == "\(file): has no synth-fun or synth-inv: nothing to synthesize\n")
            #expect(outcome.standardOutput.isEmpty)
        }
    }

    @Test func aTaskFileWithNoTaskIsBadInput() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try TestSupport.write(named: "none.json", in: directory, "[]\n")
        for arguments in [["solve", file, "--grammar", "Grammars/lists.grammar"], ["check", file]] {
            let outcome = try TestSupport.ouro(arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.standardError == "\(file): holds no task\n")
            #expect(outcome.standardOutput.isEmpty)
        }
    }

    @Test func anEmptyGrammarFileFailsTheCheck() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try TestSupport.write(named: "empty.grammar", in: directory, "")
        let outcome = try TestSupport.ouro(["check", file])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(file): holds no production\n")
    }
}
