import Foundation
import Testing
import TestSupport
@testable import Bootstrap

/// Each sleep records where its time went, in the run store.
@Suite struct SleepTimingsTests {
    @Test func eachSleepRecordsItsPartsAndALastRoundNone() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, _) = try RunStoreBranchTests.finishedRun(in: directory)
        let store = try RunStore(path: path, access: .readOnly)
        let parts = try store.timings(round: 0)
        #expect(parts.map(\.part) == ["compression", "refitting", "dreaming", "training"])
        #expect(parts.allSatisfy { $0.seconds >= 0 && $0.seconds.isFinite })
        // Together they took no longer than the round.
        let round = try #require(try store.finishedRounds().first)
        #expect(parts.reduce(0) { $0 + $1.seconds } <= round.seconds)
        // The last round's sleep is skipped: nothing recorded.
        #expect(try store.timings(round: 1).isEmpty)
        // The report shows them per round.
        let page = try RunReport.html(for: store)
        #expect(page.contains("<h2>Where each round's time went</h2>\n<table><tr><th>round</th><th>wake</th><th>compression</th><th>refitting</th><th>dreaming</th><th>training</th></tr>"))
        #expect(page.contains(String(format: "<td class=n>%.2f s</td>", parts[3].seconds)))
    }

    @Test func aStoreFromBeforeTimingsReadsNoneAndGainsTheTableWhenResumed() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, _) = try RunStoreBranchTests.finishedRun(in: directory)
        try TestSupport.sqlite(path, "DROP TABLE timings; DELETE FROM grdb_migrations WHERE identifier = 'v3';")
        #expect(try RunStore(path: path, access: .readOnly).timings(round: 0).isEmpty)
        let upgraded = try RunStore(path: path, access: .update)
        #expect(try upgraded.timings(round: 0).isEmpty)
        try upgraded.finish(try #require(try upgraded.finishedRounds().first), nextGrammar: nil, nextRanker: nil, abstractions: [],
                            timings: [("compression", 0.5)])
        #expect(try upgraded.timings(round: 0).map(\.part) == ["compression"])
    }
}
