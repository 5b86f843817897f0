import Domain
import Domains
import Foundation
import Grammar
import Testing
import TestSupport
@testable import Bootstrap

/// Search settings as data: declared with ranges, checked, stored per round and domain,
/// restored with a branch, and read by the domains' searches.
@Suite struct SearchConfigurationTests {
    @Test func valuesAreCheckedAgainstTheirSettings() throws {
        var configuration = SearchConfiguration()
        #expect(configuration.value(of: SyGuSDomain.guidedShare) == 0.5)
        try configuration.set(SyGuSDomain.guidedShare, to: 0.8)
        #expect(configuration.value(of: SyGuSDomain.guidedShare) == 0.8)
        #expect(throws: SearchConfigurationError(message: "guidedShare takes 0.1 to 1.0, not 1.5")) {
            try configuration.set(SyGuSDomain.guidedShare, to: 1.5)
        }
        let whole = SearchSetting("jobs", range: 1...8, default: 2, isInteger: true, meaning: "test")
        #expect(throws: SearchConfigurationError(message: "jobs takes whole numbers, not 2.5")) { try configuration.set(whole, to: 2.5) }
        // Stored and read back; what does not belong is refused.
        let settings = SyGuSDomain().searchSettings
        #expect(try SearchConfiguration(stored: configuration.stored, settings: settings) == configuration)
        #expect(configuration.stored == #"{"values":{"guidedShare":0.8},"version":1}"#)
        #expect(throws: SearchConfigurationError(message: "the search configuration sets frontierWindow, which this domain does not have")) {
            try SearchConfiguration(stored: #"{"values":{"frontierWindow":1},"version":1}"#, settings: settings)
        }
        #expect(throws: SearchConfigurationError(message: "search configuration version 2; this ouro reads version 1")) {
            try SearchConfiguration(stored: #"{"values":{},"version":2}"#, settings: settings)
        }
        #expect(throws: SearchConfigurationError(message: "guidedShare takes 0.1 to 1.0, not 0.0")) {
            try SearchConfiguration(stored: #"{"values":{"guidedShare":0},"version":1}"#, settings: settings)
        }
    }

    @Test func theLambdaSearchReadsItsFrontierWindow() throws {
        let task = try #require(try ExampleTask.readAll(json: TestSupport.text("Problems/lists/train/mapping.json")).first { $0.name == "add-head" })
        let grammar = try Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))
        func frontier(window: Double) throws -> [FrontierEntry] {
            var configuration = SearchConfiguration()
            try configuration.set(LambdaDomain.frontierWindow, to: window)
            let report = LambdaDomain().solve(task, guidance: Guidance(grammar: grammar, configuration: configuration),
                                              budget: Budget(timeout: .seconds(20), memoryLimit: 1 << 30, frontierSize: 5), board: nil)
            guard case .solved(let entries) = report.outcome else { return [] }
            return entries
        }
        let narrow = try frontier(window: 0)
        let wide = try frontier(window: 6)
        #expect(!narrow.isEmpty && wide.count > narrow.count)
        // Every program of the narrow frontier costs what the best does.
        #expect(narrow.allSatisfy { abs($0.logPrior - narrow[0].logPrior) < 1e-9 })
        #expect(wide.allSatisfy { narrow[0].logPrior - $0.logPrior <= 6 + 1e-9 })
    }

    @Test func eachRoundRecordsItsConfigurationsAndABranchRestoresThem() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, resumed) = try RunStoreBranchTests.finishedRun(in: directory)
        let store = try RunStore(path: path, access: .readOnly)
        for round in 0...1 {
            #expect(try store.configurationText(round: round, domain: LambdaDomain().name) == #"{"values":{},"version":1}"#)
        }
        // A configuration stored for round 1 of a branch is the one its wake searches with.
        let branch = directory.appendingPathComponent("branch.sqlite").path
        try RunStore.branch(from: path, round: 1, to: branch)
        var configuration = SearchConfiguration()
        try configuration.set(LambdaDomain.frontierWindow, to: 1)
        try TestSupport.sqlite(branch, "UPDATE configurations SET text = '\(configuration.stored)' WHERE round = 1 AND domain = 'lambda'")
        let run = try resumed()
        // Beside the domain's, the sleep's, from the run's options.
        let sleep = SleepSettings.starting(from: run.settings)
        #expect(try run.configurations(for: 1) == [LambdaDomain().name: configuration, SleepSettings.name: sleep])
        #expect(try run.configurations(for: 2) == [LambdaDomain().name: configuration, SleepSettings.name: sleep])
        // One that does not read is a damaged store, named.
        try TestSupport.sqlite(branch, "UPDATE configurations SET text = '{\"values\":{\"guidedShare\":1},\"version\":1}' WHERE round = 1 AND domain = 'lambda'")
        #expect(throws: RunStoreError(file: branch, message: "the run store is damaged: table configurations, domain \(LambdaDomain().name), round 1 or before: the search configuration sets guidedShare, which this domain does not have")) {
            try run.configurations(for: 1)
        }
    }
}
