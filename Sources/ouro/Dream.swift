import ArgumentParser
import Domain
import Domains
import Foundation
import Grammar

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

    @Option(parsing: .unconditional, help: ArgumentHelp("With a run store: the round whose grammar to dream from, 0 ≤ K ≤ 1000000 (default: the latest).", valueName: "K"),
            transform: { try CommandLineNumber.integer($0, in: 0...1_000_000) })
    var round: Int?

    @OptionGroup var grammarOption: GrammarOption

    @Option(parsing: .upToNextOption, help: "Task files of any domain (.json, .sl, .seq) whose types and inputs the dreams use.")
    var tasks: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("How many dreams, 1 ≤ N ≤ 1000000.", valueName: "N"),
            transform: { try CommandLineNumber.integer($0, in: 1...1_000_000) })
    var count = 10

    @OptionGroup var seedOption: SeedOption

    @Option(parsing: .unconditional, help: ArgumentHelp("Examples shown per dream, 0 ≤ N ≤ 1000.", valueName: "N"),
            transform: { try CommandLineNumber.integer($0, in: 0...1_000) })
    var show = 3

    @OptionGroup var output: JSONOption

    private var grammar: String? { grammarOption.grammar }
    private var seed: UInt64 { seedOption.seed }

    func validate() throws {
        if runStore != nil && (grammar != nil || !tasks.isEmpty) { throw ValidationError("Give a run store, or --grammar and --tasks, not both.") }
        if runStore == nil && (grammar == nil || tasks.isEmpty) {
            throw ValidationError("Give --grammar and --tasks (task files whose inputs the dreams run on), or a run store.")
        }
        if runStore == nil && round != nil { throw ValidationError("--round applies to a run store.") }
    }

    func run() throws {
        let parsed: Grammar
        var files = tasks
        var keeping: Set<String>?
        if let runStore {
            let (store, _, roundGrammar) = try RunGrammar.read(runStore, round: round)
            parsed = roundGrammar
            let train = try store.tasks().filter { $0.split == .train }
            files = Array(Set(train.map(\.file))).sorted()
            keeping = Set(train.map(\.name))
        } else {
            parsed = try readGrammar(grammar!)
        }
        let sets: [TaskSet]
        do {
            sets = try TaskSet.read(files, domains: Domains.all, text: InputError.readText)
        } catch let failure as TaskSetError {
            throw InputError(file: failure.file, position: failure.error.position, message: failure.error.message)
        }
        var dreams: [DreamExample] = []
        for (index, set) in sets.enumerated() {
            let share = count / sets.count + (index < count % sets.count ? 1 : 0)
            dreams += set.dreams(of: parsed, count: share, seed: seed, keeping: keeping)
        }
        var lines: [String] = []
        for dream in dreams {
            let examples = dream.examples.prefix(show).map { (inputs: $0.inputs.map(\.description), output: $0.output.description) }
            if output.json {
                lines.append(Self.jsonLine(program: dream.program, logPrior: dream.logPrior, task: dream.origin, examples: examples))
                continue
            }
            let prior = dream.logPrior.map { "log prior \(String(format: "%.2f", $0)), on the inputs of " } ?? ""
            lines.append("\(dream.program)   (\(prior)\(dream.origin))")
            for example in examples {
                lines.append("  \(example.inputs.joined(separator: ", ")) -> \(example.output)")
            }
        }
        if dreams.count < count && !output.json {
            lines.append("(\(dreams.count) distinct behaviours found for \(count) requested)")
        }
        print(lines.joined(separator: "\n").escapingControlCharacters(keepingLineBreaks: true))
    }

    /// A dream as one line of JSON: its program, log prior (when known), the task whose
    /// inputs it ran on, and its first examples.
    static func jsonLine(program: String, logPrior: Double?, task: String, examples: [(inputs: [String], output: String)]) -> String {
        JSONOption.line([
            "program": program, "logPrior": logPrior.map { ($0 * 1000).rounded() / 1000 } ?? NSNull(), "task": task,
            "examples": examples.map { ["inputs": $0.inputs, "output": $0.output] },
        ] as [String: Any])
    }
}
