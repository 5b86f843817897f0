import Domain
import Foundation
import Grammar
import Language
import Ranking
import Synthesis
import Tasks

/// A SyGuS problem as a task: its name (the file's, without `.sl`), the problem, and the
/// problem's text.
public struct SyGuSTask: Sendable {
    public var name: String
    public var problem: SyGuSProblem
    public var source: String

    public init(name: String, problem: SyGuSProblem, source: String) {
        self.name = name
        self.problem = problem
        self.source = source
    }
}

/// A verified answer to a SyGuS problem: a body for each function, by index, and the log
/// prior of the first under the weights of the grammar it was found with.
public struct SyGuSAnswer: Sendable {
    public var bodies: [Int: Tasks.Expression]
    public var logPrior: Double

    public init(bodies: [Int: Tasks.Expression], logPrior: Double) {
        self.bodies = bodies
        self.logPrior = logPrior
    }
}

/// SyGuS-IF problems (`.sl` files): each searched bottom-up in its own grammar, with the run's
/// weights (conditioned on the problem by the ranking model) as costs and its library as extra
/// productions, every candidate verified by Z3. The library is compressed afresh each round from
/// every answer found so far; answers at one bit-vector width inform the weights at the others.
public struct SyGuSDomain: Domain {
    public typealias Task = SyGuSTask
    public typealias Answer = SyGuSAnswer

    public init() {}

    public var name: String { "sygus" }

    public var fileExtensions: [String] { ["sl"] }

    /// Any file the λ domain does not read: SyGuS text by any other name, or on standard input.
    public func reads(file: String, text: String) -> Bool {
        !LambdaDomain().reads(file: file, text: text)
    }

    /// The problem in a SyGuS file; a file with nothing to synthesize is an error.
    public func tasks(in text: String, file: String, limits: ReadingLimits) throws(TaskReadError) -> [SyGuSTask] {
        let problem: SyGuSProblem
        do {
            problem = try SyGuSProblem(parsing: text)
        } catch {
            throw TaskReadError(error.message, position: error.position)
        }
        if problem.functions.isEmpty {
            if problem.logic == nil && problem.variables.isEmpty && problem.definitions.isEmpty && problem.constraints.isEmpty {
                throw TaskReadError("holds no SyGuS command: nothing to synthesize")
            }
            throw TaskReadError("has no synth-fun or synth-inv: nothing to synthesize")
        }
        return [SyGuSTask(name: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, problem: problem, source: text)]
    }

    public func name(of task: SyGuSTask) -> String { task.name }

    /// Uniform weights for every operator and constant the problems' grammars offer.
    public func startingGrammar(for tasks: [SyGuSTask]) -> Grammar {
        Grammar.fitted(to: [], offering: tasks.map(\.problem), name: "sygus")
    }

    /// Synthesizes the problem with the guidance's weights and library (see
    /// `Synthesizer.solve(_:grammar:ranker:fallback:primaryShare:runDeadline:)`); without a
    /// grammar, in size order.
    public func solve(_ task: SyGuSTask, guidance: Guidance, budget: Budget, board: HelpBoard?) -> SearchReport<SyGuSAnswer> {
        var options = SynthesisOptions()
        options.timeout = budget.timeout
        let bankShare = guidance.configuration.value(of: Self.bankShare)
        options.memoryLimit = bankShare >= 1 ? budget.memoryLimit : Int(min(Double(budget.memoryLimit) * bankShare, Double(Int.max >> 1)))
        options.seed = budget.seed
        options.trace = budget.trace
        let synthesizer = Synthesizer(options: options)
        let problem = task.problem
        let share = guidance.configuration.value(of: Self.guidedShare)
        let result = guidance.grammar.map {
            synthesizer.solve(problem, grammar: $0, ranker: guidance.model, fallback: guidance.fallback, primaryShare: share,
                              probeShare: guidance.configuration.value(of: Self.probeShare),
                              contextShare: guidance.configuration.value(of: Self.contextShare),
                              runDeadline: budget.runDeadline)
        } ?? synthesizer.solve(problem, runDeadline: budget.runDeadline)
        let outcome: Outcome<SyGuSAnswer>
        switch result.status {
        case .solved(let bodies):
            var logPrior = 0.0
            if let body = bodies[0], let grammar = guidance.grammar {
                logPrior = SyGuSChoiceSpace(problem, function: 0, weights: grammar).logLikelihood(of: body) ?? 0
            }
            outcome = .solved(SyGuSAnswer(bodies: bodies, logPrior: logPrior))
        case .infeasible(let reason): outcome = .infeasible(reason)
        case .unknown(let reason): outcome = .stopped(reason)
        }
        return SearchReport(outcome: outcome, seconds: result.seconds, candidates: result.candidates, rounds: result.iterations, timings: result.timings,
                            bank: result.bank, foundByFallback: result.foundByFallback)
    }

