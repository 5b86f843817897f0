import ArgumentParser
import Bootstrap
import Foundation
import Grammar
import Tasks

/// `ouro bootstrap DIR --rounds N`: rounds of wake, abstraction sleep and dream sleep, kept in
/// a run store that `--resume` continues.
struct BootstrapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bootstrap",
        abstract: "Run rounds that solve, learn abstractions and train the ranking model.",
        discussion: """
            DIR is a problem set with train/ and test/ folders of JSON task files or SyGuS files (or give \
            --train and --test files or folders). Round 0 searches every task with the starting \
            grammar; each later round first learns from the train tasks' solutions (new \
            abstractions, refitted weights, a ranking model trained on solutions and dreams) and \
            then searches every task again. Test tasks are never learned from. Everything is kept \
            in the run store (--run, default runs/NAME.sqlite); a run that was stopped continues \
            with --resume. Prints one line per round (one JSON object with --json).
            """
    )

    @Argument(help: "A problem set folder with train/ and test/ subfolders.")
    var directory: String?

    @Option(parsing: .upToNextOption, help: "Train task files or folders (instead of DIR).")
    var train: [String] = []

    @Option(parsing: .upToNextOption, help: "Test task files or folders (instead of DIR).")
    var test: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Learning rounds after round 0, 0 ≤ N ≤ 1000: rows 0 … N are reported.", valueName: "N"),
            transform: { try CommandLineNumber.integer($0, in: 0...1_000) })
    var rounds = 3

    @OptionGroup var limits: SearchOptions

    @Option(name: .customLong("run"), help: "The run store (default runs/NAME.sqlite).")
    var runStore: String?

    @OptionGroup var grammarOption: GrammarOption

    @Flag(help: "Continue the run in --run where it stopped.")
    var resume = false

    @OptionGroup var seedOption: SeedOption

    @Option(parsing: .unconditional, help: ArgumentHelp("Abstractions learned per round, 0 ≤ K ≤ 1000 (0: none).", valueName: "K"),
            transform: { try CommandLineNumber.integer($0, in: 0...1_000) })
    var abstractions = 5

    @Option(name: .customLong("max-arity"), parsing: .unconditional, help: ArgumentHelp("The most arguments a learned abstraction may take, 0 ≤ A ≤ 10.", valueName: "A"),
            transform: { try CommandLineNumber.integer($0, in: 0...10) })
    var maximumArity = 3

    @Option(parsing: .unconditional, help: ArgumentHelp("How many programs each task's frontier keeps, 1 ≤ K ≤ 1000.", valueName: "K"),
            transform: { try CommandLineNumber.integer($0, in: 1...1_000) })
    var frontier = 5

    @Flag(name: .customLong("no-ranker"), help: "Do not train or use a ranking model.")
    var noRanker = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Dreams per round for the ranking model, 0 ≤ N ≤ 1000000.", valueName: "N"),
            transform: { try CommandLineNumber.integer($0, in: 0...1_000_000) })
    var dreams = 1_000

    @OptionGroup var output: JSONOption

    func validate() throws {
        if directory == nil && (train.isEmpty || test.isEmpty) { throw ValidationError("Give a problem set folder, or both --train and --test.") }
        if directory != nil && !(train.isEmpty && test.isEmpty) { throw ValidationError("Give a problem set folder or --train/--test, not both.") }
    }

    /// The tasks with a file given twice in one split counted once; a task in both splits is an error.
    static func withoutRepeats(_ tasks: [(file: String, task: BootstrapTask, split: Split)]) throws -> [(file: String, task: BootstrapTask, split: Split)] {
        var splits: [[String]: Split] = [:]
        var kept: [(file: String, task: BootstrapTask, split: Split)] = []
        for item in tasks {
            let key = [URL(fileURLWithPath: item.file).standardizedFileURL.path, item.task.name]
            if let split = splits[key] {
                if split != item.split {
                    throw ValidationError("\(item.file): task \(item.task.name) is given for both the train and the test split; test tasks are never learned from, so a task can be in only one.")
                }
                continue
            }
            splits[key] = item.split
            kept.append(item)
        }
        return kept
    }

    func run() throws {
        let trainPaths = directory.map { [($0 as NSString).appendingPathComponent("train")] } ?? train
        let testPaths = directory.map { [($0 as NSString).appendingPathComponent("test")] } ?? test
        var tasks: [(file: String, task: BootstrapTask, split: Split)] = []
        var problems: [SyGuSProblem] = []
        for (paths, split) in [(trainPaths, Split.train), (testPaths, Split.test)] {
            for file in try TaskFiles.expand(paths) {
                let text = try InputError.readText(file)
                if file.hasSuffix(".sl") {
                    let problem = try TaskFiles.sygus(text, file: file)
                    problems.append(problem)
                    tasks.append((file, .sygus(name: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, problem: problem, source: text), split))
                    continue
                }
                for task in try TaskFiles.examples(text, file: file) { tasks.append((file, .examples(task), split)) }
            }
        }
        if !problems.isEmpty && problems.count != tasks.count {
            throw ValidationError("A run holds JSON task files or SyGuS files, not both.")
        }
        tasks = try Self.withoutRepeats(tasks)
        // SyGuS problems bring their grammars; the run's grammar holds weights (uniform to
        // start) for every operator they offer, and the library.
        let startGrammar = problems.isEmpty || grammarOption.grammar != nil
            ? try readGrammar(grammarOption.grammar ?? "Grammars/lists.grammar")
            : Grammar.fitted(to: [], offering: problems, name: "sygus")
        let name = URL(fileURLWithPath: directory ?? trainPaths[0]).standardized.lastPathComponent
        let runFile = runStore ?? "runs/\(name).sqlite"
        if FileManager.default.fileExists(atPath: runFile) && !resume {
            throw ValidationError("\(runFile) already holds a run: continue it with --resume, or choose another --run.")
        }
        if resume && !FileManager.default.fileExists(atPath: runFile) {
            throw ValidationError("--resume: \(runFile) does not exist.")
        }
        let store: RunStore
        do {
            store = try RunStore(path: runFile)
        } catch {
            throw InputError(file: runFile, message: error.message)
        }
        var settings = BootstrapSettings(rounds: rounds, timeout: limits.timeout(default: 5), jobs: limits.jobs, seed: seedOption.seed)
        settings.abstractionsPerRound = abstractions
        settings.maximumArity = maximumArity
        settings.frontierSize = frontier
        settings.useRanker = !noRanker
        settings.dreams = dreams
        let bootstrap: BootstrapRun
        do {
            bootstrap = try BootstrapRun(store: store, settings: settings, tasks: tasks, grammar: startGrammar)
        } catch let error as BootstrapError {
            throw InputError(file: runFile, message: error.message)
        } catch let error as RunStoreError {
            throw InputError(file: runFile, message: error.message)
        }
        do {
            for summary in try store.finishedRounds() { printRound(summary) }
        } catch {
            throw InputError(file: runFile, message: error.message)
        }
        let json = output.json
        let progress = ProgressLine(interactive: isatty(STDERR_FILENO) == 1)
        let runDeadline = limits.runDeadline()
        let outcome: BootstrapOutcome
        do {
            outcome = try bootstrap.run(runDeadline: runDeadline, memoryLimit: limits.memoryBytes) { event in
                switch event {
                case .wake(let round, let done, let total, let solved, let elapsed):
                    let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
                    let line = String(format: "round %d wake: %d/%d tasks, %d solved, %.0f s, about %.0f s left", round, done, total, solved, elapsed, left)
                    progress.show(line, final: done == total, worthLogging: done % 10 == 0)
                case .sleep(let round):
                    progress.show("round \(round) sleep: learning abstractions and training the ranking model", final: true, worthLogging: true)
                case .finished(let summary):
                    Self.print(summary, json: json)
                }
            }
        } catch let error as RunStoreError {
            // Every write is a transaction: what was committed before the failure is kept.
            throw InputError(file: runFile, message: error.message + "; continue the run with --resume once the problem is fixed")
        }
        if !json { Swift.print("run store: \(runFile)") }
        if case .runTimeLimit(let round) = outcome, let runTimeout = limits.runTimeout {
            printError("the run's time limit of \(String(format: "%g", runTimeout)) s (--run-timeout) was reached in round \(round); "
                + "every finished task is kept: continue with --resume --run \(runFile)")
            throw ExitCode(ExitStatus.noAnswer)
        }
    }

    private func printRound(_ summary: RoundSummary) { Self.print(summary, json: output.json) }

    private static func print(_ summary: RoundSummary, json: Bool) {
        if json {
            Swift.print(JSONOption.line(summary.jsonObject))
        } else {
            let median = summary.medianCandidatesTest.map { String(format: "%.0f", $0) } ?? "-"
            Swift.print("round \(summary.round): train \(summary.trainSolved)/\(summary.trainTotal), test \(summary.testSolved)/\(summary.testTotal), "
                + "\(summary.newAbstractions) new abstractions (library \(summary.librarySize)), median test candidates \(median), "
                + String(format: "%.1f s", summary.seconds))
        }
        fflush(nil)
    }
}

/// Progress on standard error: on a terminal one line rewritten in place; otherwise plain
/// log lines, only those worth logging (and every final one).
private final class ProgressLine: @unchecked Sendable {
    private let interactive: Bool
    private let lock = NSLock()

    init(interactive: Bool) {
        self.interactive = interactive
    }

    func show(_ line: String, final: Bool, worthLogging: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if interactive {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + (final ? "\n" : "")).utf8))
        } else if final || worthLogging {
            printError(line)
        }
    }
}
