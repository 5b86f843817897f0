import Domain
import Grammar
import Language
import Ranking

/// Input/output tasks over typed λ-programs (JSON task files): searched top-down, best first,
/// in the run's grammar conditioned on the task by the ranking model. An answer is a frontier
/// of programs that reproduce every example; the library grows round by round from the
/// latest frontiers.
public struct LambdaDomain: Domain {
    public typealias Task = ExampleTask
    public typealias Answer = [FrontierEntry]

    /// The evaluation steps one program may take on one example.
    public var stepLimit = 5_000

    public init() {}

    public var name: String { "lambda" }

    public var fileExtensions: [String] { ["json"] }

    /// A file no extension claims (standard input, say) whose text starts with `[` or `{`.
    public func reads(file: String, text: String) -> Bool {
        text.first { !$0.isWhitespace }.map { $0 == "[" || $0 == "{" } ?? false
    }

    /// The tasks of a JSON task file; a file that holds none is an error, and one that passes
    /// the limits throws an error whose `isOverLimit` is set (its tasks are unsolved, not bad
    /// input).
    public func tasks(in text: String, file: String, limits: ReadingLimits) throws(TaskReadError) -> [ExampleTask] {
        let tasks: [ExampleTask]
        do {
            tasks = try ExampleTask.readAll(json: text, limits: limits)
        } catch {
            throw TaskReadError(error.isSchemaError ? error.description : error.message, position: error.isOverLimit ? nil : error.position,
                                isOverLimit: error.isOverLimit)
        }
        if tasks.isEmpty { throw TaskReadError("holds no task") }
        return tasks
    }

    public func name(of task: ExampleTask) -> String { task.name }

    /// The bundled `lists` grammar.
    public func startingGrammar(for tasks: [ExampleTask]) -> Grammar {
        BundledGrammars.grammar(named: "lists") ?? Grammar(name: "lists")
    }

    /// After a task's first solution, how much further the search looks for more (see
    /// `ExampleTaskSolver.frontierWindow`).
    public static let frontierWindow = SearchSetting(
        "frontierWindow", range: 0...20, default: 3, grid: [0, 1, 2, 3, 5, 8],
        meaning: "after a task's first solution, how much further (in nats of prior) the search looks for more solutions")

    /// The width of the search's cost windows (see `TopDownEnumerator`).
    public static let costWindow = SearchSetting(
        "costWindow", range: 0.25...10, default: 1.5,
        meaning: "the width (in nats of prior) of each window of the search: each window walks the program space again from the root")

    public var searchSettings: [SearchSetting] { [Self.frontierWindow, Self.costWindow] }

    public func solve(_ task: ExampleTask, guidance: Guidance, budget: Budget, board: HelpBoard?) -> SearchReport<[FrontierEntry]> {
        var solver = ExampleTaskSolver()
        solver.timeout = budget.timeout
        solver.frontierSize = budget.frontierSize
        solver.memoryLimit = budget.memoryLimit
        solver.stepLimit = stepLimit
        solver.frontierWindow = guidance.configuration.value(of: Self.frontierWindow)
        solver.costWindow = guidance.configuration.value(of: Self.costWindow)
        guard var grammar = guidance.grammar else {
            return SearchReport(outcome: .stopped(.unsupported("a search over λ-programs without a grammar")), seconds: 0, candidates: 0)
        }
        var timings = Timings()
        if let model = guidance.model {
            grammar = timings.measure(.inference) { model.grammar(for: features(of: task), base: grammar) }
        }
        let found = solver.solve(task, grammar: grammar, runDeadline: budget.runDeadline, board: board)
        timings.add(.search, found.seconds)
        timings.add(found.timings)
        let outcome: Outcome<[FrontierEntry]> = found.solved ? .solved(found.frontier) : .stopped(found.unknownReason ?? .other("stopped"))
        // The task's seconds count the model's conditioning with the search.
        return SearchReport(outcome: outcome, seconds: found.seconds + (timings.seconds[.inference] ?? 0), candidates: found.candidates,
                            timings: timings)
    }

    // MARK: Learning

    public var libraryGrowth: LibraryGrowth { .incremental }

    public var fitsContextualWeights: Bool { true }

    public func grammar(_ grammar: Grammar, admitting answers: [(task: ExampleTask, answer: [FrontierEntry])]) -> Grammar { grammar }