    /// The share of a task's time the search guided by the run's grammar and model gets
    /// before the search with the starting grammar takes the rest (see `Synthesizer.solve`).
    public static let guidedShare = SearchSetting(
        "guidedShare", range: 0.1...1, default: 0.5, grid: [0.2, 0.35, 0.5, 0.65, 0.8, 1],
        meaning: "the share of a task's time for the search guided by the learned grammar and model, before the search with the starting grammar (1: no second search)")

    /// The share of the per-task memory bound (`--memory`, a ceiling the loop never passes) a
    /// search's bank may hold.
    public static let bankShare = SearchSetting(
        "bankShare", range: 0.05...1, default: 1,
        meaning: "the share of the per-task memory bound (--memory) a search's bank may hold before the search stops")

    /// The share of each search's time it first gets in its turn, before the guided search
    /// starts again with the rest of its share (see `Synthesizer.solve`).
    public static let probeShare = SearchSetting(
        "probeShare", range: 0...0.5, default: 0.1,
        meaning: "the share of each of the two searches' time it gets in a first, short turn (the guided search first), so that what either finds quickly is found quickly (0: the guided search, then the second)")

    /// How much of an argument's cost comes from the weights of its slot (its parent's
    /// argument) rather than the root's, for a contextual grammar (a ranking model's).
    public static let contextShare = SearchSetting(
        "contextShare", range: 0...1, default: 0.5, grid: [0, 0.25, 0.5, 0.75, 1],
        meaning: "the share of an argument's cost taken from its slot's weights (its parent's argument) rather than the root's, when the weights are contextual")

    public var searchSettings: [SearchSetting] { [Self.guidedShare, Self.probeShare, Self.contextShare, Self.bankShare] }

    /// From which of a round's two searches found each answer: when the second search found
    /// answers the guided one did not, more time to it (the grid's next `guidedShare` down);
    /// when the guided search found every answer and the second (which took on every task
    /// with time in the `fallback` part) found none, more time to the guided one (the next up).
    public func suggestedSettings(after searches: [SearchMeasurement], in configuration: SearchConfiguration) -> [SettingSuggestion] {
        let second = searches.filter { ($0.timings.seconds[.fallback] ?? 0) > 0 }
        let bySecond = searches.filter { $0.solved && $0.foundByFallback }.count
        let byGuided = searches.filter { $0.solved }.count - bySecond
        let share = configuration.value(of: Self.guidedShare)
        if bySecond > 0, let lower = Self.guidedShare.below(share) {
            return [SettingSuggestion(setting: Self.guidedShare, value: lower,
                                      why: "the search with the starting grammar found \(bySecond) answer\(bySecond == 1 ? "" : "s") the guided search did not")]
        }
        if bySecond == 0, byGuided > 0, !second.isEmpty, let higher = Self.guidedShare.above(share) {
            return [SettingSuggestion(setting: Self.guidedShare, value: higher,
                                      why: "the guided search found all \(byGuided) answers; the search with the starting grammar found none of the \(second.count) tasks it took on")]
        }
        return []
    }

    // MARK: Learning

    public var libraryGrowth: LibraryGrowth { .recompressed }

    public var fitsContextualWeights: Bool { false }

    /// The grammar with the constants the answers took from their specifications (where their
    /// grammars allow any constant), so that each answer is one of its programs.
    public func grammar(_ grammar: Grammar, admitting answers: [(task: SyGuSTask, answer: SyGuSAnswer)]) -> Grammar {
        var grammar = grammar
        for (task, answer) in answers where task.problem.functions.count == 1 {
            for value in answer.bodies[0]?.constants ?? [] {
                guard let type = value.type else { continue }
                let constant = Primitive.constant(value, type: type)
                if grammar[ProductionKey(name: constant.name, type: type.canonical)] == nil { try? grammar.add(Production(constant)) }
            }
        }
        return grammar
    }

    /// The answer to a single-function problem, as a λ-program when the grammar has its
    /// operators and constants.
    public func solutions(of answer: SyGuSAnswer, for task: SyGuSTask, in grammar: Grammar) -> [Solution] {
        let problem = task.problem
        guard problem.functions.count == 1, let body = answer.bodies[0] else { return [] }
        return [Solution(program: problem.program(of: body, function: 0, grammar: grammar), request: problem.functions[0].type, weight: 1)]
    }

    /// The derivation in the problem's grammar extended with the library: of the rewritten
    /// program when it reads as a body there, else of the answer itself.
    public func derivation(of solution: Solution, rewritten: Program?, answer: SyGuSAnswer, for task: SyGuSTask,
                           in library: Grammar) -> [ChoicePoint]? {
        guard let body = answer.bodies[0] else { return nil }
        let extended = task.problem.extended(with: library)
        let parameters = task.problem.functions[0].parameters.count
        if let rewritten, let inLibrary = SyGuSProblem.expression(of: rewritten, parameters: parameters, definitions: extended.definitionIndex),
           let points = extended.problem.choicePoints(of: inLibrary, function: 0) {
            return points
        }
        return extended.problem.choicePoints(of: body, function: 0)
    }

