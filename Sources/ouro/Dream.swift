import ArgumentParser
import Foundation
import Bootstrap
import Grammar
import Language
import Learning
import Tasks

/// `ouro dream --grammar G --tasks FILE...` or `ouro dream RUN`: programs sampled from a
/// grammar, with what they do.
struct DreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dream",
        abstract: "Sample programs from a grammar and show what they do.",
        discussion: """
            Each dream is a program sampled from the grammar at the type of a task drawn from \
            the task files, run on that task's inputs. Programs that fail, or give every input \
            the same output, are dropped, and of programs that behave alike only the most \
            probable is kept. Prints each program, its log prior, the task whose inputs it ran \
            on and its first outputs. Given a run store (from `ouro bootstrap`), dreams from the \
            grammar a round searched with (--round, default the latest) over the run's train \
            tasks; for SyGuS problems, programs of each problem's grammar with the run's library, \
            run on the problem's inputs (its examples, or points of its reference implementation).
            """
    )

    @Argument(help: "A run store from `ouro bootstrap` (instead of --grammar and --tasks).")
    var runStore: String?

    @Option(help: "With a run store: the round whose grammar to dream from (default: the latest).")
    var round: Int?

    @Option(help: "The grammar to sample from.")
    var grammar: String?

    @Option(parsing: .upToNextOption, help: "JSON task files whose types and inputs the dreams use.")
    var tasks: [String] = []

    @Option(help: "How many dreams.")
    var count = 10

    @Option(help: "Seed of the sampler.")
    var seed: UInt64 = 1

    @Option(help: "Examples shown per dream.")
    var show = 3

    func validate() throws {
        if runStore != nil && (grammar != nil || !tasks.isEmpty) { throw ValidationError("Give a run store, or --grammar and --tasks, not both.") }
        if runStore == nil && (grammar == nil || tasks.isEmpty) {
            throw ValidationError("Give --grammar and --tasks (JSON task files whose inputs the dreams run on), or a run store.")
        }
        if runStore == nil && round != nil { throw ValidationError("--round applies to a run store.") }
        if count < 1 { throw ValidationError("--count must be at least 1.") }
    }

    func run() throws {
        let parsed: Grammar
        var all: [ExampleTask] = []
        var files = tasks
        if let runStore {
            let (store, _, roundGrammar) = try RunGrammar.read(runStore, round: round)
            parsed = roundGrammar
            let train = try store.tasks().filter { $0.split == .train }
            files = Array(Set(train.map(\.file))).sorted()
            if files.contains(where: { $0.hasSuffix(".sl") }) { return try dreamSyGuS(files, grammar: parsed) }
            let names = Set(train.map(\.name))
            all = try readTasks(files).filter { names.contains($0.name) }
        } else {
            parsed = try readGrammar(grammar!)
            all = try readTasks(files)
        }
        let dreams = Dream.dreams(of: parsed, over: all, options: DreamOptions(count: count, seed: seed))
        var lines: [String] = []
        for dream in dreams {
            lines.append("\(dream.program)   (log prior \(String(format: "%.2f", dream.logPrior)), on the inputs of \(dream.inputsFrom))")
            for example in dream.task.examples.prefix(show) {
                lines.append("  \(example.inputs.map(\.description).joined(separator: ", ")) -> \(example.output)")
            }
        }
        if dreams.count < count {
            lines.append("(\(dreams.count) distinct behaviours found for \(count) requested)")
        }
        print(lines.joined(separator: "\n").escapingControlCharacters(keepingLineBreaks: true))
    }

    private func readTasks(_ files: [String]) throws -> [ExampleTask] {
        var all: [ExampleTask] = []
        for file in files {
            let text = try InputError.readText(file)
            do {
                all += try ExampleTask.readAll(json: text)
            } catch {
                throw InputError(file: file, position: error.position, message: error.isSchemaError ? error.description : error.message)
            }
        }
        return all
    }

    /// Dreams of a SyGuS run: programs of each problem's grammar extended with the run's library.
    private func dreamSyGuS(_ files: [String], grammar: Grammar) throws {
        var problems: [(name: String, problem: SyGuSProblem)] = []
        for file in files {
            let text = try InputError.readText(file)
            do {
                let problem = try SyGuSProblem(parsing: text)
                problems.append((URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, problem.extended(with: grammar).problem))
            } catch {
                throw InputError(file: file, position: error.position, message: error.message)
            }
        }
        let dreams = SyGuSDream.dreams(over: problems, grammar: grammar, count: count, seed: seed)
        var lines: [String] = []
        for dream in dreams {
            guard let source = problems.first(where: { dream.task.hasSuffix("(\($0.name))") })?.problem else { continue }
            lines.append("\(source.text(of: dream.body, function: 0))   (\(dream.task))")
            let evaluator = ExpressionEvaluator(definitions: source.definitions)
            for example in source.featureExamples.prefix(show) {
                guard let output = try? evaluator.evaluate(dream.body, variables: [], parameters: example.inputs) else { continue }
                lines.append("  \(example.inputs.map(\.description).joined(separator: ", ")) -> \(output)")
            }
        }
        if dreams.count < count {
            lines.append("(\(dreams.count) distinct behaviours found for \(count) requested)")
        }
        print(lines.joined(separator: "\n").escapingControlCharacters(keepingLineBreaks: true))
    }
}