    /// The frontier's programs, each weighted by its posterior within the frontier.
    public func solutions(of answer: [FrontierEntry], for task: ExampleTask, in grammar: Grammar) -> [Solution] {
        WeightedProgram.frontier(answer.map { ($0.program, $0.logPrior, $0.logLikelihood) }, request: task.request).map {
            Solution(program: $0.program, request: $0.request, weight: $0.weight)
        }
    }

    public func derivation(of solution: Solution, rewritten: Program?, answer: [FrontierEntry], for task: ExampleTask,
                           in library: Grammar) -> [ChoicePoint]? {
        guard let program = rewritten ?? solution.program else { return nil }
        return library.choicePoints(of: program, request: solution.request)
    }

    public func shared(_ points: [(ChoicePoint, Double)], among tasks: [ExampleTask]) -> [(ChoicePoint, Double)] { points }

    public func rankingChoices(_ points: [ChoicePoint]) -> [ChoicePoint] { points }

    /// Programs sampled from the grammar, run on the inputs of the tasks (see `Dream.dreams`).
    public func dreams(over tasks: [ExampleTask], grammar: Grammar, count: Int, seed: UInt64) -> [DreamExample] {
        var options = DreamOptions(count: count, seed: seed)
        options.stepLimit = stepLimit
        return Dream.dreams(of: grammar, over: tasks, options: options).map { dream in
            DreamExample(name: dream.task.name, features: features(of: dream.task),
                         choices: grammar.choicePoints(of: dream.program, request: dream.task.request), program: dream.program.description,
                         logPrior: dream.logPrior, origin: dream.inputsFrom, examples: dream.task.examples.map { ($0.inputs, $0.output) })
        }
    }

    public func features(of task: ExampleTask) -> Features { TaskFeatures.vector(of: task) }

    // MARK: Storing answers

    /// The structured form of a frontier program: its text, which reads back in the grammar
    /// of the round that found it.
    public static let answerForm = "lambda-program/1"

    public func stored(_ answer: [FrontierEntry], for task: ExampleTask) -> [StoredAnswer] {
        answer.map {
            StoredAnswer(program: $0.program.description, logPrior: $0.logPrior, logLikelihood: $0.logLikelihood, form: Self.answerForm,
                         content: $0.program.description)
        }
    }

    public func answer(from stored: [StoredAnswer], for task: ExampleTask, in grammar: Grammar, round: Int) throws(AnswerReadError) -> [FrontierEntry] {
        let table = grammar.primitiveTable
        var frontier: [FrontierEntry] = []
        for (index, entry) in stored.enumerated() {
            guard entry.form == Self.answerForm, let content = entry.content else {
                throw AnswerReadError("the program is stored in the form \(entry.form ?? "of an older version"), not \(Self.answerForm)", entry: index)
            }
            do {
                frontier.append(FrontierEntry(program: try Program(parsing: content, primitives: table), logPrior: entry.logPrior,
                                              logLikelihood: entry.logLikelihood))
            } catch {
                throw AnswerReadError("the program does not read in round \(round)'s grammar: \(error)", entry: index)
            }
        }
        return frontier
    }

    /// A program stored before structured forms was stored as its text: the same content.
    public func upgraded(_ stored: StoredAnswer, for task: ExampleTask) throws(AnswerReadError) -> StoredAnswer {
        var upgraded = stored
        upgraded.form = Self.answerForm
        upgraded.content = stored.program
        return upgraded
    }

    /// The frontier of the record, each program read in `grammar`.
    public func answer(fromRecord record: JSONValue, for task: ExampleTask, in grammar: Grammar) throws(AnswerReadError) -> [FrontierEntry]? {
        guard case .array(let entries) = record["frontier"]?.kind, !entries.isEmpty else { return nil }
        let table = grammar.primitiveTable
        var frontier: [FrontierEntry] = []
        for entry in entries {
            guard case .string(let source) = entry["program"]?.kind else {
                throw AnswerReadError("a frontier entry of \(JSONValue.quoted(task.name)) has no \"program\"")
            }
            let program: Program
            do {
                program = try Program(parsing: source, primitives: table)
            } catch {
                throw AnswerReadError("task \(JSONValue.quoted(task.name)): \(error.message) in \(source)")
            }
            guard grammar.logPrior(of: program, request: task.request) != nil else { continue }
            frontier.append(FrontierEntry(program: program, logPrior: Self.number(entry["logPrior"]) ?? 0, logLikelihood: Self.number(entry["logLikelihood"]) ?? 0))
        }
        return frontier.isEmpty ? nil : frontier
    }

    private static func number(_ value: JSONValue?) -> Double? {
        if case .number(let text) = value?.kind { return Double(text) }
        return nil
    }
}
