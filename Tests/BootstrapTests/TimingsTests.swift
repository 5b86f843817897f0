import Domain
import Search
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
        #expect(first.searches.values.allSatisfy { Self.outer($0) == [.search] })
        for (task, result) in results { #expect(first.searches[task]?.seconds[.search] == result.seconds) }
        // What divides a λ search's time: enumeration and evaluation (and waiting when helpers
        // took part), within its wall time; the λ search keeps no bank.
        for timings in first.searches.values {
            #expect(timings.seconds[.enumeration] != nil && timings.seconds[.evaluation] != nil && timings.seconds[.deduplication] == nil)
            #expect(Self.within(timings) <= timings.seconds[.search]! + 1e-9)
        }
        #expect(results.values.allSatisfy { $0.bank == nil })
        let second = try store.timings(round: 1)
        #expect(second.searches.values.allSatisfy { Self.outer($0) == [.search, .inference] })
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
        #expect(page.contains("<h2>Inside the searches</h2>\n<table><tr><th>round</th><th>domain</th><th>tasks</th><th>enumeration</th><th>evaluation</th>"))
    }

    /// The parts of `timings` that add up (not those that divide the searches' time).
    static func outer(_ timings: Timings) -> [Timings.Part] {
        timings.parts.map(\.part).filter { !Timings.withinSearch.contains($0) }
    }

    /// The seconds of the parts that divide the searches' time.
    static func within(_ timings: Timings) -> Double {
        timings.parts.filter { Timings.withinSearch.contains($0.part) }.map(\.seconds).reduce(0, +)
    }

    @Test func aSearchsBankIsStoredWithItsResult() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, _) = try RunStoreBranchTests.finishedRun(in: directory)
        let store = try RunStore(path: path, access: .update)
        var result = try #require(try store.results(round: 0).values.min { $0.task < $1.task })
        result.bank = 1_234
        try store.record(round: 0, result)
        #expect(try store.results(round: 0)[result.task]?.bank == 1_234)
        let row = try #require(try RunResults.rows(of: store, round: 0).first { $0.task.id == result.task })
        #expect(row.bank == 1_234 && RunResults.csv([row]).hasSuffix(",1234\r\n"))
    }

    @Test func aSampleOfCandidatesDividesASearchsTime() {
        var sample = CandidateSample()
        #expect(sample.estimate(candidates: 5_000, within: 0.5) == (0.5, 0, 0))
        sample.add(evaluation: 2e-7, deduplication: 1e-7)
        sample.add(evaluation: 4e-7, deduplication: 1e-7)
        // 10,000 candidates at 3e-7 s of evaluation and 1e-7 s of deduplication each.
        let estimate = sample.estimate(candidates: 10_000, within: 0.01)
        #expect(abs(estimate.evaluation - 0.003) < 1e-12 && abs(estimate.deduplication - 0.001) < 1e-12)
        #expect(abs(estimate.enumeration - 0.006) < 1e-12)
        // A sample that says more than the time there was is scaled down to it, in proportion.
        let over = sample.estimate(candidates: 10_000, within: 0.002)
        #expect(over.enumeration == 0 && abs(over.evaluation - 0.0015) < 1e-12 && abs(over.deduplication - 0.0005) < 1e-12)
        #expect(CandidateSample.clockRead >= 0 && CandidateSample.clockRead < 1e-3)
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
        #expect(Self.outer(report.timings) == [.search, .verification])
        #expect(report.timings.parts.filter { !Timings.withinSearch.contains($0.part) }.map(\.seconds).reduce(0, +) <= report.seconds + 1e-6)
        // The bottom-up search's time divides into enumeration, evaluation and deduplication
        // (a part the sample saw none of is left out), and it reports the bank it kept.
        #expect(abs(Self.within(report.timings) - report.timings.seconds[.search]!) < 1e-9)
        #expect(report.timings.seconds[.enumeration] != nil && report.timings.seconds[.waiting] == nil)
        #expect((report.bank ?? 0) > 0)
    }
}
