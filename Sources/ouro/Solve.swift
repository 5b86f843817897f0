import ArgumentParser
import Domain
import Domains
import Foundation
import Language
import Ranking
import Synthesis

/// `ouro solve FILE...`: synthesizes and prints a verified answer for each problem file.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Synthesize a verified answer for each problem file.",
        discussion: """
            FILE is a SyGuS file (.sl), a JSON task file (.json), a folder (its .sl and .json files and \
            those of its subfolders) or - (standard input; JSON if it starts with [ or {). One SyGuS \
            file: prints the answer in the response form of the SyGuS language standard 2.1, a \
            parenthesised list of define-funs, one per line (--bare: the define-funs alone), \
            `infeasible` when no function meets the constraints, or `unknown` followed by the reason \
            after a `;` (timeout; the search bank's memory limit; every program up to the cost bound \
            tried; not supported: what). Several files are solved in parallel, each result labelled by \
            its file, and the batch ends with `solved K/N`. A file that does not read is reported \
            (FILE:LINE:COLUMN: message) and the others are solved. With --json, one JSON object per \
            line and task. Exit status: 2 if a file did not read, else 3 if a task ran out of time, \
            else 4 if a task has no answer for another reason, else 0.
            """
    )

    @Argument(help: "Problem files (SyGuS .sl, JSON task files), folders of them, or - for standard input.")
    var files: [String]

    @OptionGroup var limits: SearchOptions

    @OptionGroup var grammarOption: GrammarOption

    @OptionGroup var seedOption: SeedOption

    @OptionGroup var output: JSONOption

    @Flag(help: "Report each counterexample round and the options a file sets but Ouroboros ignores, on standard error.")
    var verbose = false

    @Flag(help: "Print a SyGuS answer as its define-funs alone, one per line, without the enclosing parentheses of the standard's response.")
    var bare = false

    @Option(help: "A ranking model (from `ouro train`) that sets each task's grammar weights from its examples or specification; needs --grammar, its base. For SyGuS files the model's search gets half the timeout; if it finds nothing, the rest goes to a search with --grammar's own weights.")
    var model: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("How many programs each JSON task's frontier keeps, 1 ≤ K ≤ 1000.", valueName: "K"),
            transform: { try CommandLineNumber.integer($0, in: 1...1_000) })
    var frontier = Defaults.frontierSize

    @Option(help: "Search: auto (bottom-up for SyGuS files, top-down for JSON tasks), bottomup or topdown.")
    var search: SearchChoice = .auto

    enum SearchChoice: String, ExpressibleByArgument {
        case auto, bottomup, topdown
    }

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one problem file or folder.") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be read only once.") }
        if model != nil && grammarOption.grammar == nil {
            throw ValidationError("--model needs --grammar: the grammar the model was trained against (`ouro train --grammar-out`).")
        }
    }

    func run() throws {
        // Read every file first: bad input is reported before any search starts, and the
        // files that read are solved all the same.
        let taskGrammar = try grammarOption.grammar.map(readGrammar)
        let (work, unread) = try readWork(grammar: taskGrammar)
        let timeout = limits.timeout(default: 10)
        var options = SynthesisOptions()
        options.timeout = .milliseconds(Int(timeout * 1000))
        options.memoryLimit = limits.memoryBytes
        options.seed = seedOption.seed
        if verbose {
            options.trace = { line in printError(line) }
            for item in work { if case .sygus(let file, let problem) = item, !problem.ignoredOptions.isEmpty { printError("\(file): ignored \(problem.ignoredOptions.joined(separator: ", "))") } }
        }
        let synthesizer = Synthesizer(options: options)
        var taskSolver = ExampleTaskSolver()
        taskSolver.timeout = options.timeout
        taskSolver.frontierSize = frontier
        taskSolver.memoryLimit = options.memoryLimit
        let solver = taskSolver
        let lambdaGrammar = taskGrammar
        let ranker = try model.map(loadRanker)
        let report = SolveReport(json: output.json, labelled: work.count > 1 || unread > 0, bare: bare)
        let runDeadline = limits.runDeadline()
        let outcomes = ParallelWork.run(count: work.count, jobs: limits.jobs) { index, board -> SolveReport.Outcome in
            switch work[index] {
            case .sygus(let file, let problem):
                // With a model, half the time goes to the grammar's own weights if the model's search finds nothing.
                let result = lambdaGrammar.map { grammar in
                    synthesizer.solve(problem, grammar: grammar, ranker: ranker, fallback: ranker == nil ? nil : grammar, runDeadline: runDeadline)
                } ?? synthesizer.solve(problem, runDeadline: runDeadline)
                return report.print(file: file, problem: problem, result: result)
            case .examples(let file, let task):
                var grammar = lambdaGrammar!
                if let ranker { grammar = ranker.grammar(for: TaskFeatures.vector(of: task), base: grammar) }
                return report.print(file: file, result: solver.solve(task, grammar: grammar, runDeadline: runDeadline, board: board))
            case .overLimit(let file, let reason, let timedOut):
                return report.print(file: file, unreadable: reason, timedOut: timedOut)
            }
        }
        let hasJSON = work.contains { if case .sygus = $0 { return false } else { return true } }
        if !output.json && !work.isEmpty && (work.count > 1 || unread > 0 || hasJSON) {
            let notRead = unread == 0 ? "" : "; \(unread) file\(unread == 1 ? "" : "s") not read"
            print("solved \(outcomes.filter { $0 == .solved }.count)/\(outcomes.count)\(notRead)")
        }
        if let runTimeout = limits.runTimeout, let runDeadline, ContinuousClock.now >= runDeadline {
            printError("the run's time limit of \(String(format: "%g", runTimeout)) s (--run-timeout) was reached")
        }
        if unread > 0 { throw ExitCode(ExitStatus.badInput) }
        if outcomes.contains(.timedOut) { throw ExitCode(ExitStatus.noAnswer) }
        if outcomes.contains(.noAnswer) { throw ExitCode(ExitStatus.unanswered) }
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
