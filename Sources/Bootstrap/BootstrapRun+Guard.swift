import Domain
import Foundation
import Grammar

extension BootstrapRun {
    /// What a sleep decided: the state the next round searches with, and the journal of how.
    struct Decision {
        var state: SearchState
        var journal: [JournalEntry]
    }

    /// The limits of a sleep's validation searches.
    struct ValidationLimits: Sendable {
        /// When validation ends: the third of the round it may take, or the round's ceiling.
        var deadline: ContinuousClock.Instant
        var runDeadline: ContinuousClock.Instant?
        var memoryLimit: Int
    }

    /// The run's deadline came during validation: the round's sleep is done again when the
    /// run resumes.
    struct ValidationCut: Error {}

    /// The guard (see `BootstrapRun`): judges what round `round`'s sleep learned as a whole,
    /// then in parts (when the whole is refused, or passes only within the tolerance: then a
    /// part better than the whole replaces it), then the search configurations, then the
    /// library without its unused new abstractions, on the validation tasks against `incumbent` (the state the round
    /// searched with, its trials taken from the wake's `results`), and returns the state the
    /// next round searches with.
    func decide(round: Int, incumbent: SearchState, learned: SearchState, results: [Int64: StoredResult], searchTimings: [Int64: Timings],
                limits: ValidationLimits, report: @escaping @Sendable (BootstrapEvent) -> Void) throws(ValidationCut) -> Decision {
        let guarding = settings.guarding ?? .off
        var journal: [JournalEntry] = []
        /// The proposals within the ceilings; the others are journalled.
        func withinCeilings(_ proposals: [Proposal]) -> [Proposal] {
            proposals.filter { proposal in
                guard let breach = ceilingBreach(proposal.state) else { return true }
                journal.append(JournalEntry(round: round, name: proposal.name, change: proposal.change, decision: .overCeiling, reason: breach))
                return false
            }
        }
        let whole = wholeProposal(learned)
        let validation = stored.indices.filter { stored[$0].split == .validation }
        guard guarding.enabled, !validation.isEmpty else {
            guard let whole = withinCeilings([whole]).first else { return Decision(state: incumbent, journal: journal) }
            let why = guarding.enabled ? "adopted unjudged: the run has no validation tasks" : "adopted unjudged (--no-guard)"
            journal.append(JournalEntry(round: round, name: whole.name, change: whole.change, decision: .adopted, reason: why))
            return Decision(state: whole.state, journal: journal)
        }
        var trials: [Int: Trial] = [:]
        for task in validation {
            if let result = results[stored[task].id] {
                trials[task] = Trial(solved: result.solved, candidates: result.candidates, seconds: result.seconds,
                                     answers: result.frontier.map(\.program))
            }
        }
        let searcher = ValidationSearch(run: self, round: round, limits: limits, report: report)
        var chosen = (state: incumbent, trials: trials)
        // What the sleep learned as a whole first; its parts when the whole is refused, or when
        // it passed only within the tolerance (no more solved, a higher median): then a part
        // that does better than the whole, and passes against the incumbent, replaces it.
        var winner = try tournament(withinCeilings([whole]), tasks: validation, base: trials, round: round, searcher: searcher, journal: &journal)
        let parts = partProposals(incumbent: incumbent, learned: learned)
        if winner == nil {
            winner = try tournament(withinCeilings(parts), tasks: validation, base: trials, round: round, searcher: searcher, journal: &journal)
        } else if let adopted = winner, !parts.isEmpty, judge(adopted.trials, against: trials, tasks: validation).withinToleranceOnly,
                  let entry = journal.lastIndex(where: { $0.name == adopted.name && $0.decision == .adopted }),
                  let better = try tournament(withinCeilings(parts), tasks: validation, base: adopted.trials, baseName: adopted.name,
                                              requirement: .better, round: round, searcher: searcher, journal: &journal, alsoAgainst: trials) {
            journal[entry].decision = .rejected
            journal[entry].reason += "; it passed only within the tolerance, and \(better.name) did better"
            winner = better
        }
        if let winner { chosen = (winner.state, winner.trials) }
        if guarding.tuning {
            // What the round's train and validation searches measured (the test tasks' never
            // inform a change).
            var measured: [Int: SearchMeasurement] = [:]
            for (task, entry) in stored.enumerated() where entry.split != .test {
                if let result = results[entry.id] {
                    measured[task] = SearchMeasurement(solved: result.solved, seconds: result.seconds, candidates: result.candidates,
                                                       timings: searchTimings[entry.id] ?? Timings(),
                                                       foundByFallback: result.foundByFallback ?? false)
                }
            }
            try tune(&chosen, tasks: validation, measured: measured, round: round, searcher: searcher, journal: &journal)
        }
        if let pruned = pruned(chosen.state, trials: chosen.trials, tasks: validation),
           let better = try tournament([pruned], tasks: validation, base: chosen.trials, baseName: "with them", requirement: .clearlyBetter,
                                       round: round, searcher: searcher, journal: &journal, alsoAgainst: trials) {
            chosen = (better.state, better.trials)
        }
        return Decision(state: chosen.state, journal: journal)
    }

