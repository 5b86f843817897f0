import ArgumentParser
import Foundation
import Synthesis
import Tasks

/// `ouro solve FILE...`: synthesizes and prints a verified answer for each problem file.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Synthesize a verified answer for each problem file.",
        discussion: """
            One file: prints the answer in SyGuS answer form, `infeasible` when the constraints \
            cannot be met, or `unknown` (exit 3) when no answer was found in time. Several files are \
            solved in parallel and each result is labelled by its file. With --json, one JSON object \
            per line and file.
            """
    )

    @Argument(help: "Problem files (SyGuS-IF .sl).")
    var files: [String]

    @Option(help: "Wall-time limit per file, in seconds.")
    var timeout: Double = 10

    @Option(help: "Files solved in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("memory"), help: "Memory bound of each search bank, in MiB.")
    var memoryMiB: Int = 1024

    @Flag(help: "Print one JSON object per line and file.")
    var json = false

    @Flag(help: "Report each counterexample round and the options a file sets but Ouroboros ignores, on standard error.")
    var verbose = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one problem file.") }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if memoryMiB < 16 { throw ValidationError("--memory must be at least 16 MiB.") }
    }

    func run() throws {
        // Read every file first, so bad input is reported before any search starts.
        var problems: [(file: String, problem: SyGuSProblem)] = []
        for file in files {
            let text = try InputError.readText(file)
            do {
                problems.append((file, try SyGuSProblem(parsing: text)))
            } catch {
                throw InputError(file: file, position: error.position, message: error.message)
            }
        }
        var options = SynthesisOptions()
        options.timeout = .milliseconds(Int(timeout * 1000))
        options.memoryLimit = memoryMiB << 20
        if verbose {
            options.trace = { line in printError(line) }
            for (file, problem) in problems where !problem.ignoredOptions.isEmpty {
                printError("\(file): ignored \(problem.ignoredOptions.joined(separator: ", "))")
            }
        }
        let synthesizer = Synthesizer(options: options)
        let loaded = problems
        let report = SolveReport(json: json, labelled: files.count > 1)
        let unsolved = ParallelWork.run(count: problems.count, jobs: jobs) { index in
            let (file, problem) = loaded[index]
            let result = synthesizer.solve(problem)
            report.print(file: file, problem: problem, result: result)
            if case .unknown = result.status { return true }
            return false
        }
        if unsolved.contains(true) { throw ExitCode(ExitStatus.noAnswer) }
    }
}
