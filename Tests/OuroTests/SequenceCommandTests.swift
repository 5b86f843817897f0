import Foundation
import Testing
import TestSupport

/// The commands on sequence files, which no command names: `ouro` reaches the sequence domain
/// through `Domains.all` alone.
@Suite struct SequenceCommandTests {
    @Test func solvePrintsALinePerSequenceAndTheCount() throws {
        let outcome = try TestSupport.ouro(["solve", "Problems/sequences/test/arithmetic.seq", "--timeout", "1"])
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(outcome.standardOutput)")
        // Without --grammar: the sequence domain searches its starting grammar.
        #expect(lines[0].hasPrefix("two-more: solved (lambda (+ ") && lines[0].contains("  log prior -12.42, "), "\(lines[0])")
        #expect(lines[1].hasPrefix("three-n-plus-two: ") && lines[2].hasPrefix("multiples-of-5: "))
        let solved = lines.dropLast().filter { $0.contains(": solved (lambda ") }.count
        #expect(lines[3] == "solved \(solved)/3")
        #expect(outcome.status == (solved == 3 ? 0 : 3), "\(outcome.standardError)")
    }

    @Test func aBadSequenceFileIsReportedWithItsPosition() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try TestSupport.write(named: "bad.seq", in: directory, "# squares\nsquares: 0, 1, four, 9\n")
        let outcome = try TestSupport.ouro(["solve", file])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(file):2:16: expected an integer, found \"four\"\n")
    }

    /// `ouro check` reads a task file by the domain that claims its extension.
    @Test func checkSummarisesASequenceFileAndReportsABadOne() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = try TestSupport.ouro(["check", "Problems/sequences/train/powers.seq"])
        #expect(good.status == 0, "\(good.standardError)")
        #expect(good.standardOutput == "Problems/sequences/train/powers.seq: ok, 5 tasks (powers-of-2, n-times-powers-of-2, powers-of-3, …)\n")
        let file = try TestSupport.write(named: "short.seq", in: directory, "a: 1, 2, 3\nb: 1, 2\n")
        let bad = try TestSupport.ouro(["check", file, "--json"])
        #expect(bad.status == 2)
        #expect(bad.standardOutput == "{\"column\":1,\"error\":\"expected at least 3 terms for \\\"b\\\", found 2\",\"file\":\"\(file)\",\"line\":2,\"ok\":false}\n")
        let unknown = try TestSupport.ouro(["check", "README.md"])
        #expect(unknown.standardError == "README.md: unknown kind of file; expected one of .grammar, .json, .sl, .seq\n")
    }

    @Test func bootstrapOverTheSequenceProblemsThenDream() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = directory.appendingPathComponent("sequences.sqlite").path
        let bootstrap = try TestSupport.ouro([
            "bootstrap", "Problems/sequences", "--rounds", "1", "--timeout", "2", "--dreams", "30", "--run", run,
        ])
        #expect(bootstrap.status == 0, "\(bootstrap.standardError)")
        let rows = bootstrap.standardOutput.split(separator: "\n").filter { $0.hasPrefix("round ") }
        #expect(rows.count == 2, "\(bootstrap.standardOutput)")
        // The 33 train sequences less the 7 held out for validation (a fifth, rounded).
        #expect(rows.first?.hasPrefix("round 0: train ") == true && rows.first?.contains("/26, validation ") == true
            && rows.first?.contains("/7, test ") == true)
        #expect(rows.last?.hasPrefix("round 1: train ") == true && rows.last?.contains("/12, ") == true)
        #expect(bootstrap.standardOutput.hasSuffix("run store: \(run)\n"))

        let dream = try TestSupport.ouro(["dream", run, "--count", "5", "--show", "2"])
        #expect(dream.status == 0, "\(dream.standardError)")
        let lines = dream.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("(lambda ") == true && lines.first?.contains("on the inputs of ") == true, "\(dream.standardOutput)")
        #expect(lines.contains { $0.hasPrefix("  0 -> ") } && lines.contains { $0.hasPrefix("  1 -> ") })
    }

    /// What `ouro solve --json` prints for sequences trains a model, which `ouro solve` then
    /// uses with the refitted grammar.
    @Test func solveJSONTrainsAModelThatSolveUses() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tasks = "Problems/sequences/train/arithmetic.seq"
        let solved = try TestSupport.ouro(["solve", tasks, "--json", "--timeout", "1"])
        let count = solved.standardOutput.components(separatedBy: "\"solved\":true").count - 1
        #expect(count >= 5, "\(solved.standardOutput)")
        let solutions = try TestSupport.write(named: "solutions.jsonl", in: directory, solved.standardOutput)
        let model = directory.appendingPathComponent("model.json").path
        let refit = directory.appendingPathComponent("refit.grammar").path
        let train = try TestSupport.ouro([
            "train", tasks, "--solutions", solutions, "-o", model, "--grammar-out", refit, "--dreams", "20", "--epochs", "5",
        ])
        #expect(train.status == 0, "\(train.standardError)")
        #expect(train.standardOutput.hasPrefix("trained on \(count) solved tasks ("), "\(train.standardOutput)")

        let solve = try TestSupport.ouro(["solve", "Problems/sequences/test/arithmetic.seq", "--grammar", refit, "--model", model, "--timeout", "1"])
        #expect(solve.status == 0 || solve.status == 3, "\(solve.standardError)")
        #expect(solve.standardOutput.hasPrefix("two-more: solved (lambda "), "\(solve.standardOutput)")
    }
}
