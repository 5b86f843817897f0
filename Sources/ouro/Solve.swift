import ArgumentParser
import Domain
import Foundation
import Language
import Ranking

/// `ouro solve FILE...`: synthesizes and prints a verified answer for each problem file.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Synthesize a verified answer for each problem file.",
        discussion: """
            FILE is a task file of any domain (a SyGuS file .sl, a JSON task file .json, a sequence file \
            .seq), a folder (every such file in it and its subfolders) or - (standard input; JSON if it \
            starts with [ or {, else SyGuS). One SyGuS \
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

    @Argument(help: "Task files (SyGuS .sl, JSON task files .json, sequence files .seq), folders of them, or - for standard input.")
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

    @OptionGroup var frontierOption: FrontierOption

    @Option(help: "Search: auto (each domain's own: bottom-up for SyGuS files, top-down for JSON tasks and sequences), bottomup or topdown.")
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
        let grammar = try grammarOption.grammar.map(readGrammar)
        let (work, unread) = try readWork(grammar: grammar)
        let ranker = try model.map(loadRanker)
        // With a model, a search that finds nothing gives the rest of the time to the grammar's own weights.
        let guidance = Guidance(grammar: grammar, model: ranker, fallback: ranker == nil ? nil : grammar)
        var budget = Budget(timeout: .milliseconds(Int(limits.timeout(default: 10) * 1000)), memoryLimit: limits.memoryBytes,
                            frontierSize: frontierOption.size, runDeadline: limits.runDeadline())
        budget.seed = seedOption.seed
        if verbose {
            budget.trace = { line in printError(line) }
            for case .task(let file, let set, let index) in work where !set.ignoredSettings[index].isEmpty {
                printError("\(file): ignored \(set.ignoredSettings[index].joined(separator: ", "))")
            }
        }
        let report = SolveReport(json: output.json, labelled: work.count > 1 || unread > 0, bare: bare)
        let searchBudget = budget
        let endings = ParallelWork.run(count: work.count, jobs: limits.jobs) { index, board -> SolveRecord.Ending in
            switch work[index] {
            case .task(let file, let set, let task):
                let style = RecordStyle(file: file, labelled: report.labelled, bare: report.bare)
                return report.print(file: file, set.solve(task, guidance: guidance, budget: searchBudget, board: board, style: style))
            case .overLimit(let file, let reason, let timedOut):
                return report.print(file: file, unreadable: reason, timedOut: timedOut)
            }
        }
        let standalone = work.count == 1 && unread == 0 && work.allSatisfy { if case .task(_, let set, _) = $0 { set.answersInStandardForm } else { false } }
        if !output.json && !work.isEmpty && !standalone {
            let notRead = unread == 0 ? "" : "; \(unread) file\(unread == 1 ? "" : "s") not read"
            print("solved \(endings.filter { $0 == .solved }.count)/\(endings.count)\(notRead)")
        }
        if let runTimeout = limits.runTimeout, let runDeadline = budget.runDeadline, ContinuousClock.now >= runDeadline {
            printError("the run's time limit of \(String(format: "%g", runTimeout)) s (--run-timeout) was reached")
        }
        if unread > 0 { throw ExitCode(ExitStatus.badInput) }
        if endings.contains(.timedOut) { throw ExitCode(ExitStatus.noAnswer) }
        if endings.contains(.noAnswer) { throw ExitCode(ExitStatus.unanswered) }
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
