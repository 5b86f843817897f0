import Grammar
import Language
import Ranking

/// A kind of task Ouroboros solves and learns from: the seam between the loop (wake,
/// abstraction sleep, dream sleep; the run store) and what the tasks are. A domain reads its
/// task files, searches a task under guidance and within a budget, and for learning hands
/// over its answers as λ-programs of the run's grammar (the one representation compression
/// and ranking work on), their derivations as choice points, and its dreams. The loop never
/// sees which domain it runs.
///
/// The domains Ouroboros ships are listed in `Domains.all` (module `Domains`).
public protocol Domain: Sendable {
    /// A task of the domain, as read from its file.
    associatedtype Task: Sendable
    /// What solving a task finds.
    associatedtype Answer: Sendable

    /// The domain's name in messages and run stores (`lambda`, `sygus`).
    var name: String { get }

    /// The file-name extensions of the domain's task files (`json`): a file with one of them,
    /// or found in a folder with one, is the domain's.
    var fileExtensions: [String] { get }

    /// Whether the domain reads `file`, whose extension no domain claims (standard input, say,
    /// which has no name to go by); `text` is its content.
    func reads(file: String, text: String) -> Bool

    /// The tasks in the text of a task file, read within `limits`.
    func tasks(in text: String, file: String, limits: ReadingLimits) throws(TaskReadError) -> [Task]

    /// A task's name, unique within its file.
    func name(of task: Task) -> String

    /// The grammar a run over `tasks` starts from when the user names none.
    func startingGrammar(for tasks: [Task]) -> Grammar

    /// Searches for an answer to `task` with `guidance` within `budget`.
    func solve(_ task: Task, guidance: Guidance, budget: Budget, board: HelpBoard?) -> SearchReport<Answer>

    /// The settings of its search that the loop may change between rounds, each with its
    /// range and default (none by default); `solve` reads their values from
    /// `guidance.configuration`.
    var searchSettings: [SearchSetting] { get }

    /// The changes to `configuration` that what a round's searches measured suggests (none by
    /// default): each a setting, its new value and why, in words. The loop judges each on the
    /// validation tasks before adopting it.
    func suggestedSettings(after searches: [SearchMeasurement], in configuration: SearchConfiguration) -> [SettingSuggestion]

    // MARK: Learning

    /// How the domain's library grows from round to round.
    var libraryGrowth: LibraryGrowth { get }

    /// Whether the weights refitted to the domain's solutions are kept per slot (parent
    /// production and argument) as well as overall.
    var fitsContextualWeights: Bool { get }

    /// `grammar` with whatever the answers need for their programs to be programs of it (the
    /// literal constants an answer took from its specification, say).
    func grammar(_ grammar: Grammar, admitting answers: [(task: Task, answer: Answer)]) -> Grammar

    /// The solutions the sleep learns from in `answer`: each a λ-program of `grammar` (or
    /// none, when the answer has no such form; it is then learned from by its derivation
    /// alone), with its weight among the task's solutions.
    func solutions(of answer: Answer, for task: Task, in grammar: Grammar) -> [Solution]

    /// The choices that derive a solution (as `rewritten`, a program of `library`, when
    /// compression rewrote it) in the task's own grammar extended with `library`; `nil` when
    /// they cannot be found.
    func derivation(of solution: Solution, rewritten: Program?, answer: Answer, for task: Task, in library: Grammar) -> [ChoicePoint]?

    /// The weighted choice points the weights are refitted to, from those of the solutions
    /// to `tasks` (a domain may let related choices share their statistics).
    func shared(_ points: [(ChoicePoint, Double)], among tasks: [Task]) -> [(ChoicePoint, Double)]

    /// The choice points the ranking model is trained on for one derivation.
    func rankingChoices(_ points: [ChoicePoint]) -> [ChoicePoint]

    /// Up to `count` dreams drawn from `grammar` over the domain's `tasks`, deterministic for
    /// a seed.
    func dreams(over tasks: [Task], grammar: Grammar, count: Int, seed: UInt64) -> [DreamExample]

    /// The ranking model's description of a task: the features all domains share
    /// (`TaskFeatures`) and the domain's own, named with the domain's prefix (`sygus.…`).
    func features(of task: Task) -> Features

    // MARK: Storing answers

    /// The answer as the run store keeps it: one entry per program, best first.
    func stored(_ answer: Answer, for task: Task) -> [StoredAnswer]

    /// An answer read back from what `stored(_:for:)` kept; `grammar` is the grammar of the
    /// round that found it.
    func answer(from stored: [StoredAnswer], for task: Task, in grammar: Grammar, round: Int) throws(AnswerReadError) -> Answer

    /// An entry stored before structured forms (its `program` alone) in the structured form.
    func upgraded(_ stored: StoredAnswer, for task: Task) throws(AnswerReadError) -> StoredAnswer

    // MARK: Reporting

    /// What the domain's task files are called in messages (`JSON task files`).
    var fileKind: String { get }

    /// The search the domain runs.
    var searchMethod: SearchMethod { get }

    /// Whether tasks are searched in a grammar the user gives (rather than their own).
    var needsGrammar: Bool { get }

    /// Whether a lone task's text is a response in a standard form (SyGuS-IF's), which prints
    /// alone, without a batch's summary line.
    var answersInStandardForm: Bool { get }

