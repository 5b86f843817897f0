import ArgumentParser
import Bootstrap
import Foundation

/// The `ouro` command-line tool: parses arguments and hands each command to the library.
@main
struct Ouro: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ouro",
        abstract: "A program synthesizer that improves its own search.",
        discussion: """
            Exit codes: 0 success; 2 bad input or usage; 3 no answer found in time; 4 no answer for \
            another reason (a memory limit, every program up to the cost bound tried, something not \
            supported); 1 internal error. Shell completion: `ouro --generate-completion-script bash` \
            (or zsh, fish) prints a script to install.
            """,
        version: OuroVersion.text,
        subcommands: [Check.self, Solve.self, Eval.self, Compress.self, Library.self, Train.self, DreamCommand.self, BootstrapCommand.self, Results.self, History.self, Report.self]
    )

    /// Runs the command; usage errors exit with 2 (bad input), as every command's do.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InputError {
            printError(error.description)
            Foundation.exit(ExitStatus.badInput)
        } catch let error as RunStoreError {
            // An unreadable, damaged or busy run store, or a failed write (rolled back).
            printError(error.description)
            Foundation.exit(ExitStatus.badInput)
        } catch let error as OutputFileError {
            printError(error.description)
            Foundation.exit(ExitStatus.badInput)
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(ExitStatus.badInput)
            }
            exit(withError: error)
        }
    }
}

/// The exit codes every command shares.
enum ExitStatus {
    static let success: Int32 = 0
    static let internalError: Int32 = 1
    static let badInput: Int32 = 2
    /// Some task found no answer because the time ran out (`--timeout`, `--run-timeout`).
    static let noAnswer: Int32 = 3
    /// Some task found no answer for another reason: the search bank's memory limit, every
    /// program up to the cost bound tried, or something the synthesizer does not support.
    static let unanswered: Int32 = 4
}

/// Writes a line to standard error, with control characters from the input (a task name
/// holding a terminal escape, say) escaped.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.escapingControlCharacters(keepingLineBreaks: true) + "\n").utf8))
}
