import ArgumentParser
import Foundation
import Grammar
import Language
import Learning

/// `ouro library FILE.grammar`: the learned abstractions of a grammar, readable.
struct Library: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the abstractions a grammar file defines.",
        discussion: """
            For each `define`: its name, type, log weight, its body over arguments #0 … (as \
            `ouro compress` prints it) and the closed λ-body the file holds. With --corpus \
            (programs that use the abstractions by name, such as `ouro compress --out` writes), \
            also how many times the corpus uses each and how much it saves: the growth of the \
            corpus's cost (100 per leaf, 1 per application or lambda) if it were inlined.
            """
    )

    @Argument(help: "A grammar file.")
    var grammar: String

    @Option(help: "A corpus using the abstractions (JSON array of program strings, or one per line).")
    var corpus: String?

    func run() throws {
        let text = try InputError.readText(grammar)
        let parsed: Grammar
        do {
            parsed = try Grammar(parsing: text)
        } catch {
            throw InputError(file: grammar, position: error.position, message: error.message)
        }
        var programs: [Term]?
        if let corpus {
            do {
                programs = try Corpus(parsing: try InputError.readText(corpus)).programs
            } catch let error as SyntaxError {
                throw InputError(file: corpus, position: error.position, message: error.message)
            }
        }
        let entries = LibraryEntry.library(of: parsed, corpus: programs)
        var lines = ["grammar \(parsed.name ?? "(unnamed)"): \(parsed.primitives.count) primitives, \(entries.count) abstractions"]
        for entry in entries {
            lines.append("")
            lines.append("\(entry.name) : \(entry.type)   (log weight \(String(format: "%.3f", entry.logWeight)))")
            lines.append("  \(entry.pattern)")
            lines.append("  = \(entry.body)")
            if let uses = entry.uses, let savings = entry.savings {
                lines.append("  used \(uses) times in \(corpus ?? ""), saves \(savings)")
            }
        }
        print(lines.joined(separator: "\n"))
    }
}
