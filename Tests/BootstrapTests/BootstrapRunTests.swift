import Domains
import Foundation
import GRDB
import Grammar
import Tasks
import Verification
import Testing
import TestSupport
@testable import Bootstrap

@Suite struct BootstrapRunTests {
    /// The lists grammar and the mapping tasks, train and test, as a run's tasks.
    static func mappingTasks() throws -> (grammar: Grammar, train: [ExampleTask], test: [ExampleTask], tasks: RunTasks) {
        let grammar = try Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))
        let train = try ExampleTask.readAll(json: TestSupport.text("Problems/lists/train/mapping.json"))
        let test = try ExampleTask.readAll(json: TestSupport.text("Problems/lists/test/mapping.json"))
        let tasks = RunTasks(domain: LambdaDomain(), tasks: train.map { (file: "train/mapping.json", task: $0, split: Split.train) }
            + test.map { (file: "test/mapping.json", task: $0, split: Split.test) })
        return (grammar, train, test, tasks)
    }

    @Test func roundsLearnFromTrainTasksOnlyAndResumeIsANoOpWhenDone() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (grammar, train, test, tasks) = try Self.mappingTasks()
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

        // Resuming a finished run does nothing, with other jobs too; a setting that would
        // change the results is refused by name.
        var moreJobs = settings
        moreJobs.jobs = 1
        let again = try BootstrapRun(store: store, settings: moreJobs, tasks: tasks, grammar: grammar)
        nonisolated(unsafe) var events = 0
        try again.run { _ in events += 1 }
        #expect(events == 0)
        var other = settings
        other.timeout = 2
        other.dreams = 40
        #expect(throws: BootstrapError(message: "--timeout is 1 in \(path), 2 given; --dreams is 30 in \(path), 40 given; resume with the run's settings (an option left out keeps its value), or choose another --run")) {
            try BootstrapRun(store: store, settings: other, tasks: tasks, grammar: grammar)
        }
        var fewer = settings
        fewer.rounds = 0
        #expect(throws: BootstrapError(message: "\(path) has finished rounds 0 … 1; --rounds 0 would end it before them")) {
            try BootstrapRun(store: store, settings: fewer, tasks: tasks, grammar: grammar)
        }
    }

    @Test func aFinishedRunIsExtendedToMoreRounds() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let grammar = try Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))
        let tasks = RunTasks(domain: LambdaDomain(), tasks: try ExampleTask.readAll(json: TestSupport.text("Problems/lists/train/mapping.json"))
            .map { (file: "train/mapping.json", task: $0, split: Split.train) })
        var settings = BootstrapSettings(rounds: 0, timeout: 0.5, jobs: 2, seed: 1)
        settings.dreams = 20
        let store = try RunStore(path: directory.appendingPathComponent("run.sqlite").path)
        try BootstrapRun(store: store, settings: settings, tasks: tasks, grammar: grammar).run { _ in }
        #expect(try store.finishedRounds().map(\.round) == [0])
        #expect(try store.grammarText(round: 1) == nil)

        settings.rounds = 1
        nonisolated(unsafe) var events: [String] = []
        try BootstrapRun(store: store, settings: settings, tasks: tasks, grammar: grammar).run { event in
            switch event {
            case .sleep(let round): events.append("sleep \(round)")
            case .finished(let summary): events.append("finished \(summary.round)")
            case .wake, .validating: break
            }
        }
        // Round 0's sleep, skipped when it was the last round, runs first; then round 1.
        #expect(events == ["sleep 0", "finished 1"])
        #expect(try store.finishedRounds().map(\.round) == [0, 1])
        let learned = try Grammar(parsing: try #require(try store.grammarText(round: 1)))
        #expect(try store.finishedRounds()[1].librarySize == learned.abstractions.count)
        #expect(try store.results(round: 1).count == tasks.count)
        let saved = try #require(try store.settings()["settings"])
        #expect(try JSONDecoder().decode(BootstrapSettings.self, from: Data(saved.utf8)).rounds == 1)
    }
}

