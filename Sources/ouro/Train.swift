import ArgumentParser
import Bootstrap
import Domains
import Foundation
import Grammar
import Language
import Ranking
import Tasks

/// `ouro train TASKFILES... --solutions FILE.jsonl --grammar G -o MODEL`: trains a ranking
/// model on the solutions `ouro solve --json` found for those tasks, plus dreams.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a ranking model on solutions and dreams.",
        discussion: """
            The task files are the JSON task files that were solved; --solutions is the JSON \
            Lines `ouro solve --json` wrote for them (each solved task's frontier, weighted by \
            posterior, is a training example). The grammar is first refitted to the solutions \
            (written with --grammar-out, the base the model is meant for); dreams are sampled \
            from it and run on the tasks' inputs. Prints the loss per epoch on standard error \
            and a summary; `ouro solve --grammar REFIT --model MODEL` then uses the model.
            """
    )

    @Argument(help: "The task files the solutions are for: JSON task files, or SyGuS .sl files.")
    var taskFiles: [String]

    @Option(help: "JSON Lines written by `ouro solve --json` for those task files.")
    var solutions: String

    @OptionGroup var grammarOption: GrammarOption

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the model.", discussion: OutputFile.optionDiscussion))
    var output: String?

    /// The former spelling of --output, kept for scripts.
    @Option(name: .customLong("out"), help: .hidden)
    var out: String?

    @Option(name: .customLong("grammar-out"), help: "Write the refitted grammar (the model's base) here.")
    var grammarOut: String?

    @Flag(help: ArgumentHelp(OutputFile.forceHelp))
    var force = false

    /// The model file: -o/--output, or its former spelling --out.
    private var model: String { output ?? out ?? "" }

    @Option(parsing: .unconditional, help: ArgumentHelp("How many dreams to add to the training data, 0 ≤ N ≤ 1000000.", valueName: "N"),
            transform: { try CommandLineNumber.integer($0, in: 0...1_000_000) })
    var dreams = 1_000

    @Option(parsing: .unconditional, help: ArgumentHelp("The most training epochs, 1 ≤ N ≤ 100000 (training stops earlier when the held-aside loss stops falling).", valueName: "N"),
            transform: { try CommandLineNumber.integer($0, in: 1...100_000) })
    var epochs = 200

    @Option(parsing: .unconditional, help: ArgumentHelp("Hidden units of the network, 1 ≤ N ≤ 4096.", valueName: "N"),
            transform: { try CommandLineNumber.integer($0, in: 1...4_096) })
    var hidden = 64

    @Option(name: .customLong("learning-rate"), parsing: .unconditional, help: ArgumentHelp("Adam's learning rate, 0 < x ≤ 1.", valueName: "x"),
            transform: { try CommandLineNumber.real($0, above: 0, upTo: 1) })
    var learningRate = 1e-3

    @Option(name: .customLong("held-aside"), parsing: .unconditional, help: ArgumentHelp("The fraction of solved tasks held aside to decide when training stops, 0 ≤ x < 1 (0: stop when the training loss stops falling).", valueName: "x"),
            transform: { try CommandLineNumber.real($0, above: 0, includesLower: true, upTo: 1, includesUpper: false) })
    var heldAside = 0.15

    @OptionGroup var seedOption: SeedOption

    private var grammar: String? { grammarOption.grammar }
    private var seed: UInt64 { seedOption.seed }

    func validate() throws {
        if taskFiles.isEmpty { throw ValidationError("Give the JSON task files the solutions are for.") }
        if (output == nil) == (out == nil) { throw ValidationError("Give -o/--output, the file to write the model to (once; --out is its former name).") }
    }

    func run() throws {
        let sygusFiles = taskFiles.filter { $0.hasSuffix(".sl") }
        if !sygusFiles.isEmpty {
            guard sygusFiles.count == taskFiles.count else {
                throw ValidationError("Train on JSON task files or on SyGuS files, not both at once.")
            }
            return try trainOnSyGuS()
        }
        guard let grammar else { throw ValidationError("JSON task files need --grammar, the grammar they were solved with.") }
        let base = try readGrammar(grammar)
        var tasks: [String: ExampleTask] = [:]
        var allTasks: [ExampleTask] = []
        for file in taskFiles {
            for task in try TaskFiles.examples(try InputError.readText(file), file: file) {
                tasks[task.name] = task
                allTasks.append(task)
            }
        }
        let frontiers = try readSolutions(solutions, tasks: tasks, grammar: base)
        let corpus = frontiers.flatMap { $0.programs }
        let refit = base.refitted(to: corpus, contextual: true)
        if let grammarOut { try write(Data(refit.fileText.utf8), to: grammarOut) }

        var examples: [RankerExample] = []
        for frontier in frontiers {
            let features = TaskFeatures.vector(of: frontier.task)
            for item in frontier.programs {
                examples.append(RankerExample(task: frontier.task.name, features: features, program: item.program, request: item.request, weight: item.weight))
            }
        }
        let dreamed = Dream.dreams(of: refit, over: allTasks, options: DreamOptions(count: dreams, seed: seed))
        for dream in dreamed {
            examples.append(RankerExample(
                task: dream.task.name, features: TaskFeatures.vector(of: dream.task), program: dream.program,
                request: dream.task.request, isDream: true))
        }

        try train(examples, grammar: refit, summary: "\(frontiers.count) solved tasks (\(corpus.count) programs) and \(dreamed.count) dreams")
    }

    /// SyGuS files: each solved problem's answer, derived in its own grammar, is a training
    /// example; the base grammar is fitted to all of them over the operators the problems offer.
    private func trainOnSyGuS() throws {
        var problems: [String: (problem: SyGuSProblem, text: String)] = [:]
        for file in taskFiles {
            let text = try InputError.readText(file)
            problems[URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent] = (try TaskFiles.sygus(text, file: file), text)
        }
        var derivations: [(task: String, problem: SyGuSProblem, points: [ChoicePoint])] = []
        var underivable = 0
        for (position, name, json) in try solvedLines(solutions, taskNames: Set(problems.keys)) {
            let (problem, source) = problems[name]!
            guard case .string(let answer) = json["answer"]?.kind else { continue }
            let bodies: [Int: Tasks.Expression]
            do {
                bodies = try SyGuSProblem.answerBodies(answer, source: source)
            } catch {
                throw InputError(file: solutions, position: position, message: "the answer for \(JSONValue.quoted(name)) does not read: \(error)")
            }
            for (function, body) in bodies.sorted(by: { $0.key < $1.key }) {
                guard let points = problem.choicePoints(of: body, function: function) else {
                    underivable += 1
                    continue
                }
                derivations.append((name, problem, points))
            }
        }
        let base = Grammar.fitted(
            to: derivations.flatMap { $0.points.map { ($0, 1.0) } }, offering: problems.values.map(\.problem), name: "sygus")
        if let grammarOut { try write(Data(base.fileText.utf8), to: grammarOut) }
        var examples = derivations.map {
            RankerExample(sygus: $0.task, features: TaskFeatures.vector(of: $0.problem), choices: $0.points)
        }
        let dreamed = SyGuSDream.dreams(
            over: problems.sorted { $0.key < $1.key }.map { ($0.key, $0.value.problem) }, grammar: base, count: dreams, seed: seed)
        examples += dreamed.map { RankerExample(sygus: $0.task, features: $0.features, choices: $0.choices, isDream: true) }
        let skipped = underivable > 0 ? " (\(underivable) answers not derivable in their grammar skipped)" : ""
        try train(examples, grammar: base, summary: "\(derivations.count) solved SyGuS problems\(skipped) and \(dreamed.count) dreams")
    }

    private func train(_ examples: [RankerExample], grammar base: Grammar, summary: String) throws {
        guard !examples.isEmpty else {
            throw InputError(file: solutions, message: "no solved task in it can be derived by its grammar; nothing to train on")
        }
        var options = RankerTrainingOptions()
        options.maximumEpochs = epochs
        options.hidden = hidden
        options.seed = seed
        options.learningRate = learningRate
        options.validationFraction = heldAside
        let start = Date()
        let (ranker, report) = Ranker.train(examples, grammar: base, options: options) { epoch in
            let validation = epoch.validationLoss.map { String(format: ", held aside %.4f", $0) } ?? ""
            printError(String(format: "epoch %d: training loss %.4f", epoch.epoch, epoch.trainingLoss) + validation)
        }
        // A loss that is not a number means the weights are not numbers either: no model to write.
        guard report.bestEpoch >= 1, report.epochs[report.bestEpoch - 1].trainingLoss.isFinite else {
            throw ValidationError("training diverged (the loss is not a finite number); no model was written: try a smaller --learning-rate")
        }
        try write(ranker.fileData(), to: model)
        let best = report.epochs[report.bestEpoch - 1]
        print("""
            trained on \(summary); \(report.validationExamples) programs held aside
            best epoch \(report.bestEpoch) of \(report.epochs.count): training loss \(String(format: "%.4f", best.trainingLoss))\
            \(best.validationLoss.map { String(format: ", held aside %.4f", $0) } ?? ""); \(String(format: "%.1f", Date().timeIntervalSince(start))) s
            model: \(model) (\(ranker.keys.count) outputs)
            """)
    }

    /// Writes an output file, never over a file this command reads (without --force).
    private func write(_ data: Data, to file: String) throws(OutputFileError) {
        let inputs = taskFiles.map { ($0, "a task file this command reads") } + [(solutions, "the solutions file this command reads")]
            + (grammar.map { [($0, "the grammar this command reads")] } ?? [])
        try OutputFile.write(data, to: file, force: force, inputs: inputs)
    }

    private struct Frontier {
        var task: ExampleTask
        var programs: [WeightedProgram]
    }

    /// The solved tasks' frontiers from `ouro solve --json` lines, matched to tasks by name.
    private func readSolutions(_ file: String, tasks: [String: ExampleTask], grammar: Grammar) throws -> [Frontier] {
        let table = grammar.primitiveTable
        var frontiers: [Frontier] = []
        for (position, name, json) in try solvedLines(file, taskNames: Set(tasks.keys)) {
            let task = tasks[name]!
            guard case .array(let entries) = json["frontier"]?.kind, !entries.isEmpty else { continue }
            var parsed: [(program: Program, logPrior: Double, logLikelihood: Double)] = []
            for entry in entries {
                guard case .string(let source) = entry["program"]?.kind else {
                    throw InputError(file: file, position: position, message: "a frontier entry of \(JSONValue.quoted(name)) has no \"program\"")
                }
                let program: Program
                do {
                    program = try Program(parsing: source, primitives: table)
                } catch {
                    throw InputError(file: file, position: position, message: "task \(JSONValue.quoted(name)): \(error.message) in \(source)")
                }
                guard grammar.logPrior(of: program, request: task.request) != nil else { continue }
                parsed.append((program, numeric(entry["logPrior"]) ?? 0, numeric(entry["logLikelihood"]) ?? 0))
            }
            if !parsed.isEmpty {
                frontiers.append(Frontier(task: task, programs: WeightedProgram.frontier(parsed, request: task.request)))
            }
        }
        return frontiers
    }

    /// The lines of a file `ouro solve --json` wrote, each with its position and task name;
    /// a line that is not such an object, or names a task not in `taskNames`, is an error.
    private func solvedLines(_ file: String, taskNames: Set<String>) throws -> [(position: SourcePosition, name: String, json: JSONValue)] {
        let text = try InputError.readText(file)
        var lines: [(position: SourcePosition, name: String, json: JSONValue)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.allSatisfy(\.isWhitespace) {
            let position = SourcePosition(line: number + 1, column: 1)
            let json: JSONValue
            do {
                json = try JSONValue.read(String(line))
            } catch {
                throw InputError(file: file, position: SourcePosition(line: number + 1, column: error.position.column), message: error.message)
            }
            guard case .string(let name) = json["task"]?.kind else {
                throw InputError(file: file, position: position, message: "expected a JSON object with a \"task\" name, as `ouro solve --json` writes")
            }
            guard taskNames.contains(name) else {
                throw InputError(file: file, position: position, message: "task \(JSONValue.quoted(name)) is in none of the task files")
            }
            lines.append((position, name, json))
        }
        return lines
    }

    private func numeric(_ value: JSONValue?) -> Double? {
        if case .number(let text) = value?.kind { return Double(text) }
        return nil
    }
}
