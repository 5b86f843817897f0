import Domain
import Domains
import Tasks
import Foundation
import Testing
import TestSupport
@testable import Bootstrap

/// Each wake and sleep records where its time went, in the run store, and the report shows it.
@Suite struct TimingsTests {
    @Test func eachSearchAndSleepRecordsItsPartsAndALastRoundNoSleep() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, _) = try RunStoreBranchTests.finishedRun(in: directory)
        let store = try RunStore(path: path, access: .readOnly)
        let first = try store.timings(round: 0)
        #expect(first.sleep.parts.map(\.part) == [.compression, .refitting, .dreaming, .training])
        #expect(first.sleep.parts.allSatisfy { $0.seconds >= 0 && $0.seconds.isFinite })
        let round = try #require(try store.finishedRounds().first)
        #expect(first.sleep.seconds.values.reduce(0, +) <= round.seconds)
        // Round 0 searches without a model; round 1 conditions the grammar on each task first.
        #expect(first.searches.parts.map(\.part) == [.search])
        let results = try store.results(round: 0)
        #expect(abs(first.searches.seconds[.search]! - results.values.reduce(0) { $0 + $1.seconds }) < 1e-6)
        let second = try store.timings(round: 1)
        #expect(second.searches.parts.map(\.part) == [.search, .inference])
        // The last round's sleep is skipped: nothing recorded.
        #expect(second.sleep.seconds.isEmpty)
        let page = try RunReport.html(for: store)
        #expect(page.contains("<h2>Where each round's time went</h2>\n<table><tr><th>round</th><th>wake (wall)</th><th>searches: search</th>"
            + "<th>searches: inference</th><th>sleep: compression</th><th>sleep: refitting</th><th>sleep: dreaming</th><th>sleep: training</th></tr>"))
        #expect(page.contains(String(format: "<td class=n>%.2f s</td>", first.sleep.seconds[.training]!)))
    }

    @Test func aStoreFromBeforeTimingsReadsNoneAndGainsTheTableWhenResumed() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, _) = try RunStoreBranchTests.finishedRun(in: directory)
        try TestSupport.sqlite(path, "DROP TABLE timings; DROP TABLE configurations; DELETE FROM grdb_migrations WHERE identifier = 'v3';")
        #expect(try RunStore(path: path, access: .readOnly).timings(round: 0).sleep.seconds.isEmpty)
        #expect(try RunStore(path: path, access: .readOnly).configurationText(round: 0, domain: "lambda") == nil)
        let upgraded = try RunStore(path: path, access: .update)
        #expect(try upgraded.timings(round: 0).searches.seconds.isEmpty)
        var timings = Timings()
        timings.add(.compression, 0.5)
        try upgraded.finish(try #require(try upgraded.finishedRounds().first), nextGrammar: nil, nextRanker: nil, abstractions: [], timings: timings)
        #expect(try upgraded.timings(round: 0).sleep == timings)
    }

    @Test func aSyGuSSearchRecordsItsVerification() throws {
        var timings = Timings()
        let value = timings.measure(.verification) { 42 }
        #expect(value == 42 && timings.parts.map(\.part) == [.verification])
        let problem = try SyGuSProblem(parsing: TestSupport.text("Problems/bitvec/train/and-not-64.sl"))
        let report = SyGuSDomain().solve(SyGuSTask(name: "and-not-64", problem: problem, source: ""), guidance: Guidance(grammar: nil),
                                         budget: Budget(timeout: .seconds(10), memoryLimit: 1 << 30, frontierSize: 1), board: nil)
        #expect(report.isSolved)
        #expect(report.timings.parts.map(\.part) == [.search, .verification])
        #expect(report.timings.seconds.values.reduce(0, +) <= report.seconds + 1e-6)
    }
}
