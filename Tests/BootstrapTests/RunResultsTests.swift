import Foundation
import Testing
import TestSupport
@testable import Bootstrap

/// The per-task results of a run (`ouro results`) and the report built on them.
@Suite struct RunResultsTests {
    /// A run of two finished rounds over three tasks, written through the store's API.
    private func smallRun(at path: String) throws -> RunStore {
        let store = try RunStore(path: path)
        var settings = BootstrapSettings(rounds: 1, timeout: 2.5, jobs: 2, seed: 7)
        settings.memoryMiB = 64
        let encoded = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        try store.saveSettings(["settings": encoded, "grammar": "(grammar g)\n"])
        let tasks = try store.register([("a.json", "sum", .train), ("a.json", "say \"hi\", twice", .train), ("b.json", "max", .test)])
        let sum = StoredProgram(program: "(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))", logPrior: -14.889, logLikelihood: 0)
        try store.record(round: 0, StoredResult(task: tasks[0].id, solved: true, seconds: 0.0125, candidates: 9353, reason: nil, frontier: [sum]))
        try store.record(round: 0, StoredResult(task: tasks[1].id, solved: false, seconds: 2.5, candidates: 120_000, reason: "timeout", frontier: []))
        try store.record(round: 0, StoredResult(task: tasks[2].id, solved: false, seconds: 0.25, candidates: 40, reason: "memory limit", frontier: []))
        try store.finish(RoundSummary(round: 0, trainSolved: 1, trainTotal: 2, testSolved: 0, testTotal: 1, newAbstractions: 0, librarySize: 0,
                                      seconds: 3.04, medianCandidatesTest: nil), nextGrammar: "(grammar g)\n", nextRanker: nil, abstractions: [])
        let say = StoredProgram(program: "(lambda (cons 1 $0))", logPrior: -6.5, logLikelihood: 0)
        try store.record(round: 1, StoredResult(task: tasks[0].id, solved: true, seconds: 0.004, candidates: 30, reason: nil, frontier: [sum]))
        try store.record(round: 1, StoredResult(task: tasks[1].id, solved: true, seconds: 1.5, candidates: 70_000, reason: nil, frontier: [say]))
        try store.record(round: 1, StoredResult(task: tasks[2].id, solved: false, seconds: 2.5, candidates: 99, reason: "timeout", frontier: []))
        try store.finish(RoundSummary(round: 1, trainSolved: 2, trainTotal: 2, testSolved: 0, testTotal: 1, newAbstractions: 0, librarySize: 0,
                                      seconds: 4.0, medianCandidatesTest: nil), nextGrammar: nil, nextRanker: nil, abstractions: [])
        return store
    }

