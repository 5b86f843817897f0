import Domains
import Foundation
import Grammar
import Testing
import TestSupport
@testable import Bootstrap

/// A guarded run: validation tasks held out, every proposal journalled, and the ceilings held.
@Suite struct GuardedRunTests {
    static func settings(_ change: (inout BootstrapSettings) -> Void = { _ in }) -> BootstrapSettings {
        var settings = BootstrapSettings(rounds: 1, timeout: 0.5, jobs: 2, seed: 1)
        settings.dreams = 20
        settings.guarding = GuardSettings()
        settings.ceilings = Ceilings()
        change(&settings)
        return settings
    }

    /// Runs rounds 0 and 1 of the mapping tasks (and the aggregates tasks, with `more`) with
    /// `settings`; the store, the starting grammar and the round summaries.
    static func run(_ settings: BootstrapSettings, in directory: URL, more: Bool = false) throws -> (RunStore, Grammar, [RoundSummary]) {
        var (grammar, _, _, tasks) = try BootstrapRunTests.mappingTasks()
        if more {
            let aggregates = try ExampleTask.readAll(json: TestSupport.text("Problems/lists/train/aggregates.json"))
            tasks = RunTasks(combining: [tasks, RunTasks(domain: LambdaDomain(), tasks: aggregates.map { (file: "train/aggregates.json", task: $0, split: Split.train) })])
        }
        let store = try RunStore(path: directory.appendingPathComponent("run.sqlite").path)
        nonisolated(unsafe) var summaries: [RoundSummary] = []
        try BootstrapRun(store: store, settings: settings, tasks: tasks, grammar: grammar).run { event in
            if case .finished(let summary) = event { summaries.append(summary) }
        }
        return (store, grammar, summaries)
    }

    @Test func aGuardedRunHoldsOutValidationTasksAndJournalsWhatItDecided() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (store, grammar, summaries) = try Self.run(Self.settings(), in: directory)
        let tasks = try store.tasks()
        let train = try BootstrapRunTests.mappingTasks().train.count
        #expect(tasks.filter { $0.split == .validation }.count == Int((0.2 * Double(train)).rounded()))
        #expect(tasks.filter { $0.split == .train }.count == train - tasks.filter { $0.split == .validation }.count)
        #expect(summaries.map(\.validationTotal) == [1, 1])
        #expect(try store.finishedRounds() == summaries)
        #expect(try store.timings(round: 0).sleep.seconds[.validation] != nil)

        let journal = try store.journal()
        #expect(!journal.isEmpty && journal.allSatisfy { $0.round == 0 })
        #expect(journal.first?.name == "learned")
        // At most one state proposal is adopted, and round 1 searched with what was decided.
        let adopted = journal.filter { $0.decision == .adopted }
        let states = adopted.filter { !$0.name.hasSuffix("(lambda)") }
        #expect(states.count <= 1)
        let next = try Grammar(parsing: try #require(try store.grammarText(round: 1)))
        if states.isEmpty {
            #expect(next.fileText == grammar.fileText)
            #expect(try store.rankerData(round: 1) == nil)
        }
        if states.first?.name == "learned library, no model" { #expect(try store.rankerData(round: 1) == nil) }
        #expect(summaries[1].librarySize == next.abstractions.count)
        let configuration = try store.configurationText(round: 1, domain: "lambda")
        #expect((configuration?.contains("frontierWindow") ?? false) == adopted.contains { $0.name.hasSuffix("(lambda)") })
        // Every judged proposal carries its validation figures.
        for entry in journal where entry.decision == .adopted || (entry.decision == .rejected && entry.proposal != nil) {
            #expect(entry.incumbent?.total == 1 && entry.proposal?.total == 1)
        }
    }

    @Test func aLibraryPastItsCeilingIsRejectedAndJournalled() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // These tasks give compression something to learn from within a second each.
        let (store, _, summaries) = try Self.run(Self.settings { $0.ceilings?.librarySize = 0 }, in: directory, more: true)
        let journal = try store.journal()
        let over = journal.filter { $0.decision == .overCeiling }
        #expect(over.map(\.name).contains("learned"))
        #expect(over.allSatisfy { $0.reason.hasPrefix("its library holds ") && $0.reason.hasSuffix(" abstractions, more than --max-library 0") })
        #expect(summaries[1].librarySize == 0)
        #expect(try Grammar(parsing: try #require(try store.grammarText(round: 1))).abstractions.isEmpty)
    }

