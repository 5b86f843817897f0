import Foundation
import Grammar
import Tasks
import Testing
import TestSupport
@testable import Bootstrap

@Suite struct BootstrapRunTests {
    @Test func roundsLearnFromTrainTasksOnlyAndResumeIsANoOpWhenDone() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let grammar = try Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))
        let train = try ExampleTask.readAll(json: TestSupport.text("Problems/lists/train/mapping.json"))
        let test = try ExampleTask.readAll(json: TestSupport.text("Problems/lists/test/mapping.json"))
        let tasks = train.map { (file: "train/mapping.json", task: $0, split: Split.train) }
            + test.map { (file: "test/mapping.json", task: $0, split: Split.test) }
        var settings = BootstrapSettings(rounds: 1, timeout: 1, jobs: 2, seed: 1)
        settings.dreams = 30
        let path = directory.appendingPathComponent("run.sqlite").path
        let store = try RunStore(path: path)
        let run = try BootstrapRun(store: store, settings: settings, tasks: tasks, grammar: grammar)
        nonisolated(unsafe) var summaries: [RoundSummary] = []
        try run.run { event in if case .finished(let summary) = event { summaries.append(summary) } }
        #expect(summaries.map(\.round) == [0, 1])
        #expect(summaries.allSatisfy { $0.trainTotal == train.count && $0.testTotal == test.count })
        #expect(try store.finishedRounds() == summaries)
        for round in 0...1 { #expect(try store.results(round: round).count == tasks.count) }
        // Round 1 searched with the grammar round 0's sleep learned, and a model.
        let learned = try #require(try store.grammarText(round: 1))
        #expect(summaries[0].newAbstractions == 0 && summaries[0].librarySize == 0)
        #expect(try Grammar(parsing: learned).abstractions.count == summaries[1].librarySize)
        #expect(summaries[1].newAbstractions == summaries[1].librarySize)
        #expect(try store.rankerData(round: 1) != nil)

        // Resuming a finished run does nothing; other settings are refused.
        let again = try BootstrapRun(store: store, settings: settings, tasks: tasks, grammar: grammar)
        nonisolated(unsafe) var events = 0
        try again.run { _ in events += 1 }
        #expect(events == 0)
        var other = settings
        other.rounds = 3
        #expect(throws: BootstrapError.self) { try BootstrapRun(store: store, settings: other, tasks: tasks, grammar: grammar) }
    }
}
