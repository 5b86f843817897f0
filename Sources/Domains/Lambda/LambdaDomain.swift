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

    /// A `.json` file, or standard input that starts with `[` or `{`.
    public func reads(file: String, text: String) -> Bool {
        if file == "-" { return text.first { !$0.isWhitespace }.map { $0 == "[" || $0 == "{" } ?? false }
        return file.hasSuffix(".json")
    }

    public func tasks(in text: String, file: String, limits: ReadingLimits) throws(TaskReadError) -> [ExampleTask] {
        do {
            return try ExampleTask.readAll(json: text, limits: limits)
        } catch {
            throw TaskReadError(error.isSchemaError ? error.description : error.message, position: error.position, isOverLimit: error.isOverLimit)
        }
    }

    public func name(of task: ExampleTask) -> String { task.name }

    public func solve(_ task: ExampleTask, guidance: Guidance, budget: Budget, board: HelpBoard?) -> SearchReport<[FrontierEntry]> {
        var solver = ExampleTaskSolver()
        solver.timeout = budget.timeout
        solver.frontierSize = budget.frontierSize
        solver.memoryLimit = budget.memoryLimit
        solver.stepLimit = stepLimit
        guard var grammar = guidance.grammar else {
            return SearchReport(outcome: .stopped(.unsupported("a search over λ-programs without a grammar")), seconds: 0, candidates: 0)
        }
        if let model = guidance.model { grammar = model.grammar(for: features(of: task), base: grammar) }
        let found = solver.solve(task, grammar: grammar, runDeadline: budget.runDeadline, board: board)
        let outcome: Outcome<[FrontierEntry]> = found.solved ? .solved(found.frontier) : .stopped(found.unknownReason ?? .other("stopped"))
        return SearchReport(outcome: outcome, seconds: found.seconds, candidates: found.candidates)
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
        return Dream.dreams(of: grammar, over: tasks, options: options).compactMap { dream in
            grammar.choicePoints(of: dream.program, request: dream.task.request).map {
                DreamExample(name: dream.task.name, features: features(of: dream.task), choices: $0)
            }
        }
    }

    public func features(of task: ExampleTask) -> Features { TaskFeatures.vector(of: task) }

    // MARK: Storing answers

    /// Each program of the frontier in its printed form, which reads back in the grammar.
    public func stored(_ answer: [FrontierEntry], for task: ExampleTask) -> [StoredAnswer] {
        answer.map { StoredAnswer(program: $0.program.description, logPrior: $0.logPrior, logLikelihood: $0.logLikelihood) }
    }

    public func answer(from stored: [StoredAnswer], for task: ExampleTask, in grammar: Grammar, round: Int) throws(AnswerReadError) -> [FrontierEntry] {
        let table = grammar.primitiveTable
        var frontier: [FrontierEntry] = []
        for (index, entry) in stored.enumerated() {
            do {
                frontier.append(FrontierEntry(program: try Program(parsing: entry.program, primitives: table),
                                              logPrior: entry.logPrior, logLikelihood: entry.logLikelihood))
            } catch {
                throw AnswerReadError("the program does not read in round \(round)'s grammar: \(error)", entry: index)
            }
        }
        return frontier
    }
}