    /// What a task's file sets that the domain ignores, for verbose output.
    func ignoredSettings(of task: Task) -> [String]

    /// What `ouro check` says of a file's tasks.
    func summary(of tasks: [Task]) -> String

    /// What `ouro solve` prints for a search's report on `task`.
    func record(of report: SearchReport<Answer>, for task: Task, style: RecordStyle) -> SolveRecord

    /// The answer in a JSON object `ouro solve --json` printed for `task` (`nil` when it holds
    /// none); programs `grammar` cannot derive are left out.
    func answer(fromRecord record: JSONValue, for task: Task, in grammar: Grammar) throws(AnswerReadError) -> Answer?
}

/// How a domain's library grows from round to round.
public enum LibraryGrowth: Sendable, Equatable {
    /// Each sleep compresses the latest solutions on top of the round's grammar and adds what
    /// it learns: the library only grows.
    case incremental
    /// Each sleep compresses every solution found so far afresh, from the starting grammar,
    /// with room for `abstractions per round × rounds so far` abstractions; an abstraction
    /// equal to one the library had keeps its name.
    case recompressed
}

/// One solution the sleep learns from.
public struct Solution: Sendable {
    /// The solution as a λ-program of the grammar it was handed over in, or `nil`.
    public var program: Program?
    /// The program's type.
    public var request: TypeExpr
    /// Its weight among its task's solutions (they sum to 1 for a task).
    public var weight: Double

    public init(program: Program?, request: TypeExpr, weight: Double) {
        self.program = program
        self.request = request
        self.weight = weight
    }
}

/// A dream: a task made up from a program drawn from the grammar, for the ranking model and
/// to show what the grammar can do.
public struct DreamExample: Sendable {
    public var name: String
    /// The dream's features, as `Domain.features(of:)` gives a task's.
    public var features: Features
    /// The choices that derive the program (`nil` when the grammar cannot derive it).
    public var choices: [ChoicePoint]?
    /// The program in the domain's notation.
    public var program: String
    /// Its log prior under the grammar, when known.
    public var logPrior: Double?
    /// What the dream was made from, as shown: the task whose inputs it ran on.
    public var origin: String
    /// The inputs it ran on with its outputs.
    public var examples: [(inputs: [Value], output: Value)]

    public init(name: String, features: Features, choices: [ChoicePoint]?, program: String, logPrior: Double?, origin: String,
                examples: [(inputs: [Value], output: Value)]) {
        self.name = name
        self.features = features
        self.choices = choices
        self.program = program
        self.logPrior = logPrior
        self.origin = origin
        self.examples = examples
    }
}

/// One program of an answer as the run store keeps it: as shown, with its scores, and in the
/// domain's structured form.
public struct StoredAnswer: Sendable, Hashable {
    /// The program as shown (the domain's notation).
    public var program: String
    public var logPrior: Double
    public var logLikelihood: Double
    /// The name and version of the structured form `content` is in (`lambda-program/1`,
    /// `sygus-answer/1`); `nil` for an answer stored before structured forms, which is
    /// `program` alone.
    public var form: String?
    public var content: String?

    public init(program: String, logPrior: Double, logLikelihood: Double, form: String? = nil, content: String? = nil) {
        self.program = program
        self.logPrior = logPrior
        self.logLikelihood = logLikelihood
        self.form = form
        self.content = content
    }
}

/// A task file that does not read, with the position of the problem.
public struct TaskReadError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition?
    /// Whether the file was refused for passing `ReadingLimits` (the task's time or memory
    /// bound), not for being malformed: its tasks are unsolved, not bad input.
    public var isOverLimit: Bool

    public init(_ message: String, position: SourcePosition? = nil, isOverLimit: Bool = false) {
        self.message = message
        self.position = position
        self.isOverLimit = isOverLimit
    }

    public var description: String { position.map { "\($0): \(message)" } ?? message }
}

/// A stored answer that does not read back, with the reason.
public struct AnswerReadError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The index of the stored entry that does not read, when one entry is at fault.
    public var entry: Int?

    public init(_ message: String, entry: Int? = nil) {
        self.message = message
        self.entry = entry
    }

    public var description: String { message }
}

/// The domain among `domains` that reads `file` (whose content is `text`): the one whose
/// extensions include the file's, else the first whose `reads(file:text:)` accepts it. A file no
/// domain reads is an error naming the domains.
public func domain(reading file: String, text: String, among domains: [any Domain]) throws(TaskReadError) -> any Domain {
    let fileExtension = file.split(separator: "/").last.flatMap { name in name.contains(".") ? name.split(separator: ".").last.map(String.init) : nil }
    if let fileExtension, let domain = domains.first(where: { $0.fileExtensions.contains(fileExtension) }) { return domain }
    guard let domain = domains.first(where: { $0.reads(file: file, text: text) }) else {
        throw TaskReadError("no domain reads this file (\(domains.map(\.name).joined(separator: ", ")))")
    }
    return domain
}

extension Domain {
    public var searchSettings: [SearchSetting] { [] }

    public func suggestedSettings(after searches: [SearchMeasurement], in configuration: SearchConfiguration) -> [SettingSuggestion] { [] }
}