    /// Operators and constants at one bit-vector width share their statistics with their
    /// counterparts at the others (answers at 32 bits inform searches at 64).
    public func shared(_ points: [(ChoicePoint, Double)], among tasks: [SyGuSTask]) -> [(ChoicePoint, Double)] {
        var points = points
        let widths = Set(tasks.flatMap { $0.problem.functions.first?.type.bitVectorWidths ?? [] })
        for (point, weight) in points {
            guard let width = point.fittingProductions.lazy.compactMap({ $0.type.bitVectorWidths.first }).first else { continue }
            for other in widths where other != width { points.append((point.retypingBitVectors(from: width, to: other), weight)) }
        }
        return points
    }

    /// The choices in their slots, and each again at the root slot, so that the model's root
    /// outputs learn the task's distribution over every position (what the bottom-up search's
    /// root costs, and half of each argument's, come from; see
    /// `SyGuSProblem.costs(of:from:contextShare:)`).
    public func rankingChoices(_ points: [ChoicePoint]) -> [ChoicePoint] {
        var all = points
        for point in points where point.slot != .root {
            all.append(ChoicePoint(slot: .root, fittingProductions: point.fittingProductions,
                                   fittingVariables: point.fittingVariables, chosen: point.chosen))
        }
        return all
    }

    /// Programs drawn from each problem's grammar extended with `grammar`'s library (see
    /// `SyGuSDream.dreams`).
    public func dreams(over tasks: [SyGuSTask], grammar: Grammar, count: Int, seed: UInt64) -> [DreamExample] {
        let problems = tasks.map { (name: $0.name, problem: $0.problem.extended(with: grammar).problem) }
        return SyGuSDream.dreams(over: problems, grammar: grammar, count: count, seed: seed).map { dream in
            DreamExample(name: dream.task, features: dream.features, choices: rankingChoices(dream.choices),
                         program: dream.problem.text(of: dream.body, function: 0), logPrior: dream.logPrior, origin: dream.origin, examples: dream.examples)
        }
    }

    public func features(of task: SyGuSTask) -> Features { TaskFeatures.vector(of: task.problem) }

    // MARK: Storing answers

    /// The answer in SyGuS answer form as `ouro solve` prints it, and in the structured form
    /// `SyGuSProblem.encodedAnswer(_:)` writes.
    public func stored(_ answer: SyGuSAnswer, for task: SyGuSTask) -> [StoredAnswer] {
        let problem = task.problem
        let text = problem.functions.indices.compactMap { f in answer.bodies[f].map { problem.answer(function: f, body: $0) } }.joined(separator: "\n")
        return [StoredAnswer(program: text, logPrior: answer.logPrior, logLikelihood: 0, form: SyGuSProblem.answerFormat,
                             content: problem.encodedAnswer(answer.bodies))]
    }

    public func answer(from stored: [StoredAnswer], for task: SyGuSTask, in grammar: Grammar, round: Int) throws(AnswerReadError) -> SyGuSAnswer {
        guard let first = stored.first else { throw AnswerReadError("no answer is stored") }
        guard first.form == SyGuSProblem.answerFormat, let content = first.content else {
            throw AnswerReadError("the answer is stored in the form \(first.form ?? "of an older version"), not \(SyGuSProblem.answerFormat)", entry: 0)
        }
        do {
            return SyGuSAnswer(bodies: try task.problem.answer(decoding: content), logPrior: first.logPrior)
        } catch {
            throw AnswerReadError("the answer does not read as an answer to \(task.name): \(error)", entry: 0)
        }
    }

    /// An answer stored before structured forms, in SyGuS answer form, read as an answer to the
    /// problem and written in the structured form.
    public func upgraded(_ stored: StoredAnswer, for task: SyGuSTask) throws(AnswerReadError) -> StoredAnswer {
        let bodies: [Int: Tasks.Expression]
        do {
            bodies = try SyGuSProblem.answerBodies(stored.program, source: task.source)
        } catch {
            throw AnswerReadError("the answer does not read as an answer to \(task.name): \(error)")
        }
        var upgraded = stored
        upgraded.form = SyGuSProblem.answerFormat
        upgraded.content = task.problem.encodedAnswer(bodies)
        return upgraded
    }

    /// The record's answer in SyGuS answer form, read as an answer to the problem.
    public func answer(fromRecord record: JSONValue, for task: SyGuSTask, in grammar: Grammar) throws(AnswerReadError) -> SyGuSAnswer? {
        guard case .string(let answer) = record["answer"]?.kind else { return nil }
        do {
            return SyGuSAnswer(bodies: try SyGuSProblem.answerBodies(answer, source: task.source), logPrior: 0)
        } catch {
            throw AnswerReadError("the answer for \(JSONValue.quoted(task.name)) does not read: \(error)")
        }
    }
}