    @Test func aModelPastItsCeilingIsRejectedAndJournalled() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (store, _, _) = try Self.run(Self.settings { $0.ceilings?.modelBytes = 1 << 10 }, in: directory)
        let over = try store.journal().filter { $0.decision == .overCeiling }
        #expect(over.map(\.name).contains("learned"))
        #expect(over.allSatisfy { $0.reason.hasPrefix("its ranking model takes ") && $0.reason.hasSuffix(" KiB, more than --max-model 1") })
        #expect(try store.rankerData(round: 1) == nil)
    }

    @Test func theRoundCeilingStopsSearchesAndAdoptsNothingUnjudged() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (store, grammar, summaries) = try Self.run(Self.settings { $0.ceilings?.roundSeconds = 0.001 }, in: directory)
        #expect(summaries.map(\.round) == [0, 1])
        for round in 0...1 {
            let results = try store.results(round: round)
            #expect(try results.count == store.tasks().count)
            #expect(results.values.allSatisfy { !$0.solved && $0.reason == BootstrapRun.roundCeilingReason })
        }
        let journal = try store.journal()
        #expect(!journal.isEmpty && journal.allSatisfy { $0.decision == .notEvaluated || $0.decision == .overCeiling })
        #expect(try store.grammarText(round: 1) == grammar.fileText)
    }

    @Test func withoutTheGuardEverySleepIsAdoptedUnjudgedAndNothingIsHeldOut() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (store, _, summaries) = try Self.run(Self.settings { $0.guarding = .off }, in: directory)
        #expect(try store.tasks().allSatisfy { $0.split != .validation })
        #expect(summaries.allSatisfy { $0.validationTotal == nil })
        let journal = try store.journal()
        #expect(journal.count == 1)
        #expect(journal.first?.name == "learned" && journal.first?.decision == .adopted)
        #expect(journal.first?.reason == "adopted unjudged (--no-guard)")
    }

    @Test func validationTasksGivenAreTheOnesHeldOut() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (grammar, train, test, _) = try BootstrapRunTests.mappingTasks()
        let tasks = RunTasks(domain: LambdaDomain(), tasks: train.map { (file: "train/mapping.json", task: $0, split: Split.train) }
            + test.prefix(2).map { (file: "validate/mapping.json", task: $0, split: Split.validation) }
            + test.dropFirst(2).map { (file: "test/mapping.json", task: $0, split: Split.test) })
        let store = try RunStore(path: directory.appendingPathComponent("run.sqlite").path)
        _ = try BootstrapRun(store: store, settings: Self.settings { $0.rounds = 0 }, tasks: tasks, grammar: grammar)
        #expect(try store.tasks().filter { $0.split == .validation }.map(\.file) == ["validate/mapping.json", "validate/mapping.json"])
        #expect(try store.tasks().filter { $0.split == .train }.count == train.count)
    }

    @Test func resumingCannotTurnTheGuardOffOrChangeItsSettings() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (store, grammar, _) = try Self.run(Self.settings { $0.rounds = 0 }, in: directory)
        let tasks = try BootstrapRunTests.mappingTasks().tasks
        let path = store.path
        #expect(throws: BootstrapError(message: "--no-guard given; \(path) does not have it; --no-tuning given; \(path) does not have it; resume with the run's settings (an option left out keeps its value), or choose another --run")) {
            try BootstrapRun(store: store, settings: Self.settings { $0.rounds = 0; $0.guarding = .off }, tasks: tasks, grammar: grammar)
        }
        #expect(throws: BootstrapError(message: "--max-library is 100 in \(path), 3 given; resume with the run's settings (an option left out keeps its value), or choose another --run")) {
            try BootstrapRun(store: store, settings: Self.settings { $0.rounds = 0; $0.ceilings?.librarySize = 3 }, tasks: tasks, grammar: grammar)
        }
        // The validation tasks stay those registered, whatever the tasks are given as.
        let held = try store.tasks().filter { $0.split == .validation }.map(\.name)
        let run = try BootstrapRun(store: store, settings: Self.settings { $0.rounds = 0 }, tasks: tasks, grammar: grammar)
        #expect(run.stored.filter { $0.split == .validation }.map(\.name) == held)
    }
}
