import ArgumentParser
import Foundation
import Grammar
import Language
import Learning
import Tasks

/// `ouro dream --grammar G --tasks FILE...`: programs sampled from a grammar, with what they do.
struct DreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dream",
        abstract: "Sample programs from a grammar and show what they do.",
        discussion: """
            Each dream is a program sampled from the grammar at the type of a task drawn from \
            the task files, run on that task's inputs. Programs that fail, or give every input \
            the same output, are dropped, and of programs that behave alike only the most \
            probable is kept. Prints each program, its log prior, the task whose inputs it ran \
            on and its first outputs.
            """
    )

    @Option(help: "The grammar to sample from.")
    var grammar: String

    @Option(parsing: .upToNextOption, help: "JSON task files whose types and inputs the dreams use.")
    var tasks: [String]

    @Option(help: "How many dreams.")
    var count = 10

    @Option(help: "Seed of the sampler.")
    var seed: UInt64 = 1

    @Option(help: "Examples shown per dream.")
    var show = 3

    func validate() throws {
        if tasks.isEmpty { throw ValidationError("Give --tasks: JSON task files whose inputs the dreams run on.") }
        if count < 1 { throw ValidationError("--count must be at least 1.") }
    }

    func run() throws {
        let parsed = try readGrammar(grammar)
        var all: [ExampleTask] = []
        for file in tasks {
            let text = try InputError.readText(file)
            do {
                all += try ExampleTask.readAll(json: text)
            } catch {
                throw InputError(file: file, position: error.position, message: error.isSchemaError ? error.description : error.message)
            }
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
        print(lines.joined(separator: "\n"))
    }
}
