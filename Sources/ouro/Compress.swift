import ArgumentParser
import Foundation
import Language
import Learning

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
            like stitch-core's result.
            """
    )

    @Argument(help: "The corpus file.")
    var corpus: String

    @Option(help: "How many abstractions to learn (fewer when none compresses).")
    var iterations = 10

    @Option(name: .customLong("max-arity"), help: "The most arguments an abstraction may take.")
    var maximumArity = 3

    @Flag(help: "Print one JSON object: original_cost, final_cost, compression_ratio, abstractions, rewritten.")
    var json = false

    @Option(help: "Write the rewritten corpus here, in the corpus's own format.")
    var out: String?

    func validate() throws {
        if iterations < 0 { throw ValidationError("--iterations must be 0 or more.") }
        if maximumArity < 0 { throw ValidationError("--max-arity must be 0 or more.") }
    }

    func run() throws {
        let text = try InputError.readText(corpus)
        let programs: Corpus
        do {
            programs = try Corpus(parsing: text)
        } catch {
            throw InputError(file: corpus, position: error.position, message: error.message)
        }
        let options = CompressionOptions(iterations: iterations, maximumArity: maximumArity)
        let result = try Compression.compress(programs.programs, options: options)

        if let out {
            let lines = result.rewritten.map(\.description)
            let isJSON = text.first { !$0.isWhitespace } == "["
            let written = isJSON ? jsonText(lines) + "\n" : lines.map { $0 + "\n" }.joined()
            do {
                try written.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw InputError(file: out, message: "cannot be written: \(error.localizedDescription)")
            }
        }
        print(json ? jsonReport(result) : textReport(result))
    }

    private func textReport(_ result: CompressionResult) -> String {
        var lines: [String] = []
        for abstraction in result.abstractions {
            lines.append("\(abstraction.name) (arity \(abstraction.arity), \(abstraction.uses) uses, utility \(abstraction.utility)): \(abstraction.body)")
        }
        if result.abstractions.isEmpty { lines.append("no abstraction compresses this corpus") }
        lines.append("cost \(result.originalCost) -> \(result.finalCost), compression ratio \(String(format: "%.4f", result.compressionRatio))")
        return lines.joined(separator: "\n")
    }

    private func jsonReport(_ result: CompressionResult) -> String {
        let object: [String: Any] = [
            "original_cost": result.originalCost,
            "final_cost": result.finalCost,
            "compression_ratio": result.compressionRatio,
            "abstractions": result.abstractions.map { abstraction -> [String: Any] in
                [
                    "name": abstraction.name, "arity": abstraction.arity, "body": abstraction.body.description,
                    "uses": abstraction.uses, "utility": abstraction.utility,
                ]
            },
            "rewritten": result.rewritten.map(\.description),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private func jsonText(_ strings: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: strings, options: [.withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

