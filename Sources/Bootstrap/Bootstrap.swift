import Domain
import Foundation
import Grammar
import Language
import Ranking

/// The settings of a bootstrap run, kept in its run store so that `--resume` continues the
/// same run.
public struct BootstrapSettings: Sendable, Codable, Equatable {
    public var rounds: Int
    /// Wall-time limit per task and round, in seconds.
    public var timeout: Double
    public var jobs: Int
    public var seed: UInt64
    public var frontierSize = Defaults.frontierSize
    /// Abstractions learned per round (0 turns abstraction learning off).
    public var abstractionsPerRound = 5
    public var maximumArity = Defaults.maximumArity
    /// Dreams per round for the ranking model (the model is off when `useRanker` is false).
    public var dreams = Defaults.dreams
    public var useRanker = true
    /// The memory bound of each task's search, in MiB (absent in runs from older versions).
    public var memoryMiB: Int?

    public init(rounds: Int, timeout: Double, jobs: Int, seed: UInt64) {
        self.rounds = rounds
        self.timeout = timeout
        self.jobs = jobs
        self.seed = seed
    }
}

/// What a bootstrap run reports while it works.
public enum BootstrapEvent: Sendable {
    /// A task of a round's wake finished: `done` of `total`, `solved` so far.
    case wake(round: Int, done: Int, total: Int, solved: Int, elapsed: Double)
    /// A round's sleep started: learning abstractions and training the model.
    case sleep(round: Int)
    case finished(RoundSummary)
}

/// How a call of `BootstrapRun.run` ended.
public enum BootstrapOutcome: Sendable, Equatable {
    /// Every round is finished.
    case finished
    /// The run's time limit came during `round`, which a resumed run finishes.
    case runTimeLimit(round: Int)
}

