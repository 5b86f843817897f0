import ArgumentParser
import Bootstrap
import Domain
import Domains
import Foundation
import Grammar
import Language
import Ranking

/// `ouro train TASKFILES... --solutions FILE.jsonl --grammar G -o MODEL`: trains a ranking
/// model on the solutions `ouro solve --json` found for those tasks, plus dreams.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a ranking model on solutions and dreams.",
        discussion: """
            The task files are the task files that were solved (of any domain, or of several at \
            once); --solutions is the JSON Lines `ouro solve --json` wrote for them (each solved \
            task's answer is a training example; a frontier's programs are weighted by posterior). \
            The grammar (--grammar, or by default the one a bootstrap over these tasks starts \
            from) is first refitted to the solutions, as a bootstrap's sleep does (written with \
            --grammar-out, the base the model is meant for); dreams are drawn from it over the \
            tasks. Prints the loss per epoch on standard error and a summary; \
            `ouro solve --grammar REFIT --model MODEL` then uses the model.
            """
    )

    @Argument(help: "The task files the solutions are for (.json, .sl, .seq), or folders of them.")
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

    @OptionGroup var dreamsOption: DreamsOption

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
        if taskFiles.isEmpty { throw ValidationError("Give the task files the solutions are for.") }
        if (output == nil) == (out == nil) { throw ValidationError("Give -o/--output, the file to write the model to (once; --out is its former name).") }
    }

    func run() throws {
        let sets: [TaskSet]
        do {
            sets = try TaskSet.read(try TaskFiles.expand(taskFiles), domains: Domains.all, text: InputError.readText)
        } catch let failure as TaskSetError {
            throw InputError(file: failure.file, position: failure.error.position, message: failure.error.message)
        }
        let base = try grammar.map(readGrammar) ?? sets.dropFirst().reduce(sets[0].startingGrammar()) { $0.adding(productionsOf: $1.startingGrammar()) }
        let records = try solvedLines(solutions, taskNames: Set(sets.flatMap(\.names)))
        var parts: [any LearningPart] = []
        for set in sets {
            let names = Set(set.names)
            let mine = records.filter { names.contains($0.name) }
            do throws(RecordError) {
                parts.append(try set.answers(from: mine.map { ($0.name, $0.json) }, in: base))
            } catch {
                throw InputError(file: solutions, position: mine[error.record].position, message: error.message)
            }
        }
        // The weights refitted to the answers (the model's base), then the model.
        let learned = try Sleep.abstractionSleep(parts, round: 0, grammar: base, startGrammar: base, abstractions: 0, maximumArity: 0)
        if let grammarOut { try write(Data(learned.grammar.fileText.utf8), to: grammarOut) }
        var options = RankerTrainingOptions()
        options.maximumEpochs = epochs
        options.hidden = hidden
        options.seed = seed
        options.learningRate = learningRate
        options.validationFraction = heldAside
        let start = Date()
        let trained = Sleep.dreamSleep(parts, after: learned, dreams: dreamsOption.count, options: options) { epoch in
            let validation = epoch.validationLoss.map { String(format: ", held aside %.4f", $0) } ?? ""
            printError(String(format: "epoch %d: training loss %.4f", epoch.epoch, epoch.trainingLoss) + validation)
        }
        guard let (ranker, report, dreamed, _) = trained else {
            throw InputError(file: solutions, message: "no solved task in it can be derived by its grammar; nothing to train on")
        }
        // A loss that is not a number means the weights are not numbers either: no model to write.
        guard report.bestEpoch >= 1, report.epochs[report.bestEpoch - 1].trainingLoss.isFinite else {
            throw ValidationError("training diverged (the loss is not a finite number); no model was written: try a smaller --learning-rate")
        }
        try write(ranker.fileData(), to: model)
        let best = report.epochs[report.bestEpoch - 1]
        let solved = parts.reduce(0) { $0 + $1.count }
        print("""
            trained on \(solved) solved tasks (\(learned.solutions.count) programs) and \(dreamed) dreams; \(report.validationExamples) programs held aside
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
}
