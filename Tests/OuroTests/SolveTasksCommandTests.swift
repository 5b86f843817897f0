import Foundation
import Testing
import TestSupport

@Suite struct SolveTasksCommandTests {
    @Test func jsonTasksPrintEachResultAndASummary() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("tasks.json")
        try """
            [{"name": "length", "request": "list(int) -> int",
              "examples": [{"inputs": [[1, 2]], "output": 2}, {"inputs": [[]], "output": 0}, {"inputs": [[5, 5, 5]], "output": 3}]},
             {"name": "tail", "request": "list(int) -> list(int)",
              "examples": [{"inputs": [[1, 2]], "output": [2]}, {"inputs": [[7, 8, 9]], "output": [8, 9]}]}]
            """.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try TestSupport.ouro(["solve", file.path, "--grammar", "Grammars/lists.grammar", "--jobs", "1", "--timeout", "30"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("length: solved (lambda (length $0))  log prior -4.80, "))
        #expect(lines[1].hasPrefix("tail: solved (lambda (cdr $0))  log prior -4.80, "))
        #expect(lines[2] == "solved 2/2")

        let json = try TestSupport.ouro(["solve", "--json", file.path, "--grammar", "Grammars/lists.grammar", "--jobs", "1", "--timeout", "30"])
        let first = try #require(json.standardOutput.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(object["task"] as? String == "length")
        #expect(object["program"] as? String == "(lambda (length $0))")
        #expect(object["solved"] as? Bool == true)
        for key in ["file", "logPrior", "seconds", "candidates", "frontier"] { #expect(object[key] != nil, "missing \(key)") }
    }

    @Test func jsonTasksNeedAGrammar() throws {
        let outcome = try TestSupport.ouro(["solve", "Problems/lists/train/aggregates.json"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("JSON task files need --grammar"))
    }

    @Test func schemaErrorNamesFilePositionTaskAndField() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.json")
        try #"[{"name": "x", "request": "int -> int", "examples": [{"inputs": [1], "output": "one"}]}]"#
            .write(to: file, atomically: true, encoding: .utf8)
        let outcome = try TestSupport.ouro(["solve", file.path, "--grammar", "Grammars/lists.grammar"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(file.path):1:80: task 0 (\"x\"): field \"examples\"[0].\"output\": expected int, found a string\n")
    }

    @Test func bottomUpSearchIsRefusedForJSONTasks() throws {
        let outcome = try TestSupport.ouro(["solve", "--search", "bottomup", "Problems/lists/train/aggregates.json", "--grammar", "Grammars/lists.grammar"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("bottom-up search runs on SyGuS files"))
    }

    @Test func unsolvedTaskExitsThree() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("hard.json")
        // Outputs no short program produces within a fraction of a second.
        try #"[{"name": "noise", "request": "list(int) -> int", "examples": [{"inputs": [[1]], "output": 9137}, {"inputs": [[2]], "output": -4411}, {"inputs": [[3]], "output": 77}]}]"#
            .write(to: file, atomically: true, encoding: .utf8)
        let outcome = try TestSupport.ouro(["solve", file.path, "--grammar", "Grammars/lists.grammar", "--timeout", "0.5"])
        #expect(outcome.status == 3)
        #expect(outcome.standardOutput.hasPrefix("noise: unsolved (timeout)"))
        #expect(outcome.standardOutput.hasSuffix("solved 0/1\n"))
    }
}