@Suite struct SyGuSBootstrapRunTests {
    /// A run over SyGuS problems learns a library from the train answers, searches round 1
    /// with it, and keeps every answer in SyGuS form, valid in its problem's own grammar.
    @Test func sygusRoundsLearnALibraryAndKeepValidAnswers() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = [
            ("Problems/strings/train/first-name.sl", Split.train), ("Problems/strings/train/city-from-city-state.sl", .train),
            ("Problems/strings/train/email-domain.sl", .train), ("Problems/strings/train/file-extension.sl", .train),
            ("Problems/strings/test/email-user.sl", .test),
        ]
        var sygus: [(file: String, task: SyGuSTask, split: Split)] = []
        var sources: [String: (SyGuSProblem, String)] = [:]
        for (file, split) in files {
            let source = try TestSupport.text(file)
            let problem = try SyGuSProblem(parsing: source)
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            sygus.append((file, SyGuSTask(name: name, problem: problem, source: source), split))
            sources[file] = (problem, source)
        }
        let grammar = Grammar.fitted(to: [], offering: sygus.map(\.task.problem), name: "sygus")
        let tasks = RunTasks(domain: SyGuSDomain(), tasks: sygus)
        var settings = BootstrapSettings(rounds: 1, timeout: 10, jobs: 2, seed: 1)
        settings.dreams = 30
        let store = try RunStore(path: directory.appendingPathComponent("run.sqlite").path)
        let run = try BootstrapRun(store: store, settings: settings, tasks: tasks, grammar: grammar)
        nonisolated(unsafe) var summaries: [RoundSummary] = []
        try run.run { event in if case .finished(let summary) = event { summaries.append(summary) } }
        #expect(summaries.map(\.round) == [0, 1])
        #expect(summaries[0].trainSolved == 4 && summaries[0].testSolved == 1)
        let learned = try Grammar(parsing: try #require(try store.grammarText(round: 1)))
        #expect(learned.abstractions.count == summaries[1].librarySize && summaries[1].librarySize > 0)
        #expect(try store.abstractions().count == summaries[1].newAbstractions)
        #expect(try store.rankerData(round: 1) != nil)
        // The report: a row per round, four charts, the abstractions with the last library marked.
        let page = try RunReport.html(for: store)
        #expect(page.components(separatedBy: "<svg ").count == 5)
        #expect(page.contains("<td class=n>1</td><td class=n>\(summaries[1].trainSolved)/4</td>"))
        for abstraction in learned.abstractions { #expect(page.contains("<code>\(abstraction.name)</code></td><td class=n>1</td><td>yes</td>")) }
        let stored = try store.tasks()
        for round in 0...1 {
            for (id, result) in try store.results(round: round) where result.solved {
                let file = try #require(stored.first { $0.id == id }).file
                let (problem, source) = try #require(sources[file])
                let body = try #require(try SyGuSProblem.answerBodies(result.frontier[0].program, source: source)[0])
                #expect(problem.functions[0].grammar.derivation(of: body) != nil, "\(file): \(result.frontier[0].program)")
                #expect(try Verifier(problem: problem).verify([0: body]) == .verified)
            }
        }
    }
}

@Suite struct BootstrapStoreFaultTests {
    @Test func aFullDiskStopsTheRunWithItsResultsKeptAndTheRunResumes() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let grammar = try Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))
        let tasks = RunTasks(domain: LambdaDomain(), tasks: try ExampleTask.readAll(json: TestSupport.text("Problems/lists/train/mapping.json"))
            .map { (file: "train/mapping.json", task: $0, split: Split.train) })
        var settings = BootstrapSettings(rounds: 0, timeout: 0.2, jobs: 1, seed: 1)
        settings.useRanker = false
        settings.abstractionsPerRound = 0
        let path = directory.appendingPathComponent("run.sqlite").path
        let store = try RunStore(path: path)
        let run = try BootstrapRun(store: store, settings: settings, tasks: tasks, grammar: grammar)
        // Once the first task's result is committed, the file may not grow (as on a full
        // disk) and the pages of the results and solutions tables are filled to the brim.
        nonisolated(unsafe) var limited = false
        #expect(throws: RunStoreError(file: path, message: "the disk is full; the write failed and was rolled back, and nothing already committed is lost")) {
            try run.run { event in
                guard case .wake = event, !limited else { return }
                limited = true
                try? store.queue.inDatabase { db in
                    let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                    try db.execute(sql: "PRAGMA max_page_count = \(pages)")
                    let task = try Int64.fetchOne(db, sql: "SELECT min(id) FROM tasks") ?? 0
                    var round = 1_000
                    do {
                        while true {
                            round += 1
                            try db.execute(sql: "INSERT INTO results (round, task, solved, seconds, candidates) VALUES (?, ?, 0, 0, 0)", arguments: [round, task])
                        }
                    } catch {}
                    do {
                        while true {
                            try db.execute(sql: "INSERT INTO solutions (round, task, rank, program, logPrior, logLikelihood, seconds, candidates) VALUES (1000, ?, 0, 'x', 0, 0, 0, 0)", arguments: [task])
                        }
                    } catch {}
                }
            }
        }
        #expect(limited)
        let kept = try store.results(round: 0)
        #expect(kept.count == 1)
        let before = try store.solutionLines()

        // With room again, the run resumes: the kept results stay and the rest are searched.
        let reopened = try RunStore(path: path)
        let resumed = try BootstrapRun(store: reopened, settings: settings, tasks: tasks, grammar: grammar)
        #expect(try resumed.run { _ in } == .finished)
        let results = try reopened.results(round: 0)
        #expect(results.count == tasks.count)
        for (task, result) in kept { #expect(results[task]?.frontier == result.frontier) }
        #expect(Set(before).isSubset(of: Set(try reopened.solutionLines())))
        #expect(try reopened.finishedRounds().map(\.round) == [0])
    }
}
