import ArgumentParser
import Bootstrap
import Compression
import Foundation
import Grammar
import Language

/// `ouro compress CORPUS`: learns abstractions from a corpus of programs and rewrites it.
struct Compress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Learn abstractions that compress a corpus of programs.",
        discussion: """
            CORPUS is a JSON array of program strings (Stitch's format) or a text file with one \
            program per line: (lam BODY) or (lambda BODY), de Bruijn variables $0 (innermost), \
            curried applications (f a b); every other atom is an opaque primitive name. Prints \
            each abstraction (#0 is its first argument: body (foo #0 #1) used as (fn_0 a b) \
            means (foo a b)), the cost before and after (100 per primitive or variable, 1 per \
            application or lambda) and the compression ratio. With --json, one object shaped \
            like stitch-core's result. With --grammar, the corpus holds programs of that grammar: \
            each is type-checked, every abstraction gets its inferred type, and --library writes \
            the grammar with the abstractions as `define`s and weights refitted to the rewritten \
            corpus.
            """
    )

    @Argument(help: "The corpus file.")
    var corpus: String

    @Option(parsing: .unconditional, help: ArgumentHelp("How many abstractions to learn, 0 ≤ N ≤ 10000 (fewer when none compresses).", valueName: "N"),
            transform: { try CommandLineNumber.integer($0, in: 0...10_000) })
    var iterations = 10

    @OptionGroup var arityOption: ArityOption

    /// `--json`: one object, original_cost, final_cost, compression_ratio, abstractions, rewritten.
    @OptionGroup var format: JSONOption

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the rewritten corpus here, in the corpus's own format.", discussion: OutputFile.optionDiscussion))
    var output: String?

    /// The former spelling of --output, kept for scripts.
    @Option(name: .customLong("out"), help: .hidden)
    var out: String?

    @Flag(help: ArgumentHelp(OutputFile.forceHelp))
    var force = false

    /// The grammar the corpus's programs belong to (typed library learning).
    @OptionGroup var grammarOption: GrammarOption

    private var grammar: String? { grammarOption.grammar }

    @Option(help: "With --grammar: write the grammar extended with the learned abstractions here.")
    var library: String?

    func validate() throws {
        if library != nil && grammar == nil { throw ValidationError("--library needs --grammar.") }
        if output != nil && out != nil { throw ValidationError("Give -o/--output once (--out is its former name).") }
    }

    func run() throws {
        let text = try InputError.readText(corpus)
        let options = CompressionOptions(iterations: iterations, maximumArity: arityOption.arity)
        let result: CompressionResult
        let rewritten: [String]
        var types: [String: TypeExpr] = [:]
        if let grammar {
            let learning = try learnLibrary(text: text, grammarFile: grammar, options: options)
            result = learning.compression
            rewritten = learning.rewritten.map(\.program.description)
            for abstraction in learning.abstractions { types[abstraction.name] = abstraction.type }
            if let note = learning.note { printError("\(corpus): \(note)") }
            if let library {
                try write(learning.grammar.fileText, to: library)
            }
        } else {
            let programs: Corpus
            do {
                programs = try Corpus(parsing: text)
            } catch {
                throw InputError(file: corpus, position: error.position, message: error.message)
            }
            result = try Compression.compress(programs.programs, options: options)
            rewritten = result.rewritten.map(\.description)
        }

        if let out = output ?? out {
            try write(Corpus.isJSON(text) ? jsonText(rewritten) + "\n" : rewritten.map { $0 + "\n" }.joined(), to: out)
        }
        print(format.json ? jsonReport(result, rewritten: rewritten, types: types) : textReport(result, types: types).escapingControlCharacters(keepingLineBreaks: true))
    }

    /// Reads the corpus as typed programs of the grammar and learns a library from them.
    private func learnLibrary(text: String, grammarFile: String, options: CompressionOptions) throws -> LibraryLearning {
        let grammar = try readGrammar(grammarFile)
        let table = grammar.primitiveTable
        let corpus: [WeightedProgram]
        do {
            corpus = try Corpus.read(text) { source throws(SyntaxError) in
                let program = try Program(parsing: source, primitives: table)
                do {
                    return WeightedProgram(program: program, request: try program.inferType(), weight: 1)
                } catch {
                    throw SyntaxError("ill-typed program: \(error)", at: SourcePosition(line: 1, column: 1))
                }
            }
        } catch {
            throw InputError(file: self.corpus, position: error.position, message: error.message)
        }
        return try LibraryLearning(corpus: corpus, grammar: grammar, options: options)
    }

    private func write(_ text: String, to file: String) throws(OutputFileError) {
        let inputs = [(corpus, "the corpus this command reads")] + (grammar.map { [($0, "the grammar this command reads")] } ?? [])
        try OutputFile.write(Data(text.utf8), to: file, force: force, inputs: inputs)
    }

    private func textReport(_ result: CompressionResult, types: [String: TypeExpr]) -> String {
        var lines: [String] = []
        for abstraction in result.abstractions {
            let type = types[abstraction.name].map { " : \($0)" } ?? ""
            lines.append("\(abstraction.name)\(type) (arity \(abstraction.arity), \(abstraction.uses) uses, utility \(abstraction.utility)): \(abstraction.body)")
        }
        if result.abstractions.isEmpty { lines.append("no abstraction compresses this corpus") }
        lines.append("cost \(result.originalCost) -> \(result.finalCost), compression ratio \(String(format: "%.4f", result.compressionRatio))")
        return lines.joined(separator: "\n")
    }

    private func jsonReport(_ result: CompressionResult, rewritten: [String], types: [String: TypeExpr]) -> String {
        let object: [String: Any] = [
            "original_cost": result.originalCost,
            "final_cost": result.finalCost,
            "compression_ratio": result.compressionRatio,
            "abstractions": result.abstractions.map { abstraction -> [String: Any] in
                var object: [String: Any] = [
                    "name": abstraction.name, "arity": abstraction.arity, "body": abstraction.body.description,
                    "uses": abstraction.uses, "utility": abstraction.utility,
                ]
                if let type = types[abstraction.name] { object["type"] = type.description }
                return object
            },
            "rewritten": rewritten,
        ]
        return JSONOption.line(object)
    }

    private func jsonText(_ strings: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: strings, options: [.withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

