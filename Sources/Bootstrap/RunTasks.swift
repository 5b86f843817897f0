import Domain
import Foundation
import Grammar
import Language

/// The tasks of a run with their domains, whose types the loop does not see: it searches a
/// task by its index and hands a round's answers to each domain's part of the sleep. A run
/// may hold tasks of several domains (`init(combining:)`).
public struct RunTasks: Sendable {
    /// One task's file, name and split.
    public struct Entry: Sendable {
        public var file: String
        public var name: String
        public var split: Split
        /// The task's domain, by name.
        public var domain: String
        /// Which part of the run holds it, and its index there.
        var part: Int
        var index: Int
    }

    public let entries: [Entry]
    let parts: [Part]

    /// `tasks` of `domain`, each with the file it was read from and its split.
    public init<D: Domain>(domain: D, tasks: [(file: String, task: D.Task, split: Split)]) {
        entries = tasks.enumerated().map { index, item in
            Entry(file: item.file, name: domain.name(of: item.task), split: item.split, domain: domain.name, part: 0, index: index)
        }
        parts = [Part(domain: domain, tasks: tasks.map(\.task))]
    }

    init(entries: [Entry], parts: [Part]) {
        self.entries = entries
        self.parts = parts
    }

    /// The tasks of several runs' task lists in one run, in the order given.
    public init(combining lists: [RunTasks]) {
        var entries: [Entry] = []
        var parts: [Part] = []
        for list in lists {
            for var entry in list.entries {
                entry.part += parts.count
                entries.append(entry)
            }
            parts += list.parts
        }
        self.init(entries: entries, parts: parts)
    }

    /// The number of tasks.
    public var count: Int { entries.count }

    /// The names of the domains the tasks are of, each once, in order.
    public var domains: [String] { parts.map(\.domainName) }

    /// Searches task `index` with its domain's configuration among `configurations` (by
    /// domain name; the defaults when absent); a solved task's answer comes back as the run
    /// store keeps it.
    func search(_ index: Int, _ guidance: Guidance, _ budget: Budget, _ board: HelpBoard?,
                configurations: [String: SearchConfiguration]) -> SearchReport<[StoredAnswer]> {
        let part = parts[entries[index].part]
        var guidance = guidance
        guidance.configuration = configurations[part.domainName] ?? SearchConfiguration()
        return part.search(entries[index].index, guidance, budget, board)
    }

    /// The search settings each domain of the run declares, by domain name.
    var searchSettings: [String: [SearchSetting]] {
        Dictionary(parts.map { ($0.domainName, $0.settings) }, uniquingKeysWith: { first, _ in first })
    }

    /// The changes to `domain`'s configuration what its searches measured suggests (see
    /// `Domain.suggestedSettings`).
    func suggestedSettings(for domain: String, after searches: [SearchMeasurement], in configuration: SearchConfiguration) -> [SettingSuggestion] {
        parts.first { $0.domainName == domain }?.suggest(searches, configuration) ?? []
    }

    /// An answer to task `index` stored before structured forms, in its domain's structured form.
    func upgraded(_ answer: StoredAnswer, task index: Int) throws(AnswerReadError) -> StoredAnswer {
        try parts[entries[index].part].upgrade(answer, entries[index].index)
    }

    /// Each part's train tasks and answers for the sleep, read back from the store's entries
    /// (`answers`, by task index); an answer that does not read throws `SleepError`.
    func sleepParts(train: [Int], answers: [Int: [(program: StoredAnswer, place: String)]], grammar: Grammar,
                    round: Int) throws -> [any LearningPart] {
        try parts.indices.map { part in
            let mine = train.filter { entries[$0].part == part }
            return try parts[part].sleepPart(mine.map { entries[$0].index }, mine.map { answers[$0] }, grammar, round)
        }
    }
}

extension RunTasks {
    /// The tasks of one domain, with what the loop does with them behind closures.
    struct Part: Sendable {
        let domainName: String
        let settings: [SearchSetting]
        let suggest: @Sendable ([SearchMeasurement], SearchConfiguration) -> [SettingSuggestion]
        let search: @Sendable (_ index: Int, Guidance, Budget, HelpBoard?) -> SearchReport<[StoredAnswer]>
        let sleepPart: @Sendable (_ train: [Int], _ answers: [[(program: StoredAnswer, place: String)]?], Grammar, _ round: Int) throws -> any LearningPart
        let upgrade: @Sendable (StoredAnswer, _ index: Int) throws(AnswerReadError) -> StoredAnswer

        init<D: Domain>(domain: D, tasks: [D.Task]) {
            domainName = domain.name
            settings = domain.searchSettings
            suggest = { searches, configuration in domain.suggestedSettings(after: searches, in: configuration) }
            search = { index, guidance, budget, board in
                let task = tasks[index]
                let report = domain.solve(task, guidance: guidance, budget: budget, board: board)
                let outcome: Outcome<[StoredAnswer]>
                switch report.outcome {
                case .solved(let answer): outcome = .solved(domain.stored(answer, for: task))
                case .infeasible(let reason): outcome = .infeasible(reason)
                case .stopped(let reason): outcome = .stopped(reason)
                }
                return SearchReport(outcome: outcome, seconds: report.seconds, candidates: report.candidates, timings: report.timings,
                                    bank: report.bank, foundByFallback: report.foundByFallback)
            }
            sleepPart = { train, stored, grammar, round in
                var answers: [(task: D.Task, answer: D.Answer)] = []
                for (index, entries) in zip(train, stored) {
                    guard let entries else { continue }
                    do throws(AnswerReadError) {
                        answers.append((tasks[index], try domain.answer(from: entries.map(\.program), for: tasks[index], in: grammar, round: round)))
                    } catch {
                        throw SleepError.unreadableAnswer(place: entries[error.entry ?? 0].place, message: error.message)
                    }
                }
                return DomainAnswers(domain: domain, tasks: train.map { tasks[$0] }, answers: answers)
            }
            upgrade = { answer, index throws(AnswerReadError) in try domain.upgraded(answer, for: tasks[index]) }
        }
    }
}

enum SleepError: Error {
    /// A stored answer that does not read back.
    case unreadableAnswer(place: String, message: String)
}
