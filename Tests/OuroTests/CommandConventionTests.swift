import Foundation
import Testing
import TestSupport

/// One convention across commands: shared options mean the same everywhere, every command
/// that prints results takes `--json`, `check` reads every kind of file the others read,
/// `--version` names the commit and Z3, and the package says under which license it is.
@Suite struct CommandConventionTests {
    /// The one JSON object a command printed.
    static func object(_ outcome: TestSupport.Outcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    }

    @Test func checkReadsJSONTaskFilesAndPrintsJSON() throws {
        let text = try TestSupport.ouro(["check", "Problems/lists/train/aggregates.json"])
        #expect(text.status == 0, "\(text.standardError)")
        #expect(text.standardOutput == "Problems/lists/train/aggregates.json: ok, 11 tasks (sum, sum-of-evens, sum-plus-length, …)\n")
        let json = try TestSupport.ouro(["check", "--json", "Grammars/lists.grammar"])
        #expect(try Self.object(json) as NSDictionary == ["file": "Grammars/lists.grammar", "ok": true, "summary": "grammar lists with 22 primitives and 0 abstractions"] as NSDictionary)
    }

    @Test func evalLibraryAndDreamPrintJSON() throws {
        let eval = try TestSupport.ouro(["eval", "--json", "(lambda (map (lambda (+ $0 1)) $0))", "[1, 2, 3]", "--grammar", "Grammars/lists.grammar"])
        #expect(eval.status == 0, "\(eval.standardError)")
        #expect(try Self.object(eval) as NSDictionary == ["type": "list(int) -> list(int)", "output": "[2, 3, 4]"] as NSDictionary)

        let library = try TestSupport.ouro(["library", "--json", "Grammars/lists.grammar"])
        #expect(library.status == 0, "\(library.standardError)")
        let object = try Self.object(library)
        #expect(object["grammar"] as? String == "lists")
        #expect(object["primitives"] as? Int == 22)
        #expect((object["abstractions"] as? [Any])?.isEmpty == true)

        let dream = try TestSupport.ouro(["dream", "--json", "--grammar", "Grammars/lists.grammar", "--tasks", "Problems/lists/train/mapping.json", "--count", "2", "--seed", "3"])
        #expect(dream.status == 0, "\(dream.standardError)")
        let lines = try dream.standardOutput.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.count == 2)
        for line in lines {
            #expect(Set(line.keys) == ["program", "logPrior", "task", "examples"])
        }
    }

    @Test func bootstrapTakesTheSharedOptionsMaxArityAndFrontierAndReportPrintsJSON() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let task = #"[{"name": "length", "request": "list(int) -> int", "examples": [{"inputs": [[1, 2, 3]], "output": 3}, {"inputs": [[]], "output": 0}]}]"#
        let train = directory.appendingPathComponent("train.json"), test = directory.appendingPathComponent("test.json")
        try task.write(to: train, atomically: true, encoding: .utf8)
        try task.replacingOccurrences(of: "\"length\"", with: "\"count\"").write(to: test, atomically: true, encoding: .utf8)
        let run = directory.appendingPathComponent("run.sqlite").path
        let outcome = try TestSupport.ouro(["bootstrap", "--train", train.path, "--test", test.path, "--rounds", "0", "-t", "2", "-j", "1",
                                            "--max-arity", "2", "--frontier", "2", "--seed", "7", "--no-ranker", "--run", run, "--json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let round = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(round["trainSolved"] as? Int == 1)
        #expect(round["testSolved"] as? Int == 1)

        let html = directory.appendingPathComponent("report.html").path
        let report = try TestSupport.ouro(["report", run, "-o", html, "--json"])
        #expect(report.status == 0, "\(report.standardError)")
        let summary = try Self.object(report)
        #expect(summary["report"] as? String == html)
        #expect((summary["rounds"] as? [[String: Any]])?.map { $0["round"] as? Int } == [0])
    }

    @Test func solveTakesTheShortOptionsAndASeed() throws {
        let outcome = try TestSupport.ouro(["solve", "-t", "30", "-j", "1", "--seed", "5", "Problems/lia/test/max4.sl"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("(\n(define-fun max4 "))
    }

    @Test func versionNamesTheCommitAndZ3() throws {
        let plain = try TestSupport.ouro(["--version"])
        #expect(plain.status == 0)
        #expect(plain.standardOutput.wholeMatch(of: /ouro 0\.1\.0 \((commit [0-9a-f]{7,40}(-dirty)?|unknown commit), Z3 \d+\.\d+\.\d+\.\d+\)\n/) != nil,
                "\(plain.standardOutput)")
        // A copy of the binary with the commit file `scripts/stamp-commit` writes beside it.
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("ouro")
        try FileManager.default.copyItem(at: TestSupport.ouroExecutable, to: copy)
        try "0123456789ab\n".write(to: directory.appendingPathComponent("ouro.commit"), atomically: true, encoding: .utf8)
        let stamped = try TestSupport.ouro(["--version"], executable: copy)
        #expect(stamped.standardOutput.hasPrefix("ouro 0.1.0 (commit 0123456789ab, Z3 "))
    }

    @Test func thePackageIsLicensedUnderApache2() throws {
        let license = try TestSupport.text("LICENSE")
        #expect(license.contains("Apache License"))
        #expect(license.contains("Version 2.0, January 2004"))
        #expect(try TestSupport.text("README.md").contains("Apache License 2.0"))
    }
}
