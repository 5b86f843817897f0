import Domain
import Domains
import Foundation
import Tasks
import Testing
import TestSupport
@testable import Bootstrap

/// The settings the loop keeps as data: each domain's search settings and the sleep's, stored
/// per round within their ranges, and read by what they set.
@Suite struct SearchSettingsTests {
    @Test func eachDomainDeclaresItsSettingsWithRanges() {
        #expect(LambdaDomain().searchSettings.map(\.name) == ["frontierWindow", "costWindow"])
        #expect(SyGuSDomain().searchSettings.map(\.name) == ["guidedShare", "probeShare", "contextShare", "bankShare"])
        #expect(SequenceDomain().searchSettings.map(\.name) == LambdaDomain().searchSettings.map(\.name))
        #expect(SleepSettings.all.map(\.name) == ["abstractionsPerRound", "maximumArity", "dreams"])
        var configuration = SearchConfiguration()
        #expect(throws: SearchConfigurationError(message: "bankShare takes 0.05 to 1.0, not 2.0")) {
            try configuration.set(SyGuSDomain.bankShare, to: 2)
        }
        #expect(throws: SearchConfigurationError(message: "dreams takes whole numbers, not 2.5")) {
            try configuration.set(SleepSettings.dreams, to: 2.5)
        }
    }

    @Test func theBanksShareOfTheMemoryBoundStopsASearchSooner() throws {
        let problem = try SyGuSProblem(parsing: TestSupport.text("Problems/strings/test/bump-major-version.sl"))
        let task = SyGuSTask(name: "bump-major-version", problem: problem, source: "")
        var configuration = SearchConfiguration()
        try configuration.set(SyGuSDomain.bankShare, to: 0.05)
        let report = SyGuSDomain().solve(task, guidance: Guidance(grammar: nil, configuration: configuration),
                                         budget: Budget(timeout: .seconds(60), memoryLimit: 20 << 20, frontierSize: 1), board: nil)
        guard case .stopped(let reason) = report.outcome else {
            Issue.record("solved with a bank of 1 MiB: \(report.outcome)")
            return
        }
        #expect(reason == .memoryLimit(bytes: 1 << 20))
        #expect(reason.description == "the search bank reached its memory limit of 1 MiB")
    }

    @Test func theSleepsSettingsAreStoredPerRoundFromTheOptionsAndTheSleepReadsThem() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Unguarded, so that every sleep is adopted unjudged.
        func settings(abstractions: Int) -> BootstrapSettings {
            GuardedRunTests.settings {
                $0.abstractionsPerRound = abstractions
                $0.guarding?.enabled = false
            }
        }
        let (store, _, _) = try GuardedRunTests.run(settings(abstractions: 2), in: directory)
        for round in [0, 1] {
            let text = try #require(try store.configurationText(round: round, domain: SleepSettings.name))
            let stored = try SearchConfiguration(stored: text, settings: SleepSettings.all)
            #expect(stored.value(of: SleepSettings.abstractionsPerRound) == 2 && stored.value(of: SleepSettings.dreams) == 20)
            #expect(stored.value(of: SleepSettings.maximumArity) == SleepSettings.maximumArity.defaultValue)
        }
        #expect(try #require(try store.journal().first { $0.name == "learned" }).change.hasPrefix("2 new abstractions"))

        // A run whose round 0 holds a sleep configuration of no abstractions learns none,
        // whatever its options say.
        let other = directory.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        var none = SleepSettings.starting(from: settings(abstractions: 5))
        try none.set(SleepSettings.abstractionsPerRound, to: 0)
        try RunStore(path: other.appendingPathComponent("run.sqlite").path).saveConfiguration(none.stored, round: 0, domain: SleepSettings.name)
        let (learned, _, _) = try GuardedRunTests.run(settings(abstractions: 5), in: other)
        let entry = try #require(try learned.journal().first { $0.name == "learned" })
        #expect(entry.change.hasPrefix("no new abstraction"))

        // A stored value outside its range is refused as damage.
        let damaged = directory.appendingPathComponent("damaged")
        try FileManager.default.createDirectory(at: damaged, withIntermediateDirectories: true)
        let path = damaged.appendingPathComponent("run.sqlite").path
        try RunStore(path: path).saveConfiguration(#"{"values":{"abstractionsPerRound":5000},"version":1}"#, round: 0, domain: SleepSettings.name)
        #expect(throws: RunStoreError(file: path, message: "the run store is damaged: table configurations, domain sleep, round 0 or before: "
                                            + "abstractionsPerRound takes 0.0 to 1000.0, not 5000.0")) {
            _ = try GuardedRunTests.run(GuardedRunTests.settings(), in: damaged)
        }
    }
}