    /// Tuning: for each domain's settings in turn, the change its domain suggests from what the
    /// round's train and validation searches measured (`measured`), or else the neighbouring
    /// values of the setting's grid, judged on the domain's validation tasks against `chosen`,
    /// which takes the one adopted.
    private func tune(_ chosen: inout (state: SearchState, trials: [Int: Trial]), tasks validation: [Int], measured: [Int: SearchMeasurement],
                      round: Int, searcher: ValidationSearch, journal: inout [JournalEntry]) throws(ValidationCut) {
        for (domain, settings) in runTasks.searchSettings.sorted(by: { $0.key < $1.key }) {
            let tasks = validation.filter { runTasks.entries[$0].domain == domain }
            guard !tasks.isEmpty else { continue }
            let searches = measured.filter { runTasks.entries[$0.key].domain == domain }.sorted { $0.key < $1.key }.map(\.value)
            for setting in settings where !setting.grid.isEmpty {
                let current = chosen.state.configurations[domain] ?? SearchConfiguration()
                let value = current.value(of: setting)
                let suggested = runTasks.suggestedSettings(for: domain, after: searches, in: current).filter { $0.setting == setting }
                let candidates = suggested.isEmpty ? setting.neighbours(of: value).map { ($0, "") } : suggested.map { ($0.value, ": " + $0.why) }
                let state = chosen.state
                let tuned: [Proposal] = candidates.compactMap { candidate, why in
                    var configuration = current
                    guard (try? configuration.set(setting, to: candidate)) != nil else { return nil }
                    var tunedState = state
                    tunedState.configurations[domain] = configuration
                    return Proposal(name: "\(setting.name) \(Self.number(candidate)) (\(domain))",
                                    change: "\(setting.name) of the \(domain) search from \(Self.number(value)) to \(Self.number(candidate))" + why,
                                    state: tunedState)
                }
                if let winner = try tournament(tuned, tasks: tasks, base: chosen.trials, baseName: "\(setting.name) \(Self.number(value))",
                                               requirement: .better, round: round, searcher: searcher, journal: &journal) {
                    chosen.state = winner.state
                    chosen.trials.merge(winner.trials) { _, new in new }
                }
            }
        }
    }

    /// What the sleep learned as a whole: the new library, refitted weights and retrained model.
    private func wholeProposal(_ learned: SearchState) -> Proposal {
        Proposal(name: "learned", change: Self.libraryChange(learned) + ", weights refitted" + (learned.rankerData == nil ? "" : ", model retrained"),
                 state: learned)
    }

    /// What the sleep learned, in parts: the learned library with no model, with the previous
    /// model, and the previous library with the learned model.
    private func partProposals(incumbent: SearchState, learned: SearchState) -> [Proposal] {
        let library = Self.libraryChange(learned)
        var proposals: [Proposal] = []
        if learned.rankerData != nil {
            var state = learned
            state.rankerData = nil
            proposals.append(Proposal(name: "learned library, no model", change: library + ", weights refitted, no ranking model", state: state))
        }
        if incumbent.rankerData != nil && incumbent.rankerData != learned.rankerData {
            var state = learned
            state.rankerData = incumbent.rankerData
            proposals.append(Proposal(name: "learned library, previous model", change: library + ", weights refitted, the model kept", state: state))
        }
        if learned.rankerData != nil && (!learned.abstractions.isEmpty || incumbent.rankerData == nil) {
            var state = incumbent
            state.rankerData = learned.rankerData
            proposals.append(Proposal(name: "previous library, learned model", change: "library and weights kept, model retrained", state: state))
        }
        return proposals
    }