    @Test func rowsListEachTaskOfEachRoundInTheRunsOrder() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try smallRun(at: directory.appendingPathComponent("run.sqlite").path)
        let rows = try RunResults.rows(of: store)
        #expect(rows.map { "\($0.round) \($0.task.name) \($0.solved)" } == [
            "0 sum true", "0 say \"hi\", twice false", "0 max false", "1 sum true", "1 say \"hi\", twice true", "1 max false",
        ])
        #expect(rows[0].program == "(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))" && rows[0].logPrior == -14.889)
        #expect(rows[1].program == nil && rows[1].reason == "timeout")
        #expect(try RunResults.rows(of: store, round: 1).map(\.round) == [1, 1, 1])
        #expect(try RunResults.rows(of: store, round: 2).isEmpty)
    }

    @Test func csvQuotesFieldsAndJSONLinesGiveNullsForWhatIsAbsent() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rows = try RunResults.rows(of: try smallRun(at: directory.appendingPathComponent("run.sqlite").path), round: 0)
        let csv = RunResults.csv(rows).components(separatedBy: "\r\n")
        #expect(csv[0] == "round,split,file,task,solved,program,logPrior,seconds,candidates,reason,bank")
        #expect(csv[1] == "0,train,a.json,sum,true,(lambda (fold $0 0 (lambda (lambda (+ $0 $1))))),-14.8890,0.013,9353,,")
        #expect(csv[2] == "0,train,a.json,\"say \"\"hi\"\", twice\",false,,,2.500,120000,timeout,")
        #expect(csv.count == 5 && csv[4] == "")
        let lines = RunResults.jsonLines(rows).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[2] == #"{"bank":null,"candidates":40,"file":"b.json","logPrior":null,"program":null,"reason":"memory limit","round":0,"seconds":0.25,"solved":false,"split":"test","task":"max"}"#)
    }

    @Test func theReportShowsSettingsTasksReasonsAndReadableAxes() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = try RunReport.html(for: try smallRun(at: directory.appendingPathComponent("run.sqlite").path))
        // The title names the run file; the full path is given below it.
        #expect(page.contains("<title>Ouroboros run run.sqlite</title>"))
        #expect(page.contains("<h1>Ouroboros run <code>run.sqlite</code></h1>"))
        // Settings as the options that set them.
        #expect(page.contains("<tr><td><code>--timeout</code></td><td>2.5</td></tr>"))
        #expect(page.contains("<tr><td><code>--memory</code></td><td>64</td></tr>"))
        // Round seconds as the console prints them.
        #expect(page.contains("<td class=n>3.0 s</td></tr>") && page.contains("<td class=n>4.0 s</td></tr>"))
        // Why tasks went unsolved, per round.
        #expect(page.contains("<tr><td>timeout</td><td class=n>1</td><td class=n>1</td></tr>"))
        #expect(page.contains("<tr><td>memory limit</td><td class=n>1</td><td class=n>0</td></tr>"))
        // A row per task with its best program, or why the last round left it unsolved.
        #expect(page.contains("<td class=train title=\"a.json\">say &quot;hi&quot;, twice</td><td>1</td><td><code>(lambda (cons 1 $0))</code></td><td class=n>-6.50</td><td class=n>1.5 s</td><td class=n>70k</td><td>solved</td>"))
        #expect(page.contains("<td class=test title=\"b.json\">max</td><td>–</td><td>–</td><td class=n>–</td><td class=n>–</td><td class=n>–</td><td><span class=muted>timeout</span></td>"))
        // The median search time's axis is in milliseconds below a second.
        #expect(page.contains(">200 ms</text>") && page.contains(">800 ms</text>"))
    }

    @Test func aRunOfSeveralDomainsSaysWhyTasksWentUnsolvedPerDomain() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try smallRun(at: directory.appendingPathComponent("run.sqlite").path)
        let tasks = try store.tasks()
        try store.setDomains([(tasks[0].id, "lambda"), (tasks[1].id, "lambda"), (tasks[2].id, "sygus")])
        #expect(try store.tasks().map(\.domain) == ["lambda", "lambda", "sygus"])
        let page = try RunReport.html(for: store)
        #expect(page.contains("<h2>Why tasks went unsolved</h2>\n<table><tr><th>reason</th><th>domain</th><th>round 0</th><th>round 1</th></tr>\n"
            + "<tr><td>memory limit</td><td>sygus</td><td class=n>1</td><td class=n>0</td></tr>\n"
            + "<tr><td>timeout</td><td>lambda</td><td class=n>1</td><td class=n>0</td></tr>\n"
            + "<tr><td>timeout</td><td>sygus</td><td class=n>0</td><td class=n>1</td></tr>\n</table>"))
    }

    @Test func axesChooseRoundTicksAndUnitsForTheirRange() {
        #expect(ChartAxis.count.ticks(upTo: 135) == [0, 50, 100, 150])
        #expect(ChartAxis.count.ticks(upTo: 3) == [0, 1, 2, 3])
        #expect(ChartAxis.count.ticks(upTo: 0) == [0, 1])
        #expect(ChartAxis.seconds.ticks(upTo: 0.3) == [0, 0.1, 0.2, 0.30000000000000004])
        #expect(ChartAxis.seconds.label(0.25, scale: 0.5) == "250 ms")
        #expect(ChartAxis.seconds.label(0.5, scale: 2) == "0.5 s")
        #expect(ChartAxis.count.label(1_500_000, scale: 2_000_000) == "1.5M")
        #expect(ChartAxis.count.label(25_000, scale: 40_000) == "25k")
        #expect(ChartAxis.count.label(800, scale: 1_000) == "800")
    }
}
