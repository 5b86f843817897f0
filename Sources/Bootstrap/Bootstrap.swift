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
    /// How proposals are checked (absent in runs from before the guard: they adopt every
    /// sleep's learning).
    public var guarding: GuardSettings?
    /// What the loop may not go past (absent in runs from before ceilings).
    public var ceilings: Ceilings?

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
    /// The guard searches `tasks` validation tasks with a proposal, `timeout` seconds each.
    case validating(round: Int, proposal: String, tasks: Int, timeout: Double)
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
/// In a guarded run the sleep only proposes: the guard (`decide`) searches the validation
/// tasks, held out of the train tasks and never learned from, with what it learned (as a
/// whole, then in parts), a pruned library and tuned search settings, and adopts what does at
/// least as well as the state the round searched with; the rest is journalled and the
/// incumbent stays. Only the grammar, its library, the model and the search configurations
/// change between rounds.
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
        self.startGrammar = grammar
        // A new guarded run holds out its validation tasks from the train tasks, unless some
        // were given; a run resumed keeps the splits it registered.
        var tasks = tasks
        if let guarding = settings.guarding, guarding.enabled, try store.tasks().isEmpty, !tasks.entries.contains(where: { $0.split == .validation }) {
            tasks = tasks.holdingOut(guarding.validationShare, seed: settings.seed)
        }
        self.runTasks = tasks
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
            // A run from before the guard cannot hold out tasks it has learned from: it stays
            // unguarded, and takes the ceilings given.
            kept.guarding = stored.guarding
            kept.ceilings = stored.ceilings ?? settings.ceilings
            if kept != stored { try store.saveSettings(kept) }
            self.settings = kept
        } else {
            try store.saveSettings(settings, grammar: grammar)
            self.settings = settings
        }
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
            let start = Date()
            var summary = last
            guard let next = try learnAndJudge(round: last.round, grammar: try grammar(for: last.round), start: start,
                                               runDeadline: runDeadline, memoryLimit: memoryLimit, report: report) else {
                return .runTimeLimit(round: last.round + 1)
            }
            summary.seconds += Date().timeIntervalSince(start)
            try finish(summary, next: next)
        }
        for round in stride(from: finished.count, through: settings.rounds, by: 1) {
            if timeIsUp() { return .runTimeLimit(round: round) }
            let start = Date()
            let grammar = try grammar(for: round)
            let rankerData = try store.rankerData(round: round)
            try wake(round: round, grammar: grammar, rankerData: rankerData, start: start, runDeadline: runDeadline, memoryLimit: memoryLimit,
                     report: report)
            if timeIsUp() { return .runTimeLimit(round: round) }
            guard let summary = try sleep(round: round, grammar: grammar, start: start, runDeadline: runDeadline, memoryLimit: memoryLimit,
                                          report: report) else {
                return .runTimeLimit(round: round)
            }
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

    /// The ranking model of round `round`'s wake from its stored form, if the previous
    /// round's sleep trained one.
    func ranker(from data: Data?, round: Int) throws(RunStoreError) -> Ranker? {
        guard let data else { return nil }
        do {
            return try Ranker(fileData: data)
        } catch {
            throw store.damaged("table rankers, round \(round): the ranking model does not read: \(error)")
        }
    }

    /// The second search a domain that searches twice gives a task: the starting grammar,
    /// unless the state is the starting grammar alone (round 0's, or a run that has adopted
    /// nothing), which would only search the same space again.
    func fallback(for grammar: Grammar, model: Data?) -> Grammar? {
        model == nil && grammar.fileText == startGrammar.fileText ? nil : startGrammar
    }

    /// When round `round`, begun at `start`, must end by the run's round ceiling (`nil`: no ceiling).
    private func roundDeadline(start: Date) -> ContinuousClock.Instant? {
        settings.ceilings?.roundSeconds.map { ContinuousClock.now + .milliseconds(Int(($0 - Date().timeIntervalSince(start)) * 1000)) }
    }

    private func wake(round: Int, grammar: Grammar, rankerData: Data?, start: Date, runDeadline: ContinuousClock.Instant?, memoryLimit: Int,
                      report: @escaping @Sendable (BootstrapEvent) -> Void) throws {
        let (store, stored, runTasks) = (self.store, self.stored, self.runTasks)
        let done = try store.results(round: round)
        let remaining = stored.indices.filter { done[stored[$0].id] == nil }
        // After round 0, a domain that searches twice gives the second search the starting
        // grammar, so a task round 0 solved quickly is not lost to what the run learned.
        let guidance = Guidance(grammar: grammar, model: try ranker(from: rankerData, round: round),
                                fallback: fallback(for: grammar, model: rankerData))
        // The round's ceiling stops searches as the run's deadline does, but the tasks it
        // stops are recorded unsolved: the round goes on to its sleep.
        let ceiling = roundDeadline(start: start)
        let budget = Budget(timeout: .milliseconds(Int(settings.timeout * 1000)), memoryLimit: memoryLimit,
                            frontierSize: settings.frontierSize, runDeadline: [runDeadline, ceiling].compactMap { $0 }.min())
        let configurations = try configurations(for: round)
        let total = stored.count
        let counter = Counter(done: done.count, solved: done.values.filter(\.solved).count)
        let failures = ParallelWork.run(count: remaining.count, jobs: settings.jobs) { index, board -> RunStoreError? in
            let task = remaining[index]
            let found = runTasks.search(task, guidance, budget, board, configurations: configurations)
            var reason = found.reason
            if case .stopped(.runTimeLimit) = found.outcome {
                // A task the run's deadline cut short is searched again when the run resumes.
                if runDeadline.map({ ContinuousClock.now >= $0 }) ?? false { return nil }
                reason = Self.roundCeilingReason
            }
            var frontier: [StoredProgram] = []
            if case .solved(let answer) = found.outcome { frontier = answer }
            let result = StoredResult(task: stored[task].id, solved: found.isSolved, seconds: found.seconds, candidates: found.candidates,
                                      reason: reason, frontier: frontier, timings: found.timings, bank: found.bank,
                                      foundByFallback: found.isSolved ? found.foundByFallback : nil)
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

    /// Each domain's search configuration for round `round`, and the sleep's (`SleepSettings`):
    /// the one stored for it or for an earlier round (restored as stored), else the defaults
    /// (for the sleep, the run's options), recorded for the round before its first search.
    func configurations(for round: Int) throws(RunStoreError) -> [String: SearchConfiguration] {
        var configurations: [String: SearchConfiguration] = [:]
        var declared = runTasks.searchSettings.sorted(by: { $0.key < $1.key })
        declared.append((SleepSettings.name, SleepSettings.all))
        for (domain, settings) in declared {
            var configuration = domain == SleepSettings.name ? SleepSettings.starting(from: self.settings) : SearchConfiguration()
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

    /// The share of the wake's and the sleep's time validation may take: a little under half,
    /// so that validation stays under a third of the round.
    static let validationShare = 0.45

    /// Why a task the round's ceiling stopped is unsolved.
    static let roundCeilingReason = "the round's time ceiling (--max-round-seconds) came first"

    /// Round `round`'s summary, then (unless it is the run's last) its sleep and the guard's
    /// decision, recorded together; `nil` when the run's deadline came during validation.
    private func sleep(round: Int, grammar: Grammar, start: Date, runDeadline: ContinuousClock.Instant?, memoryLimit: Int,
                       report: @escaping @Sendable (BootstrapEvent) -> Void) throws -> RoundSummary? {
        let results = try store.results(round: round)
        func solved(_ split: Split) -> (solved: [StoredResult], total: Int) {
            let tasks = stored.filter { $0.split == split }
            return (tasks.compactMap { results[$0.id] }.filter(\.solved), tasks.count)
        }
        let (train, validation, test) = (solved(.train), solved(.validation), solved(.test))
        // The row describes the library this round searched with: what the previous sleep added.
        let added = try store.abstractions(upTo: round).filter { $0.round == round }.count
        var summary = RoundSummary(
            round: round, trainSolved: train.solved.count, trainTotal: train.total, testSolved: test.solved.count, testTotal: test.total,
            newAbstractions: added, librarySize: grammar.abstractions.count, seconds: 0,
            medianCandidatesTest: Guard.median(test.solved.map { Double($0.candidates) }))
        if validation.total > 0 {
            summary.validationSolved = validation.solved.count
            summary.validationTotal = validation.total
        }
        summary.medianSecondsTest = Guard.median(test.solved.map(\.seconds))
        guard round < settings.rounds else {
            summary.seconds = Date().timeIntervalSince(start)
            try store.finish(summary, nextGrammar: nil, nextRanker: nil, abstractions: [])
            return summary
        }
        guard let next = try learnAndJudge(round: round, grammar: grammar, start: start, runDeadline: runDeadline, memoryLimit: memoryLimit,
                                           report: report) else { return nil }
        summary.seconds = Date().timeIntervalSince(start)
        try finish(summary, next: next)
        return summary
    }

    /// What a round's sleep learned and the guard decided: the next round's state, the
    /// journal and the sleep's timings.
    struct NextRound {
        var decision: Decision
        var incumbent: SearchState
        var timings: Timings
    }

    /// Round `round`'s sleep, then the guard's judgement of what it learned; `nil` when the
    /// run's deadline came during validation.
    private func learnAndJudge(round: Int, grammar: Grammar, start: Date, runDeadline: ContinuousClock.Instant?, memoryLimit: Int,
                               report: @escaping @Sendable (BootstrapEvent) -> Void) throws -> NextRound? {
        report(.sleep(round: round))
        let wakeWall = Date().timeIntervalSince(start)
        let sleepStart = ContinuousClock.now
        let configurations = try configurations(for: round)
        let (next, rankerData, learned, timings) = try learn(round: round, grammar: grammar,
                                                             configuration: configurations[SleepSettings.name] ?? SearchConfiguration())
        let sleepSeconds = Timings.seconds(since: sleepStart)
        let results = try store.results(round: round)
        let incumbent = SearchState(grammar: grammar, rankerData: try store.rankerData(round: round), configurations: configurations)
        let proposal = SearchState(grammar: next, rankerData: rankerData, configurations: incumbent.configurations, abstractions: learned)
        // Validation may take a third of the round: half of what the wake and the sleep took
        // (with a margin for the searches under way when the time is up). The wake's time is
        // its wall time, or, for a round resumed part way, its searches' time shared among
        // the jobs.
        let wakeSeconds = max(wakeWall, results.values.reduce(0) { $0 + $1.seconds } / Double(max(1, settings.jobs)))
        var deadline = ContinuousClock.now + .milliseconds(Int((wakeSeconds + sleepSeconds) * Self.validationShare * 1000))
        if let ceiling = roundDeadline(start: start) { deadline = min(deadline, ceiling) }
        let limits = ValidationLimits(deadline: deadline, runDeadline: runDeadline, memoryLimit: memoryLimit)
        let searchTimings = try store.timings(round: round).searches
        let validationStart = ContinuousClock.now
        do {
            let decision = try decide(round: round, incumbent: incumbent, learned: proposal, results: results, searchTimings: searchTimings,
                                      limits: limits, report: report)
            var timings = timings
            if settings.guarding?.enabled == true { timings.add(.validation, Timings.seconds(since: validationStart)) }
            return NextRound(decision: decision, incumbent: incumbent, timings: timings)
        } catch {
            return nil
        }
    }

    /// Records a finished round with the state its sleep chose for the next one.
    private func finish(_ summary: RoundSummary, next: NextRound) throws {
        let state = next.decision.state
        var changed: [String: String] = [:]
        for (domain, configuration) in state.configurations where configuration != next.incumbent.configurations[domain] {
            changed[domain] = configuration.stored
        }
        try store.finish(summary, nextGrammar: state.grammar.fileText, nextRanker: state.rankerData, abstractions: state.abstractions,
                         timings: next.timings, configurations: changed, journal: next.decision.journal)
    }

    /// A round's abstraction and dream sleep (see `Sleep`): the next round's grammar, ranking
    /// model and new abstractions, learned from the train tasks' latest answers.
    private func learn(round: Int, grammar: Grammar, configuration: SearchConfiguration) throws -> (Grammar, Data?, [StoredAbstraction], Timings) {
        let frontiers = try store.latestFrontierRows(upTo: round)
        let train = stored.indices.filter { stored[$0].split == .train }
        var answers: [Int: [(program: StoredAnswer, place: String)]] = [:]
        for index in train { answers[index] = frontiers[stored[index].id] }
        do {
            let parts = try runTasks.sleepParts(train: train, answers: answers, grammar: grammar, round: round)
            let output = try Sleep.learn(parts, input: SleepInput(round: round, grammar: grammar, startGrammar: startGrammar, settings: settings,
                                                                    configuration: configuration))
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
