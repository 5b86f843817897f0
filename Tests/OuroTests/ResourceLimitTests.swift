import Bootstrap
import Foundation
import Testing
import TestSupport

/// The limits a user sets — time per task and per run, memory of the search bank, parallel
/// jobs — hold: exceeding one ends that task (or the run) with a message, and the rest goes on.
@Suite struct ResourceLimitTests {
    static let impossible = #"{"name": "impossible", "request": "list(int) -> int", "examples": [{"inputs": [[1, 2, 3]], "output": 987654}, {"inputs": [[4]], "output": -55555}]}"#
    static let impossibleToo = #"{"name": "impossible-too", "request": "list(int) -> int", "examples": [{"inputs": [[1, 2, 3]], "output": 987653}, {"inputs": [[4]], "output": -55554}]}"#
    static let length = #"{"name": "length", "request": "list(int) -> int", "examples": [{"inputs": [[1, 2, 3]], "output": 3}, {"inputs": [[]], "output": 0}]}"#
    /// Two tasks no program of the lists grammar solves, then one it solves at once.
    static let tasks = "[" + [impossible, impossibleToo, length].joined(separator: ",\n") + "]"

    private func taskFile(in directory: URL) throws -> String {
        let url = directory.appendingPathComponent("limits.json")
        try Self.tasks.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The lines of `output` without their timing figures (`, 0.51 s, 1234 candidates`).
    private func outcomes(_ output: String) -> [String] {
        output.split(separator: "\n").map { line in
            guard let cut = line.range(of: "), ") else { return String(line) }
            return String(line[..<cut.lowerBound]) + ")"
        }
    }

    @Test func aTaskPastItsTimeoutEndsUnsolvedAndTheNextTaskIsSearched() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try TestSupport.ouro(["solve", try taskFile(in: directory), "--grammar", "Grammars/lists.grammar", "--timeout", "0.3", "--jobs", "1"])
        #expect(outcome.status == 3)
        let lines = outcomes(outcome.standardOutput)
        #expect(lines.count == 4)
        #expect(lines.prefix(2) == ["impossible: unsolved (timeout)", "impossible-too: unsolved (timeout)"])
        #expect(lines[2].hasPrefix("length: solved (lambda (length $0))"))
        #expect(lines[3] == "solved 1/3")
    }

    /// Bit-vector examples no small program meets: the bottom-up bank grows until a limit stops it.
    static let impossibleBitVector = """
        (set-logic BV)
        (synth-fun f ((x (_ BitVec 64))) (_ BitVec 64))
        (constraint (= (f #x0000000000000001) #x8d2a4c8a12f3b1c7))
        (constraint (= (f #x0000000000000002) #x13a9f0e7c6d2b4a1))
        (constraint (= (f #x0000000000000003) #x7e5c3a1f9b8d6e24))
        (check-synth)
        """

