import Grammar
import Language

/// Tasks of one domain with the domain, whose types the caller does not see: what commands
/// that take task files of any domain do with them.
public struct TaskSet: Sendable {
    /// The domain's name.
    public let domainName: String
    /// What the domain's task files are called in messages.
    public let fileKind: String
    public let searchMethod: SearchMethod
    /// Whether the tasks are searched in a grammar the user gives.
    public let needsGrammar: Bool
    /// Whether a lone task's text is a response in a standard form (SyGuS-IF's), which prints
    /// alone, without a batch's summary line.
    public let answersInStandardForm: Bool
    /// The tasks' names, in order.
    public let names: [String]
    /// What each task's file sets that the domain ignores.
    public let ignoredSettings: [[String]]
    /// What `ouro check` says of the tasks.
    public let summary: String
    private let solving: @Sendable (_ index: Int, Guidance, Budget, HelpBoard?, RecordStyle) -> SolveRecord
    private let dreaming: @Sendable (_ keeping: Set<String>?, Grammar, _ count: Int, _ seed: UInt64) -> [DreamExample]
    private let answering: @Sendable (_ records: [(task: String, record: JSONValue)], Grammar) throws(RecordError) -> any LearningPart
    private let starting: @Sendable () -> Grammar

    public init<D: Domain>(domain: D, tasks: [D.Task]) {
        domainName = domain.name
        fileKind = domain.fileKind
        searchMethod = domain.searchMethod
        needsGrammar = domain.needsGrammar
        answersInStandardForm = domain.answersInStandardForm
        names = tasks.map(domain.name(of:))
        ignoredSettings = tasks.map(domain.ignoredSettings(of:))
        summary = domain.summary(of: tasks)
        solving = { index, guidance, budget, board, style in
            domain.record(of: domain.solve(tasks[index], guidance: guidance, budget: budget, board: board), for: tasks[index], style: style)
        }
        dreaming = { keeping, grammar, count, seed in
            let chosen = keeping.map { names in tasks.filter { names.contains(domain.name(of: $0)) } } ?? tasks
            return domain.dreams(over: chosen, grammar: grammar, count: count, seed: seed)
        }
        answering = { records, grammar throws(RecordError) in
            var byName: [String: D.Task] = [:]
            for task in tasks { byName[domain.name(of: task)] = task }
            var answers: [(task: D.Task, answer: D.Answer)] = []
            for (index, (name, record)) in records.enumerated() {
                guard let task = byName[name] else { throw RecordError(record: index, message: "task \(JSONValue.quoted(name)) is in none of the task files") }
                do throws(AnswerReadError) {
                    if let answer = try domain.answer(fromRecord: record, for: task, in: grammar) { answers.append((task, answer)) }
                } catch {
                    throw RecordError(record: index, message: error.message)
                }
            }
            return DomainAnswers(domain: domain, tasks: tasks, answers: answers)
        }
        starting = { domain.startingGrammar(for: tasks) }
    }

    /// The grammar a run over the tasks starts from when the user names none.
    public func startingGrammar() -> Grammar { starting() }

    /// The tasks with the answers in `records` (what `ouro solve --json` printed, each with the
    /// name of its task), read in `grammar`, for learning.
    public func answers(from records: [(task: String, record: JSONValue)], in grammar: Grammar) throws(RecordError) -> any LearningPart {
        try answering(records, grammar)
    }

    /// Searches task `index` and says what `ouro solve` prints for it.
    public func solve(_ index: Int, guidance: Guidance, budget: Budget, board: HelpBoard?, style: RecordStyle) -> SolveRecord {
        solving(index, guidance, budget, board, style)
    }

    /// Up to `count` dreams of `grammar` over the tasks (those named in `keeping`, when given).
    public func dreams(of grammar: Grammar, count: Int, seed: UInt64, keeping: Set<String>? = nil) -> [DreamExample] {
        dreaming(keeping, grammar, count, seed)
    }

    /// Reads task files, each by the first of `domains` that reads it, into one set per domain
    /// (in the order first met). `read` gives a file's text; a file no domain reads, or whose
    /// tasks do not read, throws the domain's error with the file.
    public static func read(_ files: [String], domains: [any Domain], text read: (String) throws -> String) throws -> [TaskSet] {
        var groups: [(domain: any Domain, texts: [(file: String, text: String)])] = []
        for file in files {
            let text = try read(file)
            let reader = try reader(of: file, text: text, among: domains)
            if let index = groups.firstIndex(where: { $0.domain.name == reader.name }) {
                groups[index].texts.append((file, text))
            } else {
                groups.append((reader, [(file, text)]))
            }
        }
        var sets: [TaskSet] = []
        for group in groups {
            let domain = group.domain
            sets.append(try set(of: domain, group.texts))
        }
        return sets
    }

    /// The tasks of one file, `text`, read by the first of `domains` that reads it within
    /// `limits`.
    public static func read(_ text: String, file: String, domains: [any Domain], limits: ReadingLimits) throws(TaskSetError) -> TaskSet {
        let reader = try reader(of: file, text: text, among: domains)
        return try set(of: reader, [(file, text)], limits: limits)
    }

    /// The domain that reads `file` (see `domain(reading:text:among:)`).
    private static func reader(of file: String, text: String, among domains: [any Domain]) throws(TaskSetError) -> any Domain {
        do throws(TaskReadError) {
            return try domain(reading: file, text: text, among: domains)
        } catch {
            throw TaskSetError(file: file, error: error)
        }
    }

    private static func set<D: Domain>(of domain: D, _ texts: [(file: String, text: String)], limits: ReadingLimits = .none) throws(TaskSetError) -> TaskSet {
        var tasks: [D.Task] = []
        for (file, text) in texts {
            do {
                tasks += try domain.tasks(in: text, file: file, limits: limits)
            } catch {
                throw TaskSetError(file: file, error: error)
            }
        }
        return TaskSet(domain: domain, tasks: tasks)
    }
}

/// A task file that does not read, with its name.
public struct TaskSetError: Error, Sendable {
    public var file: String
    public var error: TaskReadError
}

/// A record that does not read: its index among the records, and why.
public struct RecordError: Error, Sendable {
    public var record: Int
    public var message: String
}
