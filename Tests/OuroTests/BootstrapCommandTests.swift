import Bootstrap
import Domains
import Foundation
import Language
import Testing
import TestSupport

@Suite struct BootstrapCommandTests {
    private let arguments = [
        "bootstrap", "--train", "Problems/lists/train/mapping.json", "--test", "Problems/lists/test/mapping.json",
        "--rounds", "2", "--timeout", "0.5", "--jobs", "2", "--dreams", "20",
    ]

    /// Kills real runs at random moments (SIGKILL, no chance to clean up), resumes each, and
    /// checks that every solution written before a kill is still in the store afterwards.
    @Test func killedRunsResumeWithoutLosingASolution() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var random = SplitMix64(seed: 2026)
        var kills = 0
        var runNumber = 0
        var path = ""
        var started = false
        var before = Set<String>()
        while kills < 10 {
            if !started {
                runNumber += 1
                path = directory.appendingPathComponent("run\(runNumber).sqlite").path
                before = []
            }
            let process = Process()
            process.executableURL = TestSupport.ouroExecutable
            process.arguments = arguments + ["--run", path] + (started ? ["--resume"] : [])
            process.currentDirectoryURL = TestSupport.packageRoot
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            started = true
            usleep(UInt32(50_000 + random.next() % 2_500_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                kills += 1
                let after = Set(try RunStore(path: path).solutionLines())
                #expect(before.isSubset(of: after), "solutions lost after kill \(kills)")
                before = after
            } else {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
                let after = Set(try RunStore(path: path).solutionLines())
                #expect(before.isSubset(of: after))
                #expect(try RunStore(path: path).finishedRounds().map(\.round) == [0, 1, 2])
                started = false
            }
        }
        if started {
            let finish = try TestSupport.ouro(arguments + ["--run", path, "--resume"])
            #expect(finish.status == 0, "\(finish.standardError)")
            let store = try RunStore(path: path)
            #expect(before.isSubset(of: Set(try store.solutionLines())))
            #expect(try store.finishedRounds().map(\.round) == [0, 1, 2])
        }
    }

