import Foundation
import Testing
import TestSupport

@Suite struct TrainCommandTests {
    @Test func trainsAModelThatSolveAndDreamUse() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("model.json").path
        let refit = directory.appendingPathComponent("refit.grammar").path
        let train = try TestSupport.ouro([
            "train", "Problems/lists/train/mapping.json", "--solutions", "Tests/OuroTests/Fixtures/mapping-solutions.jsonl",
            "--grammar", "Grammars/lists.grammar", "--out", model, "--grammar-out", refit, "--dreams", "40", "--epochs", "5",
        ])
        #expect(train.status == 0, "\(train.standardError)")
        #expect(train.standardOutput.hasPrefix("trained on 5 solved tasks (10 programs) and 40 dreams; "))
        #expect(train.standardOutput.contains("model: \(model) ("))
        #expect(train.standardError.contains("epoch 1: training loss "))

        let solve = try TestSupport.ouro([
            "solve", "Problems/lists/train/mapping.json", "--grammar", refit, "--model", model, "--timeout", "2", "--json",
        ])
        #expect(solve.status == 0 || solve.status == 3)
        #expect(solve.standardOutput.contains("\"solved\":true"))

        let dream = try TestSupport.ouro(["dream", "--grammar", refit, "--tasks", "Problems/lists/train/mapping.json", "--count", "3"])
        #expect(dream.status == 0)
        let lines = dream.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("(lambda ") == true)
        #expect(lines.first?.contains("(log prior ") == true)
    }

    /// SyGuS answers and JSON tasks' frontiers train one model, as a bootstrap's sleep
    /// learns from both; a folder of task files is its files.
    @Test func trainsOnSyGuSAnswersAndJSONTasksTogether() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let problems = ["Problems/strings/train/first-name.sl", "Problems/strings/train/email-domain.sl"]
        let solved = try TestSupport.ouro(["solve", "--json", "--timeout", "10"] + problems)
        #expect(solved.status == 0, "\(solved.standardError)")
        let solutions = directory.appendingPathComponent("solutions.jsonl")
        let mapping = try String(contentsOfFile: "Tests/OuroTests/Fixtures/mapping-solutions.jsonl", encoding: .utf8)
        try (solved.standardOutput + mapping).write(to: solutions, atomically: true, encoding: .utf8)
        let model = directory.appendingPathComponent("model.json").path
        let refit = directory.appendingPathComponent("refit.grammar").path
        let train = try TestSupport.ouro([
            "train", "Problems/lists/train", problems[0], problems[1], "--solutions", solutions.path, "-o", model, "--grammar-out", refit,
            "--dreams", "40", "--epochs", "5",
        ])
        #expect(train.status == 0, "\(train.standardError)")
        #expect(train.standardOutput.hasPrefix("trained on 7 solved tasks (12 programs) and 40 dreams; "), "\(train.standardOutput)")
        let grammar = try String(contentsOfFile: refit, encoding: .utf8)
        #expect(grammar.contains("str.indexof") && grammar.contains("map"))

        let solve = try TestSupport.ouro(["solve", "Problems/strings/test/email-user.sl", "--grammar", refit, "--model", model, "--timeout", "10"])
        #expect(solve.status == 0, "\(solve.standardError)")
        #expect(solve.standardOutput.contains("(define-fun f ((x String)) String"))
    }

    @Test func badSolutionsAndModelFilesAreBadInput() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let solutions = directory.appendingPathComponent("solutions.jsonl")
        try "{\"task\": \"no such task\", \"frontier\": []}\n".write(to: solutions, atomically: true, encoding: .utf8)
        let train = try TestSupport.ouro([
            "train", "Problems/lists/train/mapping.json", "--solutions", solutions.path, "--grammar", "Grammars/lists.grammar",
            "--out", directory.appendingPathComponent("m.json").path,
        ])
        #expect(train.status == 2)
        #expect(train.standardError == "\(solutions.path):1:1: task \"no such task\" is in none of the task files\n")

        let garbage = directory.appendingPathComponent("garbage.json")
        try "{\"format\": \"something\"}".write(to: garbage, atomically: true, encoding: .utf8)
        let solve = try TestSupport.ouro([
            "solve", "Problems/lists/train/mapping.json", "--grammar", "Grammars/lists.grammar", "--model", garbage.path,
        ])
        #expect(solve.status == 2)
        #expect(solve.standardError == "\(garbage.path): not an Ouroboros ranker model (no \"format\": \"ouroboros-ranker\")\n")

        let noBase = try TestSupport.ouro(["solve", "Problems/bitvec/test/\(try firstFile("Problems/bitvec/test"))", "--model", garbage.path])
        #expect(noBase.status == 2)
        #expect(noBase.standardError.contains("--model needs --grammar"))
    }

    private func firstFile(_ folder: String) throws -> String {
        try FileManager.default.contentsOfDirectory(atPath: TestSupport.path(folder)).sorted().first!
    }
}