    private func impossibleBitVectorFile(in directory: URL) throws -> String {
        let url = directory.appendingPathComponent("impossible.sl")
        try Self.impossibleBitVector.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func aSearchBankPastItsMemoryLimitEndsThatTaskAndTheRunGoesOn() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try TestSupport.ouro(["solve", try impossibleBitVectorFile(in: directory), "Problems/bitvec/test/isolate-rightmost-one-64.sl",
                                            "--memory", "1", "--timeout", "120", "--jobs", "1", "--json"])
        // Not a timeout: exit status 4, no answer for another reason.
        #expect(outcome.status == 4)
        let lines = try outcome.standardOutput.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.map { $0["reason"] as? String } == ["the search bank reached its memory limit of 1 MiB", nil])
        #expect(lines.map { $0["solved"] as? Bool } == [false, true])
    }

    /// The top-down search keeps no bank: checked as they are met, its programs are never
    /// stored, and a search with the smallest bound runs until its time is up.
    @Test func theTopDownSearchRunsToItsTimeoutWithTheSmallestMemoryBound() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try TestSupport.ouro(["solve", try taskFile(in: directory), "--grammar", "Grammars/lists.grammar",
                                            "--memory", "1", "--timeout", "0.5", "--jobs", "1"])
        #expect(outcome.status == 3)
        let lines = outcomes(outcome.standardOutput)
        #expect(lines.prefix(2) == ["impossible: unsolved (timeout)", "impossible-too: unsolved (timeout)"])
        #expect(lines[2].hasPrefix("length: solved (lambda (length $0))"))
    }

    /// Peak resident memory (VmHWM, in KiB) of `ouro` run with `arguments`, read from /proc
    /// while it runs.
    private func peakMemory(_ arguments: [String]) throws -> Int {
        let process = Process()
        process.executableURL = TestSupport.ouroExecutable
        process.arguments = arguments
        process.currentDirectoryURL = TestSupport.packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var peak = 0
        while process.isRunning {
            if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
               let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kib = Int(line.split(separator: " ").dropFirst().first ?? "") {
                peak = max(peak, kib)
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        return peak
    }

    /// The process stays near the bound: with `--memory 16` it grows by less than 1.5 × 16 MiB
    /// over the same search with `--memory 1` (the rest is the process itself: Z3, Foundation),
    /// and a top-down search, which keeps no bank, stays within 16 MiB of that.
    /// Not under a sanitizer (`scripts/sanitize` sets OURO_SANITIZER): its shadow memory and
    /// quarantine of freed blocks count as the process's resident memory.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["OURO_SANITIZER"] == nil, "resident memory includes the sanitizer's own"))
    func theProcessStaysNearItsMemoryBound() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["solve", try impossibleBitVectorFile(in: directory), "--timeout", "300", "--jobs", "1", "--memory"]
        let baseline = try peakMemory(arguments + ["1"])
        let bounded = try peakMemory(arguments + ["16"])
        #expect(baseline > 0 && bounded > baseline)
        #expect(bounded - baseline < 24 * 1024, "\(baseline) KiB with --memory 1, \(bounded) KiB with --memory 16")

        let url = directory.appendingPathComponent("impossible.json")
        try "[\(Self.impossible)]".write(to: url, atomically: true, encoding: .utf8)
        let topDown = try peakMemory(["solve", url.path, "--grammar", "Grammars/lists.grammar", "--timeout", "2", "--jobs", "1", "--memory", "1"])
        #expect(topDown - baseline < 16 * 1024, "\(baseline) KiB for the bottom-up search with --memory 1, \(topDown) KiB for the top-down search")
    }

    @Test func theRunTimeoutStopsSearchesAndReportsTasksNotStarted() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try taskFile(in: directory)
        let sygus = directory.appendingPathComponent("double.sl")
        try "(set-logic LIA)\n(synth-fun f ((x Int)) Int)\n(declare-var x Int)\n(constraint (= (f x) (+ x x)))\n(check-synth)\n"
            .write(to: sygus, atomically: true, encoding: .utf8)
        // One job: the first task runs into the run's limit and nothing else starts.
        var outcome = try TestSupport.ouro(["solve", file, sygus.path, "--grammar", "Grammars/lists.grammar",
                                            "--timeout", "120", "--run-timeout", "0.5", "--jobs", "1", "--json"])
        #expect(outcome.status == 3)
        #expect(outcome.standardError == "the run's time limit of 0.5 s (--run-timeout) was reached\n")
        let lines = try outcome.standardOutput.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(lines.map { $0["task"] as? String } == ["impossible", "impossible-too", "length", "double"])
        #expect(lines.allSatisfy { $0["reason"] as? String == "the run's time limit was reached" && $0["solved"] as? Bool == false })
        #expect((lines[0]["candidates"] as? Int ?? 0) > 0)
        #expect(lines.dropFirst().allSatisfy { $0["candidates"] as? Int == 0 })

        // Two jobs: both impossible tasks search until the run's limit.
        outcome = try TestSupport.ouro(["solve", file, "--grammar", "Grammars/lists.grammar",
                                        "--timeout", "120", "--run-timeout", "0.5", "--jobs", "2"])
        #expect(outcome.status == 3)
        // Lines come as tasks finish.
        let plain = outcome.standardOutput.split(separator: "\n").map(String.init)
        for name in ["impossible", "impossible-too"] {
            let line = try #require(plain.first { $0.hasPrefix(name + ": ") })
            #expect(line.hasPrefix(name + ": unsolved (the run's time limit was reached), ") && !line.hasSuffix(" 0 candidates"), "\(line)")
        }
        #expect(plain.contains("length: unsolved (the run's time limit was reached), 0.00 s, 0 candidates"))
    }

    @Test func aBootstrapTaskPastTheMemoryLimitIsRecordedUnsolvedAndTheRoundGoesOn() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let train = try impossibleBitVectorFile(in: directory)
        let path = directory.appendingPathComponent("run.sqlite").path
        let outcome = try TestSupport.ouro(["bootstrap", "--train", train, "--test", "Problems/bitvec/test/isolate-rightmost-one-64.sl",
                                            "--rounds", "0", "--timeout", "120", "--jobs", "1", "--no-ranker", "--abstractions", "0",
                                            "--memory", "1", "--run", path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("round 0: train 0/1, test 1/1, "))
        let results = try RunStore(path: path).results(round: 0).values
        #expect(results.map(\.reason).sorted { ($0 ?? "") < ($1 ?? "") } == [nil, "the search bank reached its memory limit of 1 MiB"])
    }

    @Test func limitsMustBePositive() throws {
        for (option, value, message) in [
            ("--timeout", "0", "invalid for '--timeout <seconds>': must be positive; takes seconds, 0 < x ≤ 1000000"),
            ("--run-timeout", "0", "invalid for '--run-timeout <seconds>': must be positive; takes seconds, 0 < x ≤ 1000000, or none"),
            ("--jobs", "0", "invalid for '--jobs <N>': must be at least 1; takes a whole number, 1 ≤ n ≤ 1024"),
            ("--memory", "0", "invalid for '--memory <MiB>': must be at least 1; takes MiB, a whole number 1 ≤ n ≤ 1048576, or none"),
        ] {
            let outcome = try TestSupport.ouro(["solve", "Problems/lists/train/aggregates.json", "--grammar", "Grammars/lists.grammar", option, value])
            #expect(outcome.status == 2)
            #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
            let bootstrap = try TestSupport.ouro(["bootstrap", "Problems/lists", option, value])
            #expect(bootstrap.status == 2)
            #expect(bootstrap.standardError.contains(message), "\(bootstrap.standardError)")
        }
    }

    @Test func aBootstrapRunStoppedByItsRunTimeoutResumesToTheEnd() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.sqlite").path
        let arguments = ["bootstrap", "--train", "Problems/lists/train/mapping.json", "--test", "Problems/lists/test/mapping.json",
                         "--rounds", "0", "--timeout", "0.5", "--jobs", "1", "--no-ranker", "--abstractions", "0", "--run", path]
        let stopped = try TestSupport.ouro(arguments + ["--run-timeout", "1"])
        #expect(stopped.status == 3)
        #expect(stopped.standardError.hasSuffix("the run's time limit of 1 s (--run-timeout) was reached in round 0; "
            + "every finished task is kept: continue with --resume --run \(path)\n"))
        let store = try RunStore(path: path)
        let kept = try store.results(round: 0)
        #expect(kept.count < 10)
        #expect(kept.values.allSatisfy { $0.reason != "the run's time limit was reached" })
        #expect(try store.finishedRounds().isEmpty)

        let resumed = try TestSupport.ouro(arguments + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardOutput.hasPrefix("round 0: train "))
        #expect(try store.results(round: 0).count == 10)
        #expect(try store.finishedRounds().map(\.round) == [0])
    }

    /// One task whose example holds a list of `count` integers.
    private func longListFile(_ count: Int, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent("long-list.json")
        let list = (0..<count).map(String.init).joined(separator: ",")
        let text = #"[{"name": "sum", "request": "list(int) -> int", "examples": [{"inputs": [["# + list + #"]], "output": 1}]}]"#
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func aTaskFileThatCannotBeReadWithinTheMemoryLimitIsUnsolved() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try longListFile(50_000, in: directory)
        let outcome = try TestSupport.ouro(["solve", file, "--grammar", "Grammars/lists.grammar", "--memory", "1", "--timeout", "1"])
        // Exit 4: no answer, for a reason other than time.
        #expect(outcome.status == 4)
        #expect(outcome.standardOutput == "\(file): unsolved (reading it needs more than the memory limit of 1 MiB)\nsolved 0/1\n")
    }
}