    /// The library `learned` adds, in words.
    private static func libraryChange(_ learned: SearchState) -> String {
        let added = learned.abstractions.count
        return added == 0 ? "no new abstraction" : "\(added) new abstraction\(added == 1 ? "" : "s") (library \(learned.grammar.abstractions.count))"
    }

    /// Why `state` is outside the run's ceilings, or `nil` when it is within them.
    func ceilingBreach(_ state: SearchState) -> String? {
        guard let ceilings = settings.ceilings else { return nil }
        if state.grammar.abstractions.count > ceilings.librarySize {
            return "its library holds \(state.grammar.abstractions.count) abstractions, more than --max-library \(ceilings.librarySize)"
        }
        if let data = state.rankerData, data.count > ceilings.modelBytes {
            return "its ranking model takes \(data.count >> 10) KiB, more than --max-model \(ceilings.modelBytes >> 10)"
        }
        return nil
    }

    /// `state` without the abstractions it adds that no validation answer used, or `nil` when
    /// there are none, or when no answer names any abstraction (a domain whose answers are
    /// stored with abstractions written out, as SyGuS's are, gives no evidence of use).
    private func pruned(_ state: SearchState, trials: [Int: Trial], tasks: [Int]) -> Proposal? {
        let names = Set(state.grammar.abstractions.map(\.name))
        var used = Set<String>()
        for task in tasks {
            for answer in trials[task]?.answers ?? [] {
                used.formUnion(answer.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init).filter(names.contains))
            }
        }
        let unused = state.abstractions.map(\.name).filter { !used.contains($0) }
        guard !used.isEmpty, !unused.isEmpty else { return nil }
        var smaller = state
        smaller.grammar = state.grammar.removingAbstractions(named: Set(unused))
        let removed = Set(state.grammar.abstractions.map(\.name)).subtracting(smaller.grammar.abstractions.map(\.name))
        guard !removed.isEmpty else { return nil }
        smaller.abstractions.removeAll { removed.contains($0.name) }
        return Proposal(name: "learned library without unused abstractions",
                        change: "without \(removed.sorted().joined(separator: ", ")), which no validation answer used", state: smaller)
    }

    /// Successive halving in two rungs: with several proposals, each is first searched on
    /// `tasks` with a quarter of the timeout, and only the best (most solved, then the lowest
    /// median candidates on the tasks all of them solved) goes on to the second rung; there it
    /// is searched with the full timeout — a task the short search solved is not searched
    /// again — and judged against `base` (and `alsoAgainst`), and adopted if it passes. Every
    /// proposal is journalled with its decision.
    private func tournament(_ proposals: [Proposal], tasks: [Int], base: [Int: Trial], baseName: String? = nil,
                            requirement: Guard.Requirement = .noWorse, round: Int,
                            searcher: ValidationSearch, journal: inout [JournalEntry],
                            alsoAgainst other: [Int: Trial]? = nil) throws(ValidationCut) -> (name: String, state: SearchState, trials: [Int: Trial])? {
        var short: [[Int: Trial]?] = Array(repeating: [:], count: proposals.count)
        let quarter = settings.timeout / 4
        if proposals.count > 1 {
            for (index, proposal) in proposals.enumerated() {
                short[index] = try searcher.trials(of: proposal, tasks: tasks, timeout: quarter)
            }
        }
        let reached = proposals.indices.filter { short[$0] != nil }
        let common = tasks.filter { task in reached.allSatisfy { short[$0]?[task]?.solved == true } }
        func score(_ index: Int) -> (Int, Double) {
            let trials = short[index] ?? [:]
            let solved = tasks.filter { trials[$0]?.solved == true }.count
            return (-solved, Guard.median(common.map { Double(trials[$0]?.candidates ?? 0) }) ?? 0)
        }
        let order = reached.sorted { (score($0).0, score($0).1, $0) < (score($1).0, score($1).1, $1) }
        var winner: (index: Int, trials: [Int: Trial])?
        var entries: [Int: JournalEntry] = [:]
        if let index = order.first {
            let proposal = proposals[index]
            var entry = JournalEntry(round: round, name: proposal.name, change: proposal.change, decision: .notEvaluated,
                                     reason: "the validation time ran out before it was searched to the full timeout")
            if let full = try searcher.trials(of: proposal, tasks: tasks, timeout: settings.timeout, keeping: short[index] ?? [:]) {
                var judgement = judge(full, against: base, tasks: tasks, requirement: requirement, other: baseName ?? "the incumbent")
                if judgement.passes, let other {
                    let second = judge(full, against: other, tasks: tasks)
                    if !second.passes { judgement = second }
                }
                entry.decision = judgement.passes ? .adopted : .rejected
                entry.reason = "it " + judgement.reason
                entry.incumbent = judgement.incumbent
                entry.proposal = judgement.proposal
                entry.lost = judgement.lost.map { stored[$0].name }
                entry.gained = judgement.gained.map { stored[$0].name }
                if judgement.passes { winner = (index, full) }
            }
            entries[index] = entry
        }
        for index in proposals.indices where entries[index] == nil {
            let proposal = proposals[index]
            if short[index] == nil {
                entries[index] = JournalEntry(round: round, name: proposal.name, change: proposal.change, decision: .notEvaluated,
                                              reason: "the validation time ran out before it was searched")
            } else {
                let solved = -score(index).0
                entries[index] = JournalEntry(round: round, name: proposal.name, change: proposal.change, decision: .rejected,
                                              reason: "with a quarter of the timeout it solved \(solved) of \(tasks.count) validation tasks and ranked below "
                                                  + proposals[order[0]].name)
            }
        }
        journal += proposals.indices.compactMap { entries[$0] }
        return winner.map { (proposals[$0.index].name, proposals[$0.index].state, $0.trials) }
    }

    /// `Guard.judge` with the run's tolerances and half the timeout as the quick-loss bound.
    private func judge(_ proposal: [Int: Trial], against incumbent: [Int: Trial], tasks: [Int], requirement: Guard.Requirement = .noWorse,
                       other: String = "the incumbent") -> Judgement {
        Guard.judge(proposal, against: incumbent, tasks: tasks, tolerance: settings.guarding?.tolerance ?? 0.1,
                    slack: Double(settings.guarding?.toleranceCandidates ?? 0), quick: settings.timeout / 2, requirement: requirement, other: other)
    }

    /// A number as a setting's value is written: 3, 0.35.
    static func number(_ value: Double) -> String { String(format: "%g", value) }
}

