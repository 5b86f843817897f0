import ArgumentParser
import Foundation
import Synthesis
import Bootstrap
import Grammar
import Language
import Learning
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

    @Option(help: "Wall-time limit per file (per task of a JSON task file), in seconds.")
    var timeout: Double = 10

    @Option(name: .customLong("run-timeout"), help: "Wall-time limit for the whole run, in seconds: tasks still searching then stop, tasks not started are reported unsolved, and the run ends (exit 3).")
    var runTimeout: Double?

    @Option(help: "Files (tasks of JSON task files) solved in parallel; a job with no task left helps a top-down search still under way (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("memory"), help: "Memory bound of each task, in MiB: its examples (a task whose examples, or a JSON file that cannot be read within it, ends unsolved) and its search bank (bottom-up: the bank of programs; a task that reaches it ends unsolved and the run goes on); the top-down search keeps no bank, and a candidate that would build more lists than this runs on the reference evaluator.")
    var memoryMiB: Int = 1024

    @Flag(help: "Print one JSON object per line and file.")
    var json = false

    @Flag(help: "Report each counterexample round and the options a file sets but Ouroboros ignores, on standard error.")
    var verbose = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one problem file.") }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
        if let runTimeout, !(runTimeout > 0) { throw ValidationError("--run-timeout must be a positive number of seconds.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if memoryMiB < 1 { throw ValidationError("--memory must be at least 1 MiB.") }
    }

    @Option(help: "The grammar of JSON task files (required for them), e.g. Grammars/lists.grammar; for SyGuS files, weights for their productions by operator (as `ouro train --grammar-out` writes), which set the bottom-up search's costs, and abstractions offered as extra productions where the file's grammar derives them (as `ouro library RUN --export` writes).")
    var grammar: String?

    @Option(help: "A ranking model (from `ouro train`) that sets each task's grammar weights from its examples or specification; needs --grammar, its base. For SyGuS files the model's search gets half the timeout; if it finds nothing, the rest goes to a search with --grammar's own weights.")
    var model: String?

    @Option(help: "How many programs each JSON task's frontier keeps.")
    var frontier = 5

    @Option(help: "Search: auto (bottom-up for SyGuS files, top-down for JSON tasks), bottomup or topdown.")
    var search: SearchChoice = .auto

    enum SearchChoice: String, ExpressibleByArgument {
        case auto, bottomup, topdown
    }

    /// One unit of work: a SyGuS file, or one task of a JSON task file.
    private enum Work: @unchecked Sendable {
        case sygus(file: String, problem: SyGuSProblem)
        case examples(file: String, task: ExampleTask)
        /// A file that could not be read within a task's time or memory bound: unsolved.
        case overLimit(file: String, reason: String)
    }

    func run() throws {
        // Read every file first, so bad input is reported before any search starts.
        var work: [Work] = []
        var ignored: [(String, [String])] = []
        if model != nil && grammar == nil {
            throw ValidationError("--model needs --grammar: the grammar the model was trained against (`ouro train --grammar-out`).")
        }
        let taskGrammar = try grammar.map(readGrammar)
        let hasJSON = files.contains { $0.hasSuffix(".json") }
        if hasJSON && taskGrammar == nil {
            throw ValidationError("JSON task files need --grammar, e.g. --grammar Grammars/lists.grammar")
        }
        for file in files {
            let text = try InputError.readText(file)
            if file.hasSuffix(".json") {
                guard search != .bottomup else {
                    throw ValidationError("bottom-up search runs on SyGuS files; JSON tasks take --search topdown (the default)")
                }
                do {
                    let limits = ReadingLimits(deadline: .now + .milliseconds(Int(timeout * 1000)), bytes: memoryMiB << 20)
                    for task in try ExampleTask.readAll(json: text, limits: limits) { work.append(.examples(file: file, task: task)) }
                } catch {
                    if error.isOverLimit {
                        work.append(.overLimit(file: file, reason: error.message))
                        continue
                    }
                    throw InputError(file: file, position: error.position, message: error.isSchemaError ? error.description : error.message)
                }
            } else {
                guard search != .topdown else {
                    throw ValidationError("top-down search runs on JSON tasks over λ-programs; SyGuS files take --search bottomup (the default)")
                }
                do {
                    let problem = try SyGuSProblem(parsing: text)
                    work.append(.sygus(file: file, problem: problem))
                    if !problem.ignoredOptions.isEmpty { ignored.append((file, problem.ignoredOptions)) }
                } catch {
                    throw InputError(file: file, position: error.position, message: error.message)
                }
            }
        }
        var options = SynthesisOptions()
        options.timeout = .milliseconds(Int(timeout * 1000))
        options.memoryLimit = memoryMiB << 20
        if verbose {
            options.trace = { line in printError(line) }
            for (file, names) in ignored { printError("\(file): ignored \(names.joined(separator: ", "))") }
        }
        let synthesizer = Synthesizer(options: options)
        var taskSolver = ExampleTaskSolver()
        taskSolver.timeout = options.timeout
        taskSolver.frontierSize = frontier
        taskSolver.memoryLimit = options.memoryLimit
        let solver = taskSolver
        let items = work
        let lambdaGrammar = taskGrammar
        let ranker = try model.map(loadRanker)
        let report = SolveReport(json: json, labelled: items.count > 1)
        let runDeadline = runTimeout.map { ContinuousClock.now + .milliseconds(Int($0 * 1000)) }
        let solved = ParallelWork.run(count: items.count, jobs: jobs) { index, board -> Bool in
            switch items[index] {
            case .sygus(let file, let problem):
                // With a model, half the time goes to the grammar's own weights if the model's search finds nothing.
                let result = lambdaGrammar.map { grammar in
                    synthesizer.solve(problem, grammar: grammar, ranker: ranker, fallback: ranker == nil ? nil : grammar, runDeadline: runDeadline)
                } ?? synthesizer.solve(problem, runDeadline: runDeadline)
                report.print(file: file, problem: problem, result: result)
                if case .unknown = result.status { return false }
                return true
            case .examples(let file, let task):
                var grammar = lambdaGrammar!
                if let ranker { grammar = ranker.grammar(for: TaskFeatures.vector(of: task), base: grammar) }
                let result = solver.solve(task, grammar: grammar, runDeadline: runDeadline, board: board)
                report.print(file: file, result: result)
                return result.solved
            case .overLimit(let file, let reason):
                report.print(file: file, unreadable: reason)
                return false
            }
        }
        if !json, hasJSON {
            print("solved \(solved.filter { $0 }.count)/\(solved.count)")
        }
        if let runTimeout, let runDeadline, ContinuousClock.now >= runDeadline {
            printError("the run's time limit of \(String(format: "%g", runTimeout)) s (--run-timeout) was reached")
        }
        if solved.contains(false) { throw ExitCode(ExitStatus.noAnswer) }
    }
}

/// Reads a ranking model file, or fails with a message naming it.
func loadRanker(_ file: String) throws -> Ranker {
    guard let data = FileManager.default.contents(atPath: file) else {
        throw InputError(file: file, message: FileManager.default.fileExists(atPath: file) ? "cannot be read" : "no such file")
    }
    do {
        return try Ranker(fileData: data)
    } catch {
        throw InputError(file: file, message: error.message)
    }
}