/// A problem in a bootstrap run's input, or a run store that does not fit it.
public struct BootstrapError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The loop that improves itself: each round is a **wake** (every task searched with the
/// round's grammar and ranking model, in parallel, within the per-task timeout), then an
/// **abstraction sleep** (abstractions learned from the train tasks' frontiers become new
/// productions; weights refitted) and a **dream sleep** (the ranking model trained on the
/// rewritten frontiers and on dreams). Round 0 uses the starting grammar and no model. Test
/// tasks are searched every round and never learned from.
///
/// Everything is written to the run store as it happens — each task's result as it finishes,
/// each round's learning in one transaction — so an interrupted run resumes where it stopped.
public final class BootstrapRun: Sendable {
    public let store: RunStore
    public let settings: BootstrapSettings
    let runTasks: RunTasks
    /// Each task as the store registered it, in the order of `runTasks`.
    let stored: [StoredTask]
    let startGrammar: Grammar

    /// Opens (or continues, when the store already holds this run) a run over `tasks`.
    public init(store: RunStore, settings: BootstrapSettings, tasks: RunTasks, grammar: Grammar) throws {
        self.store = store
        self.runTasks = tasks
        self.startGrammar = grammar
        if let stored = try store.bootstrapSettings() {
            let conflicts = stored.conflicts(with: settings, run: store.path)
            if !conflicts.isEmpty {
                throw BootstrapError(message: conflicts.joined(separator: "; ") + "; resume with the run's settings (an option left out keeps its value), or choose another --run")
            }
            let done = try store.finishedRounds().count
            if settings.rounds < done - 1 {
                throw BootstrapError(message: "\(store.path) has finished rounds 0 … \(done - 1); --rounds \(settings.rounds) would end it before them")
            }
            // More rounds extend the run; other jobs or a memory bound recorded for the first
            // time change nothing the run has done.
            var kept = settings
            kept.memoryMiB = stored.memoryMiB ?? settings.memoryMiB
            if kept != stored { try store.saveSettings(kept) }
        } else {
            try store.saveSettings(settings, grammar: grammar)
        }
        self.settings = settings
        let stored = try store.register(tasks.entries.map { ($0.file, $0.name, $0.split) })
        var byKey: [String: StoredTask] = [:]
        for task in stored { byKey[task.file + "\u{0}" + task.name] = task }
        let matched = tasks.entries.compactMap { byKey[$0.file + "\u{0}" + $0.name] }
        if stored.count != tasks.count || matched.count != tasks.count {
            throw BootstrapError(message: "\(store.path) holds a run over other tasks (\(stored.count) registered, \(tasks.count) given)")
        }
        self.stored = matched
        try store.setDomains(zip(matched, tasks.entries).compactMap { task, entry in
            task.domain == entry.domain ? nil : (task.id, entry.domain)
        })
        try upgradeStoredAnswers()
    }

    /// Gives the answers a version before structured forms stored (their text alone) their
    /// domain's structured form, in one transaction.
    private func upgradeStoredAnswers() throws(RunStoreError) {
        let legacy = try store.solutionsWithoutForm()
        guard !legacy.isEmpty else { return }
        var index: [Int64: Int] = [:]
        for (position, task) in stored.enumerated() { index[task.id] = position }
        var upgraded: [(row: Int64, answer: StoredProgram)] = []
        for (row, task, answer) in legacy {
            guard let position = index[task] else { throw store.damaged("table solutions, row \(row): task id \(task) is not a task of the run") }
            do throws(AnswerReadError) {
                upgraded.append((row, try runTasks.upgraded(answer, task: position)))
            } catch {
                throw store.damaged("table solutions, row \(row) (task id \(task)): \(error.message)")
            }
        }
        try store.setForms(upgraded)
    }

    /// Runs (or resumes) rounds 0 … `settings.rounds`, reporting through `report`.
    ///
    /// With a `runDeadline`, tasks still searching at the deadline stop and are not recorded,
    /// tasks not started are left, and the run stops before the next step (a sleep or a
    /// round): everything finished is in the store, and a later run resumes from there.
    /// The deadline is checked between steps, so a sleep under way runs to its end.
    /// `memoryLimit` bounds each task's search bank, in bytes (a task that reaches it is
    /// recorded unsolved with the reason).
    @discardableResult
    public func run(runDeadline: ContinuousClock.Instant? = nil, memoryLimit: Int = Defaults.memoryLimit,
                    report: @escaping @Sendable (BootstrapEvent) -> Void) throws -> BootstrapOutcome {
        let finished = try store.finishedRounds()
        func timeIsUp() -> Bool { runDeadline.map { ContinuousClock.now >= $0 } ?? false }
        if let last = finished.last, last.round < settings.rounds, try store.grammarText(round: last.round + 1) == nil {
            // A finished run extended to more rounds: its last round's sleep, which the last
            // round of a run skips, comes first.
            if timeIsUp() { return .runTimeLimit(round: last.round + 1) }
            report(.sleep(round: last.round))
            let start = Date()
            let (next, rankerData, learned, timings) = try learn(round: last.round, grammar: try grammar(for: last.round))
            var summary = last
            summary.seconds += Date().timeIntervalSince(start)
            try store.finish(summary, nextGrammar: next.fileText, nextRanker: rankerData, abstractions: learned, timings: timings)
        }
        for round in stride(from: finished.count, through: settings.rounds, by: 1) {
            if timeIsUp() { return .runTimeLimit(round: round) }
            let start = Date()
            let grammar = try grammar(for: round)
            let ranker = try ranker(for: round)
            try wake(round: round, grammar: grammar, ranker: ranker, start: start, runDeadline: runDeadline, memoryLimit: memoryLimit, report: report)
            if timeIsUp() { return .runTimeLimit(round: round) }
            let summary = try sleep(round: round, grammar: grammar, start: start, report: report)
            report(.finished(summary))
        }
        return .finished
    }

    /// The grammar of a round's wake: the starting grammar for round 0, else what the
    /// previous round's sleep stored.
    func grammar(for round: Int) throws(RunStoreError) -> Grammar {
        guard round > 0, let text = try store.grammarText(round: round) else { return startGrammar }
        do {
            return try Grammar(parsing: text)
        } catch {
            throw store.damaged("table grammars, round \(round): the grammar does not read: \(error)")
        }
    }

    /// The ranking model of a round's wake, if the previous round's sleep trained one.
    func ranker(for round: Int) throws(RunStoreError) -> Ranker? {
        guard let data = try store.rankerData(round: round) else { return nil }
        do {
            return try Ranker(fileData: data)
        } catch {
            throw store.damaged("table rankers, round \(round): the ranking model does not read: \(error)")
        }
    }

    private func wake(round: Int, grammar: Grammar, ranker: Ranker?, start: Date, runDeadline: ContinuousClock.Instant?, memoryLimit: Int,
                      report: @escaping @Sendable (BootstrapEvent) -> Void) throws {
        let (store, stored, runTasks) = (self.store, self.stored, self.runTasks)
        let done = try store.results(round: round)
        let remaining = stored.indices.filter { done[stored[$0].id] == nil }
        // After round 0, a domain that searches twice gives the second search the starting
        // grammar, so a task round 0 solved quickly is not lost to what the run learned.
        let guidance = Guidance(grammar: grammar, model: ranker, fallback: round > 0 ? startGrammar : nil)
        let budget = Budget(timeout: .milliseconds(Int(settings.timeout * 1000)), memoryLimit: memoryLimit,
                            frontierSize: settings.frontierSize, runDeadline: runDeadline)
        let configurations = try configurations(for: round)
        let total = stored.count
        let counter = Counter(done: done.count, solved: done.values.filter(\.solved).count)
        let failures = ParallelWork.run(count: remaining.count, jobs: settings.jobs) { index, board -> RunStoreError? in
            let task = remaining[index]
            let found = runTasks.search(task, guidance, budget, board, configurations: configurations)
            // A task the run's deadline cut short is searched again when the run resumes.
            if case .stopped(.runTimeLimit) = found.outcome { return nil }
            var frontier: [StoredProgram] = []
            if case .solved(let answer) = found.outcome { frontier = answer }
            let result = StoredResult(task: stored[task].id, solved: found.isSolved, seconds: found.seconds, candidates: found.candidates,
                                      reason: found.reason, frontier: frontier, timings: found.timings)
            do throws(RunStoreError) {
                try store.record(round: round, result)
            } catch {
                return error
            }
            let (doneCount, solvedCount) = counter.add(solved: result.solved)
            report(.wake(round: round, done: doneCount, total: total, solved: solvedCount, elapsed: Date().timeIntervalSince(start)))
            return nil
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }

    /// Each domain's search configuration for round `round`: the one stored for it or for an
    /// earlier round (restored as stored), else the defaults, recorded for the round before its
    /// first search.
    func configurations(for round: Int) throws(RunStoreError) -> [String: SearchConfiguration] {
        var configurations: [String: SearchConfiguration] = [:]
        for (domain, settings) in runTasks.searchSettings.sorted(by: { $0.key < $1.key }) {
            var configuration = SearchConfiguration()
            if let text = try store.configurationText(round: round, domain: domain) {
                do throws(SearchConfigurationError) {
                    configuration = try SearchConfiguration(stored: text, settings: settings)
                } catch {
                    throw store.damaged("table configurations, domain \(domain), round \(round) or before: \(error.message)")
                }
            }
            try store.saveConfiguration(configuration.stored, round: round, domain: domain)
            configurations[domain] = configuration
        }
        return configurations
    }

    private func sleep(round: Int, grammar: Grammar, start: Date, report: @escaping @Sendable (BootstrapEvent) -> Void) throws -> RoundSummary {
        let results = try store.results(round: round)
        let train = stored.filter { $0.split == .train }
        let test = stored.filter { $0.split == .test }
        let testCandidates = test.compactMap { results[$0.id] }.filter(\.solved).map { Double($0.candidates) }.sorted()
        // The row describes the library this round searched with: what the previous sleep added.
        let added = try store.abstractions(upTo: round).filter { $0.round == round }.count
        var summary = RoundSummary(
            round: round,
            trainSolved: train.filter { results[$0.id]?.solved == true }.count, trainTotal: train.count,
            testSolved: test.filter { results[$0.id]?.solved == true }.count, testTotal: test.count,
            newAbstractions: added, librarySize: grammar.abstractions.count, seconds: 0,
            medianCandidatesTest: testCandidates.isEmpty ? nil : Self.median(testCandidates))
        guard round < settings.rounds else {
            summary.seconds = Date().timeIntervalSince(start)
            try store.finish(summary, nextGrammar: nil, nextRanker: nil, abstractions: [])
            return summary
        }
        report(.sleep(round: round))
        let (next, rankerData, learned, timings) = try learn(round: round, grammar: grammar)
        summary.seconds = Date().timeIntervalSince(start)
        try store.finish(summary, nextGrammar: next.fileText, nextRanker: rankerData, abstractions: learned, timings: timings)
        return summary
    }

    /// A round's abstraction and dream sleep (see `Sleep`): the next round's grammar, ranking
    /// model and new abstractions, learned from the train tasks' latest answers.
    private func learn(round: Int, grammar: Grammar) throws -> (Grammar, Data?, [StoredAbstraction], Timings) {
        let frontiers = try store.latestFrontierRows(upTo: round)
        let train = stored.indices.filter { stored[$0].split == .train }
        var answers: [Int: [(program: StoredAnswer, place: String)]] = [:]
        for index in train { answers[index] = frontiers[stored[index].id] }
        do {
            let parts = try runTasks.sleepParts(train: train, answers: answers, grammar: grammar, round: round)
            let output = try Sleep.learn(parts, input: SleepInput(round: round, grammar: grammar, startGrammar: startGrammar, settings: settings))
            return (output.grammar, output.ranker, output.learned, output.timings)
        } catch SleepError.unreadableAnswer(let place, let message) {
            throw store.damaged("\(place): \(message)")
        }
    }

    static func median(_ sorted: [Double]) -> Double {
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}

/// Tasks done and solved in a wake, shared by its worker threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var done: Int
    private var solved: Int

    init(done: Int, solved: Int) {
        self.done = done
        self.solved = solved
    }

    func add(solved isSolved: Bool) -> (Int, Int) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if isSolved { solved += 1 }
        return (done, solved)
    }
}
