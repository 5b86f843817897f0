import ArgumentParser
import Bootstrap
import Compression
import Foundation
import Grammar
import Language

/// `ouro library FILE.grammar` or `ouro library RUN`: the learned abstractions of a grammar or
/// of a bootstrap run's round, readable.
struct Library: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the abstractions a grammar file or a bootstrap run defines.",
        discussion: """
            For each `define`: its name, type, log weight, its body over arguments #0 … (as \
            `ouro compress` prints it) and the closed λ-body the file holds. With --corpus \
            (programs that use the abstractions by name, such as `ouro compress -o` writes), \
            also how many times the corpus uses each and how much it saves: the growth of the \
            corpus's cost (100 per leaf, 1 per application or lambda) if it were inlined. Given \
            a run store (from `ouro bootstrap`), shows the library a round searched with (--round, \
            default the latest) with the round each abstraction was learned for and its uses and \
            utility then; -o/--output writes that library as a grammar file `--grammar` accepts.
            """
    )

    @Argument(help: "A grammar file, a bundled grammar's name (lists, bitvec, lia, strings), or a run store from `ouro bootstrap`.")
    var grammar: String

    @Option(parsing: .unconditional, help: ArgumentHelp("With a run store: the round whose library to show, 0 ≤ K ≤ 1000000 (default: the latest).", valueName: "K"),
            transform: { try CommandLineNumber.integer($0, in: 0...1_000_000) })
    var round: Int?

    @OptionGroup var format: JSONOption

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the library shown as a grammar file.", discussion: OutputFile.optionDiscussion))
    var output: String?

    /// The former spelling of --output, kept for scripts.
    @Option(name: .customLong("export"), help: .hidden)
    var export: String?

    @Flag(help: ArgumentHelp(OutputFile.forceHelp))
    var force = false

    @Option(help: "A corpus using the abstractions (JSON array of program strings, or one per line).")
    var corpus: String?

    func validate() throws {
        if output != nil && export != nil { throw ValidationError("Give -o/--output once (--export is its former name).") }
    }

    func run() throws {
        var learnedIn: [String: StoredAbstraction] = [:]
        let parsed: Grammar
        if grammar.hasSuffix(".grammar") || BundledGrammars.text(named: grammar) != nil {
            if round != nil { throw ValidationError("--round applies to a run store, not a grammar file.") }
            parsed = try readGrammar(grammar)
        } else {
            (parsed, learnedIn) = try library(ofRun: grammar)
        }
        if let output = output ?? export {
            let inputs = [(grammar, "the grammar or run store this command reads")] + (corpus.map { [($0, "the corpus this command reads")] } ?? [])
            try OutputFile.write(Data(parsed.fileText.utf8), to: output, force: force, inputs: inputs)
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
        if format.json {
            print(JSONOption.line([
                "grammar": parsed.name ?? NSNull(), "primitives": parsed.primitives.count,
                "abstractions": entries.map { entry -> [String: Any] in
                    let stored = learnedIn[entry.name]
                    return [
                        "name": entry.name, "type": entry.type.description, "logWeight": (entry.logWeight * 1000).rounded() / 1000,
                        "pattern": entry.pattern.description, "body": entry.body.description,
                        "learnedForRound": stored?.round ?? NSNull(), "uses": stored?.uses ?? NSNull(), "utility": stored?.utility ?? NSNull(),
                        "corpusUses": entry.uses ?? NSNull(), "savings": entry.savings ?? NSNull(),
                    ]
                },
            ] as [String: Any]))
            return
        }
        var lines = ["grammar \(parsed.name ?? "(unnamed)"): \(parsed.primitives.count) primitives, \(entries.count) abstractions"]
        for entry in entries {
            lines.append("")
            lines.append("\(entry.name) : \(entry.type)   (log weight \(String(format: "%.3f", entry.logWeight)))")
            lines.append("  \(entry.pattern)")
            lines.append("  = \(entry.body)")
            if let stored = learnedIn[entry.name] {
                lines.append("  learned for round \(stored.round): \(stored.uses) uses, utility \(stored.utility)")
            }
            if let uses = entry.uses, let savings = entry.savings {
                lines.append("  used \(uses) times in \(corpus ?? ""), saves \(savings)")
            }
        }
        print(lines.joined(separator: "\n").escapingControlCharacters(keepingLineBreaks: true))
    }

    /// The grammar a run's round searched with, and its abstractions as the store recorded them.
    private func library(ofRun file: String) throws -> (Grammar, [String: StoredAbstraction]) {
        let (store, chosen, parsed) = try RunGrammar.read(file, round: round)
        var stored: [String: StoredAbstraction] = [:]
        for abstraction in try store.abstractions(upTo: chosen) { stored[abstraction.name] = abstraction }
        return (parsed, stored)
    }
}

/// The grammar a bootstrap run's round searched with, for the commands that read runs.
enum RunGrammar {
    /// Opens the run store `file` and reads the grammar of `round` (default: the latest round
    /// that has one; round 0 is the starting grammar).
    static func read(_ file: String, round: Int?) throws -> (store: RunStore, round: Int, grammar: Grammar) {
        let store = try RunStore(path: file, access: .readOnly)
        let finished = try store.finishedRounds()
        var chosen = round ?? finished.count
        var text: String? = chosen > 0 ? try store.grammarText(round: chosen) : nil
        let place: String
        if round == nil {
            while text == nil && chosen > 0 {
                chosen -= 1
                text = chosen > 0 ? try store.grammarText(round: chosen) : nil
            }
        }
        if text == nil {
            guard chosen == 0, let start = try store.settings()["grammar"] else {
                throw InputError(file: file, message: "round \(chosen) has no library yet (\(finished.count) rounds finished)")
            }
            text = start
            place = "table settings, key grammar (the starting grammar)"
        } else {
            place = "table grammars, round \(chosen)"
        }
        do {
            return (store, chosen, try Grammar(parsing: text!))
        } catch {
            throw InputError(file: file, message: "the run store is damaged: \(place): the grammar does not read: \(error)")
        }
    }
}
