import ArgumentParser
import Domain
import Domains
import Foundation
import Grammar
import Language

/// `ouro check FILE...`: validates grammar files, SyGuS problem files and JSON task files,
/// printing each error as `FILE:LINE:COLUMN: message`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate grammar, problem and task files.",
        discussion: """
            Prints one line per file: what it holds, or FILE:LINE:COLUMN: the first error. A file \
            that holds nothing to synthesize (empty, no synth-fun, no task) is an error. With --json, \
            one object per file: {"file", "ok", "summary"} or {"file", "ok": false, "error", "line", \
            "column"}. Exits 2 if any file is bad.
            """
    )

    @Argument(help: "Grammar files (*.grammar) and task files of any domain (*.json, *.sl, *.seq).")
    var files: [String]

    @OptionGroup var output: JSONOption

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file to check.") }
    }

    func run() throws {
        var failed = false
        for file in files {
            do {
                let summary = try summary(of: file)
                print(output.json ? JSONOption.line(["file": file, "ok": true, "summary": summary]) : "\(file): ok, \(summary)")
            } catch {
                failed = true
                guard output.json else {
                    printError(error.description)
                    continue
                }
                print(JSONOption.line([
                    "file": file, "ok": false, "error": error.message,
                    "line": error.position?.line ?? NSNull(), "column": error.position?.column ?? NSNull(),
                ] as [String: Any]))
            }
        }
        if failed { throw ExitCode(ExitStatus.badInput) }
    }

    private func summary(of file: String) throws(InputError) -> String {
        let text = try InputError.readText(file)
        if Domains.fileExtensions.contains(where: { file.hasSuffix("." + $0) }) {
            do throws(TaskSetError) {
                return try TaskSet.read(text, file: file, domains: Domains.all, limits: .none).summary
            } catch {
                throw InputError(file: file, position: error.error.position, message: error.error.message)
            }
        }
        guard file.hasSuffix(".grammar") else {
            let kinds = ([".grammar"] + Domains.fileExtensions.map { "." + $0 }).joined(separator: ", ")
            throw InputError(file: file, position: nil, message: "unknown kind of file; expected one of \(kinds)")
        }
        let grammar: Grammar
        do {
            grammar = try Grammar(parsing: text)
        } catch {
            throw InputError(file: file, position: error.position, message: error.message)
        }
        if grammar.productions.isEmpty { throw InputError(file: file, message: "holds no production") }
        return "grammar \(grammar.name ?? "(unnamed)") with \(grammar.primitives.count) primitives and \(grammar.abstractions.count) abstractions"
    }
}