/// The searches of a sleep's validation: the validation tasks searched with a proposed state,
/// in parallel as the wake searches, within the validation's deadline.
struct ValidationSearch: Sendable {
    let run: BootstrapRun
    let round: Int
    let limits: BootstrapRun.ValidationLimits
    let report: @Sendable (BootstrapEvent) -> Void

    /// The trials of `proposal` on `tasks` within `timeout` seconds each, the solved ones of
    /// `keeping` kept as they are; `nil` when the validation's deadline came first. Throws
    /// when the run's deadline came.
    func trials(of proposal: Proposal, tasks: [Int], timeout: Double, keeping kept: [Int: Trial] = [:]) throws(BootstrapRun.ValidationCut) -> [Int: Trial]? {
        if ContinuousClock.now >= limits.deadline { return nil }
        var trials = kept.filter { $0.value.solved }
        let remaining = tasks.filter { trials[$0] == nil }
        guard !remaining.isEmpty else { return trials }
        report(.validating(round: round, proposal: proposal.name, tasks: remaining.count, timeout: timeout))
        let state = proposal.state
        let guidance = Guidance(grammar: state.grammar, model: state.ranker, fallback: run.fallback(for: state.grammar, model: state.rankerData))
        let deadline = limits.runDeadline.map { min($0, limits.deadline) } ?? limits.deadline
        let budget = Budget(timeout: .milliseconds(Int(timeout * 1000)), memoryLimit: limits.memoryLimit, frontierSize: run.settings.frontierSize,
                            runDeadline: deadline)
        let (runTasks, jobs) = (run.runTasks, run.settings.jobs)
        let reports = ParallelWork.run(count: remaining.count, jobs: jobs) { index, board in
            runTasks.search(remaining[index], guidance, budget, board, configurations: state.configurations)
        }
        for (task, found) in zip(remaining, reports) {
            if case .stopped(.runTimeLimit) = found.outcome {
                if let runDeadline = limits.runDeadline, ContinuousClock.now >= runDeadline { throw BootstrapRun.ValidationCut() }
                return nil
            }
            var answers: [String] = []
            if case .solved(let frontier) = found.outcome { answers = frontier.map(\.program) }
            trials[task] = Trial(solved: found.isSolved, candidates: found.candidates, seconds: found.seconds, answers: answers)
        }
        return trials
    }
}
