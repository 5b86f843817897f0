import Domain
import Grammar
import Language
import Ranking

/// Integer sequences given by their first terms (sequence files, `.seq`; see
/// `IntegerSequence.readAll`): a task asks for a λ-program `f : int -> int` with f(n) = a(n)
/// for every term given.
///
/// A sequence is searched as the λ domain searches an input/output task, with the examples
/// `n ↦ a(n)` (`IntegerSequence.exampleTask`): top-down, best first, in the run's grammar
/// with its weights set by the ranking model from the sequence's features, which are the
/// example features followed by the domain's own (`SequenceFeature`). An answer is the
/// frontier; the library grows round by round from the latest frontiers. What the λ domain
/// does with a frontier (learning, storing, reporting) is done by `lambda`, on the sequence's
/// example task.
///
/// ```swift
/// let domain = SequenceDomain()
/// let tasks = try domain.tasks(in: "squares: 0, 1, 4, 9, 16\n", file: "powers.seq", limits: .none)
/// let report = domain.solve(tasks[0], guidance: Guidance(grammar: nil), budget: Budget(timeout: .seconds(2),
///                           memoryLimit: 1 << 30, frontierSize: 5), board: nil)
/// // report.outcome: .solved([(lambda (* $0 $0)), …])
/// ```
public struct SequenceDomain: Domain {
    public typealias Task = IntegerSequence
    public typealias Answer = [FrontierEntry]

    /// The λ domain that searches a sequence's example task, and learns from, stores and
    /// reports its frontier.
    public var lambda = LambdaDomain()

    public init() {}

    public var name: String { "sequences" }

    public var fileExtensions: [String] { ["seq"] }

    /// A `.seq` file only: on standard input a sequence file has no mark to be told by.
    public func reads(file: String, text: String) -> Bool { file.hasSuffix(".seq") }

    /// The sequences of a sequence file; a file that holds none is an error, and one that
    /// passes the limits throws an error whose `isOverLimit` is set.
    public func tasks(in text: String, file: String, limits: ReadingLimits) throws(TaskReadError) -> [IntegerSequence] {
        try IntegerSequence.readAll(text, limits: limits)
    }

    public func name(of task: IntegerSequence) -> String { task.name }

    /// The bundled `lists` grammar (the λ domain's).
    public func startingGrammar(for tasks: [IntegerSequence]) -> Grammar { lambda.startingGrammar(for: []) }

    /// Searches the sequence's examples in the guidance's grammar, or the starting grammar
    /// when it has none (so `ouro solve` needs no `--grammar`), its weights set by the model
    /// from the sequence's features. As in the λ domain there is one search: `fallback` is
    /// not used. The search reads the λ domain's settings.
    public func solve(_ task: IntegerSequence, guidance: Guidance, budget: Budget, board: HelpBoard?) -> SearchReport<[FrontierEntry]> {
        var grammar = guidance.grammar ?? startingGrammar(for: [task])
        var inference = Timings()
        if let model = guidance.model {
            grammar = inference.measure(.inference) { model.grammar(for: features(of: task), base: grammar) }
        }
        var report = lambda.solve(task.exampleTask, guidance: Guidance(grammar: grammar, configuration: guidance.configuration), budget: budget,
                                  board: board)
        report.timings.add(inference)
        report.seconds += inference.seconds[.inference] ?? 0
        return report
    }

    public var searchSettings: [SearchSetting] { lambda.searchSettings }

    // MARK: Learning

    public var libraryGrowth: LibraryGrowth { .incremental }

    public var fitsContextualWeights: Bool { true }

    public func grammar(_ grammar: Grammar, admitting answers: [(task: IntegerSequence, answer: [FrontierEntry])]) -> Grammar { grammar }

    /// The frontier's programs, each weighted by its posterior within the frontier.
    public func solutions(of answer: [FrontierEntry], for task: IntegerSequence, in grammar: Grammar) -> [Solution] {
        lambda.solutions(of: answer, for: task.exampleTask, in: grammar)
    }

    public func derivation(of solution: Solution, rewritten: Program?, answer: [FrontierEntry], for task: IntegerSequence,
                           in library: Grammar) -> [ChoicePoint]? {
        lambda.derivation(of: solution, rewritten: rewritten, answer: answer, for: task.exampleTask, in: library)
    }

    public func shared(_ points: [(ChoicePoint, Double)], among tasks: [IntegerSequence]) -> [(ChoicePoint, Double)] {
        lambda.shared(points, among: tasks.map(\.exampleTask))
    }

    public func rankingChoices(_ points: [ChoicePoint]) -> [ChoicePoint] { lambda.rankingChoices(points) }

    /// Programs drawn from the grammar at `int -> int`, run on n = 0 … k of a sequence of the
    /// run (see `Dream.dreams`): those that fail or give a constant sequence are dropped, and
    /// one program is kept per distinct sequence. Sequences of one length share their inputs,
    /// so one of each length is dreamed over.
    public func dreams(over tasks: [IntegerSequence], grammar: Grammar, count: Int, seed: UInt64) -> [DreamExample] {
        var lengths = Set<Int>()
        let sources = tasks.filter { lengths.insert($0.terms.count).inserted }
        return lambda.dreams(over: sources.map(\.exampleTask), grammar: grammar, count: count, seed: seed).map { dream in
            var dream = dream
            dream.features = TaskFeatures.vector(ofTerms: dream.examples.compactMap(\.output.intValue))
            return dream
        }
    }

    public func features(of task: IntegerSequence) -> Features { TaskFeatures.vector(of: task) }

    // MARK: Storing answers

    /// The structured form of a frontier program: its text, which reads back in the grammar
    /// of the round that found it.
    public static let answerForm = "sequence-program/1"

    public func stored(_ answer: [FrontierEntry], for task: IntegerSequence) -> [StoredAnswer] {
        lambda.stored(answer, for: task.exampleTask).map { entry in
            var entry = entry
            entry.form = Self.answerForm
            return entry
        }
    }

    public func answer(from stored: [StoredAnswer], for task: IntegerSequence, in grammar: Grammar, round: Int) throws(AnswerReadError) -> [FrontierEntry] {
        var programs: [StoredAnswer] = []
        for (index, entry) in stored.enumerated() {
            guard entry.form == Self.answerForm else {
                throw AnswerReadError("the program is stored in the form \(entry.form ?? "of an older version"), not \(Self.answerForm)", entry: index)
            }
            var program = entry
            program.form = LambdaDomain.answerForm
            programs.append(program)
        }
        return try lambda.answer(from: programs, for: task.exampleTask, in: grammar, round: round)
    }

    /// Refuses: the domain came after structured forms, so every answer it stored is in
    /// `answerForm`, and an entry without a form is none of its own.
    public func upgraded(_ stored: StoredAnswer, for task: IntegerSequence) throws(AnswerReadError) -> StoredAnswer {
        throw AnswerReadError("sequence answers are stored in \(Self.answerForm) only; an answer without a form is not one")
    }
}