    @Test func printsOneLinePerRoundAndRefusesToOverwriteARun() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.sqlite").path
        let outcome = try TestSupport.ouro(arguments + ["--run", path, "--json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let rows = outcome.standardOutput.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(rows.map { $0["round"] as? Int } == [0, 1, 2])
        #expect(rows.allSatisfy { Set($0.keys) == ["round", "trainSolved", "trainTotal", "validationSolved", "validationTotal", "testSolved", "testTotal",
                                                   "newAbstractions", "librarySize", "seconds", "medianCandidatesTest", "medianSecondsTest"] })
        // The guard is on by default: a fifth of the train tasks is held out for validation.
        let train = try ExampleTask.readAll(json: TestSupport.text("Problems/lists/train/mapping.json")).count
        let held = Int((0.2 * Double(train)).rounded())
        #expect(rows.allSatisfy { $0["validationTotal"] as? Int == held && $0["trainTotal"] as? Int == train - held })
        #expect(outcome.standardError.contains("round 0 wake: "))
        #expect(outcome.standardError.contains("round 0 guard: searching "))
        let history = try TestSupport.ouro(["history", path])
        #expect(history.status == 0, "\(history.standardError)")
        #expect(history.standardOutput.hasPrefix("round 0 → 1: "))
        #expect(history.standardOutput.contains("\n  rejected: ") || history.standardOutput.contains("\n  adopted: "))
        let journal = try TestSupport.ouro(["history", path, "--json"])
        let entries = journal.standardOutput.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(entries.first?["name"] as? String == "learned" && entries.first?["round"] as? Int == 0)
        #expect(Set(entries.compactMap { $0["round"] as? Int }) == [0, 1])

        let dreams = try TestSupport.ouro(["dream", path, "--round", "1", "--count", "2"])
        #expect(dreams.status == 0, "\(dreams.standardError)")
        #expect(dreams.standardOutput.contains("on the inputs of"))

        let again = try TestSupport.ouro(arguments + ["--run", path])
        #expect(again.status == 2)
        #expect(again.standardError.contains("already holds a run: continue it with --resume"))

        let garbage = directory.appendingPathComponent("garbage.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: garbage)
        let foreign = try TestSupport.ouro(arguments + ["--run", garbage.path, "--resume"])
        #expect(foreign.status == 2)
        #expect(foreign.standardError == "\(garbage.path): not a run store (not an SQLite database)\n")
    }

    @Test func guardOptionsAreCheckedBeforeAnythingRuns() throws {
        for (options, message) in [
            (["--no-guard", "--no-tuning"], "--no-guard holds out nothing and tunes nothing: leave out --no-tuning, --validate, --validation-share and the tolerances."),
            (["--validate", "Problems/lists/test", "--validation-share", "0.3"], "--validate names the validation tasks: leave out --validation-share."),
            (["--validation-share", "1"], "must be below 1; takes a number, 0 < x < 1"),
            (["--tolerance", "-0.5"], "must be at least 0; takes a number, 0 ≤ x ≤ 10"),
            (["--max-library", "-1"], "must be at least 0; takes a whole number, 0 ≤ n ≤ 100000"),
            (["--max-round-seconds", "0"], "must be positive; takes seconds, 0 < x ≤ 1000000, or none"),
        ] {
            let outcome = try TestSupport.ouro(["bootstrap", "Problems/lists", "--run", "/nonexistent/run.sqlite"] + options)
            #expect(outcome.status == 2, "\(options)")
            #expect(outcome.standardError.contains(message), "\(options): \(outcome.standardError)")
        }
    }

    /// SyGuS files bootstrap like JSON tasks: rows per round, a library to show and export,
    /// and an exported library that `ouro solve --grammar` uses on a SyGuS file.
    @Test func bootstrapsSyGuSFilesAndExportsTheirLibrary() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.sqlite").path
        let outcome = try TestSupport.ouro([
            "bootstrap", "--train", "Problems/strings/train/first-name.sl", "Problems/strings/train/city-from-city-state.sl",
            "Problems/strings/train/file-extension.sl", "--test", "Problems/strings/test/email-user.sl",
            "--rounds", "1", "--timeout", "10", "--dreams", "20", "--run", path, "--json", "--no-guard",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let rows = outcome.standardOutput.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(rows.map { $0["round"] as? Int } == [0, 1])
        #expect(rows.map { $0["trainTotal"] as? Int } == [3, 3] && rows.map { $0["testTotal"] as? Int } == [1, 1])
        #expect(rows[0]["trainSolved"] as? Int == 3)
        let size = try #require(rows[1]["librarySize"] as? Int)
        #expect(size > 0)

        let dreams = try TestSupport.ouro(["dream", path, "--count", "3", "--show", "1"])
        #expect(dreams.status == 0, "\(dreams.standardError)")
        // A SyGuS dream shows its log prior and the problem whose grammar and inputs it used.
        #expect(dreams.standardOutput.contains("(log prior -"))
        #expect(["first-name", "city-from-city-state", "file-extension"].contains { dreams.standardOutput.contains("on the inputs of \($0))") })

        let exported = directory.appendingPathComponent("library.grammar").path
        let library = try TestSupport.ouro(["library", path, "--export", exported])
        #expect(library.status == 0, "\(library.standardError)")
        #expect(library.standardOutput.contains("fn_0 : "))
        let solved = try TestSupport.ouro(["solve", "Problems/strings/test/email-user.sl", "--grammar", exported])
        #expect(solved.status == 0, "\(solved.standardError)")
        #expect(solved.standardOutput.contains("(define-fun f ((x String)) String (str.substr x 0 (str.indexof x \"@\" 0)))"))
    }

    /// A run may hold tasks of several domains: each is searched by its own domain, and the
    /// sleep learns one library and one model from all of them.
    @Test func aRunMayMixJSONTasksAndSyGuSFiles() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.sqlite").path
        let outcome = try TestSupport.ouro([
            "bootstrap", "--train", "Problems/strings/train/first-name.sl", "Problems/lists/train/mapping.json",
            "--test", "Problems/lists/test/mapping.json", "--rounds", "1", "--timeout", "2", "--dreams", "20", "--run", path, "--json",
            "--no-guard",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let rows = outcome.standardOutput.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let train = try ExampleTask.readAll(json: TestSupport.text("Problems/lists/train/mapping.json")).count + 1
        let test = try ExampleTask.readAll(json: TestSupport.text("Problems/lists/test/mapping.json")).count
        #expect(rows.map { $0["round"] as? Int } == [0, 1])
        #expect(rows.allSatisfy { $0["trainTotal"] as? Int == train && $0["testTotal"] as? Int == test })
        let results = try TestSupport.ouro(["results", path, "--json"])
        #expect(results.status == 0, "\(results.standardError)")
        #expect(results.standardOutput.contains("first-name") && results.standardOutput.contains("mapping.json"))
        let dreams = try TestSupport.ouro(["dream", path, "--count", "4"])
        #expect(dreams.status == 0, "\(dreams.standardError)")
    }

    @Test func refusesATaskInBothSplits() throws {
        let outcome = try TestSupport.ouro([
            "bootstrap", "--train", "Problems/strings/train", "--test", "Problems/strings/train/./first-name.sl", "--rounds", "1",
            "--run", "/nonexistent/run.sqlite",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(
            "Problems/strings/train/./first-name.sl: task first-name is given for both the train and the test split"))
    }
}

/// `--resume --from-round K`: a new run from the state round K began with.
@Suite struct BootstrapBranchCommandTests {
    @Test func aBranchContinuesInANewFileAndLeavesTheRunItCameFrom() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("lists.sqlite").path
        let first = try TestSupport.ouro([
            "bootstrap", "--train", "Problems/lists/train/mapping.json", "--test", "Problems/lists/test/mapping.json",
            "--rounds", "1", "--timeout", "0.5", "--dreams", "20", "--run", path, "--json",
        ])
        #expect(first.status == 0, "\(first.standardError)")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let branched = try TestSupport.ouro(["bootstrap", "--resume", "--from", path, "--from-round", "1", "--json"])
        #expect(branched.status == 0, "\(branched.standardError)")
        let rows = branched.standardOutput.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(rows.map { $0["round"] as? Int } == [0, 1])
        // The default name is the run's with -from-K; the run it came from is unchanged.
        let branch = directory.appendingPathComponent("lists-from-1.sqlite").path
        #expect(try RunStore(path: branch, access: .readOnly).grammarText(round: 1) == RunStore(path: path, access: .readOnly).grammarText(round: 1))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        // The same branch again is refused: the new run's file exists.
        let again = try TestSupport.ouro(["bootstrap", "--resume", "--from", path, "--from-round", "1"])
        #expect(again.status == 2)
        #expect(again.standardError == "\(branch): already exists: choose another --run for the new run\n")
        // A branch whose run cannot start (a setting that changes results) is not left behind.
        let other = directory.appendingPathComponent("other.sqlite").path
        let refused = try TestSupport.ouro(["bootstrap", "--resume", "--from", path, "--from-round", "0", "--timeout", "2", "--run", other])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("--timeout is 0.5 in \(other), 2 given"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: other))
        let late = try TestSupport.ouro(["bootstrap", "--resume", "--from", path, "--from-round", "5", "--run", directory.appendingPathComponent("x.sqlite").path])
        #expect(late.status == 2)
        #expect(late.standardError == "\(path): holds no round 5 to branch from: its rounds go from 0 to 1\n")
    }

    @Test(arguments: [
        (["--from-round", "1", "--run", "a.sqlite"], "--from-round continues a run: give --resume too."),
        (["--resume", "--from", "a.sqlite"], "--from names the run to branch from: give --from-round K too."),
        (["--resume", "--from-round", "1"], "--from-round with no problem set needs the run to branch from: --from RUN."),
        (["--resume", "--from", "a.sqlite", "--from-round", "-1"], "Error: The value '-1' is invalid for '--from-round <K>': must be at least 0; takes a whole number, 0 ≤ n ≤ 1000000"),
    ])
    func branchOptionsAreChecked(arguments: [String], message: String) throws {
        let outcome = try TestSupport.ouro(["bootstrap"] + arguments)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }
}
