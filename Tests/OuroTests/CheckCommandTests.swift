import Foundation
import Testing
import TestSupport

@Suite struct CheckCommandTests {
    @Test func bundledGrammarsCheckClean() throws {
        let outcome = try TestSupport.ouro(["check", "Grammars/bitvec.grammar", "Grammars/lists.grammar"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == """
            Grammars/bitvec.grammar: ok, grammar bitvec with 22 primitives and 0 abstractions
            Grammars/lists.grammar: ok, grammar lists with 22 primitives and 0 abstractions

            """)
        #expect(outcome.standardError.isEmpty)
    }

    @Test func malformedGrammarPrintsFileLineColumnAndExitsTwo() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.grammar")
        try "(grammar bad)\n(primitive + \"int -> int -> int\")\n  (primitive bvfoo \"bv64\" 0.0)\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let outcome = try TestSupport.ouro(["check", file.path, "Grammars/lia.grammar"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(file.path):3:14: unknown primitive 'bvfoo'\n")
        #expect(outcome.standardOutput == "Grammars/lia.grammar: ok, grammar lia with 14 primitives and 0 abstractions\n")
    }

    @Test func missingFileAndInvalidUTF8AreBadInput() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("garbage.grammar")
        try Data([0x28, 0xff, 0xfe, 0x29]).write(to: binary)
        let outcome = try TestSupport.ouro(["check", "nowhere.grammar", binary.path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "nowhere.grammar: no such file\n\(binary.path): is not valid UTF-8 text\n")
    }

    @Test func checkWithoutFilesIsAUsageErrorWithExitTwo() throws {
        let outcome = try TestSupport.ouro(["check"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("Missing expected argument '<files> ...'"))
    }

    @Test func versionAndHelpExitZero() throws {
        let version = try TestSupport.ouro(["--version"])
        #expect(version.status == 0)
        #expect(version.standardOutput.hasPrefix("ouro 0.1.0 ("))
        let help = try TestSupport.ouro(["--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("SUBCOMMANDS:"))
        #expect(help.standardOutput.contains("check"))
    }
}

@Suite struct EvalCommandTests {
    @Test func evaluatesAListProgramAndPrintsItsType() throws {
        let outcome = try TestSupport.ouro(["eval", "(lambda (map (lambda (+ $0 1)) $0))", "[1, 2, 3]", "--grammar", "Grammars/lists.grammar"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "type: list(int) -> list(int)\n[2, 3, 4]\n")
    }

    @Test func illTypedProgramIsBadInputNamingTheSubterm() throws {
        let outcome = try TestSupport.ouro(["eval", "(lambda (+ $0 \"a\"))"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "program: argument \"a\" has type string where int is expected in (+ $0 \"a\")\n")
    }

    @Test func operatorOutsideTheGrammarIsRejectedWithItsColumn() throws {
        let outcome = try TestSupport.ouro(["eval", "(lambda (bvadd $0 $0))", "--grammar", "Grammars/lists.grammar"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "program:1:10: unknown operator 'bvadd'\n")
    }
}
