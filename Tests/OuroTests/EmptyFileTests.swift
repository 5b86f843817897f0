import Foundation
import Testing
import TestSupport

/// A file that reads but asks for nothing — empty, comments only, no `synth-fun`, a JSON task
/// file with no task — is bad input for every command that reads it, never an empty answer.
@Suite struct EmptyFileTests {
    static func file(_ name: String, _ text: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func anEmptySyGuSFileIsBadInputForSolveAndCheck() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for text in ["", "; a comment and nothing else\n\n"] {
            let empty = try Self.file("empty.sl", text, in: directory)
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
        let file = try Self.file("nothing.sl", "(set-logic LIA)\n(declare-var x Int)\n(constraint (= x x))\n(check-synth)\n", in: directory)
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
        let file = try Self.file("none.json", "[]\n", in: directory)
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
        let file = try Self.file("empty.grammar", "", in: directory)
        let outcome = try TestSupport.ouro(["check", file])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(file): holds no production\n")
    }
}
