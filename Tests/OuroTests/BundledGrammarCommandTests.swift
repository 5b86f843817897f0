import Foundation
import Testing
import TestSupport

/// The bundled grammars are found by name from any folder, and a path still names a file.
@Suite struct BundledGrammarCommandTests {
    private let lengthTask = """
        [{"name": "length", "request": "list(int) -> int",
          "examples": [{"inputs": [[1, 2]], "output": 2}, {"inputs": [[]], "output": 0}, {"inputs": [[5, 5, 5]], "output": 3}]}]
        """

    @Test func solveFindsTheBundledListsGrammarOutsideTheRepository() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try lengthTask.write(to: directory.appendingPathComponent("tasks.json"), atomically: true, encoding: .utf8)
        let outcome = try TestSupport.ouro(["solve", "tasks.json", "--grammar", "lists", "--jobs", "1", "--timeout", "30"], in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("length: solved (lambda (length $0))  log prior -4.80, "))
    }

    @Test func bootstrapStartsFromTheBundledListsGrammarOutsideTheRepository() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try lengthTask.write(to: directory.appendingPathComponent("train.json"), atomically: true, encoding: .utf8)
        try lengthTask.replacingOccurrences(of: "\"length\"", with: "\"count\"")
            .write(to: directory.appendingPathComponent("test.json"), atomically: true, encoding: .utf8)
        let outcome = try TestSupport.ouro(
            ["bootstrap", "--train", "train.json", "--test", "test.json", "--rounds", "0", "--timeout", "5", "--jobs", "1", "--run", "run.sqlite"],
            in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("1/1"), "\(outcome.standardOutput)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("run.sqlite").path))
    }

    @Test func aGrammarFileOfABundledNameIsReadAsAPath() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try lengthTask.write(to: directory.appendingPathComponent("tasks.json"), atomically: true, encoding: .utf8)
        try "(grammar tiny)\n(variable 0.0)\n(primitive length \"list(t0) -> int\" 0.0)\n"
            .write(to: directory.appendingPathComponent("tiny.grammar"), atomically: true, encoding: .utf8)
        let outcome = try TestSupport.ouro(["solve", "tasks.json", "--grammar", "./tiny.grammar", "--jobs", "1", "--timeout", "30"], in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("length: solved (lambda (length $0))  log prior "))
    }

    @Test func anUnknownNameListsTheBundledGrammars() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try TestSupport.ouro(["eval", "(+ 1 2)", "--grammar", "list"], in: directory)
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "list: no such file, and no bundled grammar of that name (the bundled grammars are bitvec, lia, lists, strings)\n")
    }

    @Test func libraryShowsABundledGrammarByName() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try TestSupport.ouro(["library", "lists"], in: directory)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("lists"), "\(outcome.standardOutput)")
    }
}
