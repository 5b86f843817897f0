import ArgumentParser
import Foundation
import Grammar

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

    @Argument(help: "Grammar files (*.grammar), SyGuS problem files (*.sl) and JSON task files (*.json).")
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
        if file.hasSuffix(".sl") { return try TaskFiles.sygus(text, file: file).summary }
        if file.hasSuffix(".json") {
            let tasks = try TaskFiles.examples(text, file: file)
            let names = tasks.prefix(3).map(\.name).joined(separator: ", ") + (tasks.count > 3 ? ", …" : "")
            return "\(tasks.count) task\(tasks.count == 1 ? "" : "s") (\(names))"
        }
        guard file.hasSuffix(".grammar") else {
            throw InputError(file: file, position: nil, message: "unknown kind of file; expected a .grammar, .sl or .json file")
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
