import ArgumentParser
import Foundation
import Grammar
import Language
import Tasks

/// `ouro check FILE...`: validates grammar files and SyGuS problem files, printing each error
/// as `FILE:LINE:COLUMN: message`.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate grammar and problem files.",
        discussion: "Prints one line per file: what it holds, or FILE:LINE:COLUMN: the first error. Exits 2 if any file is bad."
    )

    @Argument(help: "Grammar files (*.grammar) and SyGuS problem files (*.sl).")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file to check.") }
    }

    func run() throws {
        var failed = false
        for file in files {
            do {
                print(try summary(of: file))
            } catch {
                printError(error.description)
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.badInput) }
    }

    private func summary(of file: String) throws(InputError) -> String {
        let text = try InputError.readText(file)
        if file.hasSuffix(".sl") {
            do {
                return "\(file): ok, \(try SyGuSProblem(parsing: text).summary)"
            } catch {
                throw InputError(file: file, position: error.position, message: error.message)
            }
        }
        guard file.hasSuffix(".grammar") else {
            throw InputError(file: file, position: nil, message: "unknown kind of file; expected a .grammar or .sl file")
        }
        do {
            let grammar = try Grammar(parsing: text)
            return "\(file): ok, grammar \(grammar.name ?? "(unnamed)") with \(grammar.primitives.count) primitives and \(grammar.abstractions.count) abstractions"
        } catch {
            throw InputError(file: file, position: error.position, message: error.message)
        }
    }
}
