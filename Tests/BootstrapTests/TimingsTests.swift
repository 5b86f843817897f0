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
        let results = try store.results(round: 0)
        #expect(Set(first.searches.keys) == Set(results.keys))
        #expect(first.searches.values.allSatisfy { $0.parts.map(\.part) == [.search] })
        for (task, result) in results { #expect(first.searches[task]?.seconds[.search] == result.seconds) }
        let second = try store.timings(round: 1)
        #expect(second.searches.values.allSatisfy { $0.parts.map(\.part) == [.search, .inference] })
        // The last round's sleep is skipped: nothing recorded.
        #expect(second.sleep.seconds.isEmpty)
        // Each task's domain is recorded; the report sums the searches per round and domain.
        let lambda = LambdaDomain().name
        #expect(try store.tasks().allSatisfy { $0.domain == lambda })
        let page = try RunReport.html(for: store)
        #expect(page.contains("<h2>Where each round's time went</h2>\n<table><tr><th>round</th><th>wake (wall)</th>"
            + "<th>sleep: compression</th><th>sleep: refitting</th><th>sleep: dreaming</th><th>sleep: training</th></tr>"))
        #expect(page.contains(String(format: "<td class=n>%.2f s</td>", first.sleep.seconds[.training]!)))
        #expect(page.contains("<h2>Where the searches' time went</h2>\n<table><tr><th>round</th><th>domain</th><th>tasks</th><th>search</th><th>inference</th></tr>"))
        #expect(page.contains("<tr><td class=n>1</td><td>\(lambda)</td><td class=n>\(results.count)</td>"))
    }

    @Test func aStoreFromBeforeTimingsReadsNoneAndGainsTheTableWhenResumed() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, _) = try RunStoreBranchTests.finishedRun(in: directory)
        try TestSupport.sqlite(path, """
            DROP TABLE timings; DROP TABLE configurations; ALTER TABLE tasks DROP COLUMN domain;
            DELETE FROM grdb_migrations WHERE identifier = 'v3';
            """)
        #expect(try RunStore(path: path, access: .readOnly).tasks().allSatisfy { $0.domain == nil })
        #expect(try RunStore(path: path, access: .readOnly).timings(round: 0).sleep.seconds.isEmpty)
        #expect(try RunStore(path: path, access: .readOnly).configurationText(round: 0, domain: "lambda") == nil)
        let upgraded = try RunStore(path: path, access: .update)
        #expect(try upgraded.timings(round: 0).searches.isEmpty)
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
