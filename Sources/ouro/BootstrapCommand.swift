import ArgumentParser
import Bootstrap
import Domains
import Foundation
import Grammar
import Language

/// `ouro bootstrap DIR --rounds N`: rounds of wake, abstraction sleep and dream sleep, kept in
/// a run store that `--resume` continues.
struct BootstrapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bootstrap",
        abstract: "Run rounds that solve, learn abstractions and train the ranking model.",
        discussion: """
            DIR is a problem set with train/ and test/ folders of task files of any domain (or give \
            --train and --test files or folders). Round 0 searches every task with the starting \
            grammar; each later round first learns from the train tasks' solutions (new \
            abstractions, refitted weights, a ranking model trained on solutions and dreams) and \
            then searches every task again. The guard adopts what a sleep learned (as a whole, in \
            parts, and changes to the search configuration) only when it does at least as well on \
            validation tasks held out of the train tasks; `ouro history RUN` shows what it decided \
            and why. Validation and test tasks are never learned from. Everything is kept \
            in the run store (--run, default runs/NAME.sqlite); a run that was stopped continues \
            with --resume, and a finished one is extended with --resume --rounds N; --resume \
            --from-round K continues from the state round K began with in a new run store. On --resume \
            the options left out keep the run's values, and the tasks are the run's when no DIR \
            or --train/--test is given; --jobs and --run-timeout may change, a setting that \
            changes results (--timeout, --memory, --seed, --abstractions, --max-arity, --frontier, --dreams, --no-ranker, \
            and the guard's options and ceilings) may not. Prints one line per round (one JSON object with --json).
            """
    )

    @Argument(help: "A problem set folder with train/ and test/ subfolders.")
    var directory: String?

    @Option(parsing: .upToNextOption, help: "Train task files or folders (instead of DIR).")
    var train: [String] = []

    @Option(parsing: .upToNextOption, help: "Test task files or folders (instead of DIR).")
    var test: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Learning rounds after round 0, 0 ≤ N ≤ 1000: rows 0 … N are reported (default 3; with --resume, the run's, and more extend a finished run).", valueName: "N"),
            transform: { try CommandLineNumber.integer($0, in: 0...1_000) })
    var rounds: Int?

    @OptionGroup var limits: SearchOptions

    @Option(name: .customLong("run"), help: "The run store (default runs/NAME.sqlite).")
    var runStore: String?

    @OptionGroup var grammarOption: GrammarOption

    @Flag(help: "Continue the run in --run where it stopped.")
    var resume = false

    @Option(name: .customLong("from-round"), parsing: .unconditional,
            help: ArgumentHelp("With --resume: continue, in a new run store (--run, default the run's file name with -from-K), from the state round K began with: the grammar, library, ranking model, search configurations and settings, byte for byte; the run branched from is only read.", valueName: "K"),
            transform: { try CommandLineNumber.integer($0, in: 0...1_000_000) })
    var fromRound: Int?

    @Option(name: .customLong("from"), help: ArgumentHelp("With --from-round: the run store to branch from (default runs/NAME.sqlite of DIR).", valueName: "RUN"))
    var branchSource: String?

    @OptionGroup var seedOption: SeedOption

    @Option(parsing: .unconditional, help: ArgumentHelp("Abstractions learned per round, 0 ≤ K ≤ 1000 (0: none; default 5).", valueName: "K"),
            transform: { try CommandLineNumber.integer($0, in: 0...1_000) })
    var abstractions: Int?

    @OptionGroup var arityOption: ArityOption

    @OptionGroup var frontierOption: FrontierOption

    @Flag(name: .customLong("no-ranker"), help: "Do not train or use a ranking model.")
    var noRanker = false

    @OptionGroup var dreamsOption: DreamsOption

    @OptionGroup(title: "The guard, tuning and ceilings") var guardOptions: GuardOptions

    @OptionGroup var output: JSONOption

    /// Whether the tasks are the run store's own (`--resume --run RUN` with no task paths).
    private var tasksFromStore: Bool { resume && directory == nil && train.isEmpty && test.isEmpty }

    func validate() throws {
        if fromRound != nil && !resume { throw ValidationError("--from-round continues a run: give --resume too.") }
        if branchSource != nil && fromRound == nil { throw ValidationError("--from names the run to branch from: give --from-round K too.") }
        if fromRound != nil && tasksFromStore && branchSource == nil {
            throw ValidationError("--from-round with no problem set needs the run to branch from: --from RUN.")
        }
        if tasksFromStore && runStore == nil && fromRound == nil { throw ValidationError("--resume with no problem set needs --run RUN.") }
        if !tasksFromStore && directory == nil && (train.isEmpty || test.isEmpty) { throw ValidationError("Give a problem set folder, or both --train and --test.") }
        if directory != nil && !(train.isEmpty && test.isEmpty) { throw ValidationError("Give a problem set folder or --train/--test, not both.") }
        try guardOptions.check()
    }

    /// The run's settings: the options given, and for those left out the stored run's values
    /// (`stored`, when resuming) or the defaults.
    private func settings(over stored: BootstrapSettings?) -> BootstrapSettings {
        var settings = stored ?? BootstrapSettings(rounds: 3, timeout: 5, jobs: limits.jobs, seed: 1)
        settings.jobs = limits.jobs
        if let rounds { settings.rounds = rounds }
        if let timeout = limits.timeout { settings.timeout = timeout }
        if let seed = seedOption.given { settings.seed = seed }
        if let abstractions { settings.abstractionsPerRound = abstractions }
        if let maximumArity = arityOption.maximumArity { settings.maximumArity = maximumArity }
        if let frontier = frontierOption.frontier { settings.frontierSize = frontier }
        if let dreams = dreamsOption.dreams { settings.dreams = dreams }
        if noRanker { settings.useRanker = false }
        settings.guarding = guardOptions.guarding(over: stored?.guarding)
        settings.ceilings = guardOptions.ceilings(over: stored?.ceilings)
        if let memory = limits.memory {
            settings.memoryMiB = memory >> 20
        } else if stored == nil {
            settings.memoryMiB = Defaults.memoryLimit >> 20
        }
        return settings
    }

    func run() throws {
        var trainPaths = directory.map { [($0 as NSString).appendingPathComponent("train")] } ?? train
        var testPaths = directory.map { [($0 as NSString).appendingPathComponent("test")] } ?? test
        var validationPaths = guardOptions.validate
        let name = URL(fileURLWithPath: directory ?? trainPaths.first ?? "run").standardized.lastPathComponent
        var runFile = runStore ?? "runs/\(name).sqlite"
        // A branch made for a run that then cannot start (its tasks or settings refused) is
        // removed again: nothing but the branch itself is lost, and the same command can be
        // given again once fixed.
        var branch: String?
        var started = false
        defer { if let branch, !started { try? FileManager.default.removeItem(atPath: branch) } }
        if let fromRound {
            runFile = try makeBranch(from: fromRound, name: name)
            branch = runFile
        }
        if FileManager.default.fileExists(atPath: runFile) && !resume {
            throw ValidationError("\(runFile) already holds a run: continue it with --resume, or choose another --run.")
        }
        if resume && !FileManager.default.fileExists(atPath: runFile) {
            throw ValidationError("--resume: \(runFile) does not exist.")
        }
        // A run resumed keeps its settings and starting grammar, and its tasks unless given.
        var existing: (store: RunStore, settings: BootstrapSettings?, grammar: Grammar?)?
        // One writer per run: the lock is taken before the store is read and held until this
        // process ends, however it ends.
        var lock: RunStoreLock?
        defer { withExtendedLifetime(lock) {} }
        if resume {
            lock = try RunStoreLock(path: runFile)
            existing = try Self.stored(runFile)
            if tasksFromStore, let store = existing?.store {
                do {
                    let stored = try store.tasks()
                    trainPaths = Self.unique(stored.filter { $0.split == .train }.map(\.file))
                    testPaths = Self.unique(stored.filter { $0.split == .test }.map(\.file))
                    // Tasks held out of train files are read with them (the store keeps their split).
                    validationPaths = Self.unique(stored.filter { $0.split == .validation }.map(\.file)).filter { !trainPaths.contains($0) }
                } catch {
                    throw InputError(file: runFile, message: error.message)
                }
            }
        }
        let (reader, tasks) = try readTasks([(trainPaths, .train), (validationPaths, .validation), (testPaths, .test)])
        // A run's grammar holds weights for every production its domains offer (SyGuS problems
        // bring their grammars; uniform weights to start), and the library.
        var startGrammar = try grammarOption.grammar.map(readGrammar) ?? reader.startingGrammar() ?? readGrammar("lists")
        if let storedGrammar = existing?.grammar {
            if let given = grammarOption.grammar, storedGrammar.fileText != startGrammar.fileText {
                throw InputError(file: runFile, message: "--grammar \(given) is not the grammar the run started from; leave --grammar out to keep the run's")
            }
            startGrammar = storedGrammar
        }
        let store: RunStore
        if let existing {
            store = existing.store
        } else {
            // One writer per run: the lock is held until this process ends, however it ends.
            lock = try RunStoreLock(path: runFile)
            store = try RunStore(path: runFile, access: .create)
        }
        let settings = settings(over: existing?.settings)
        let bootstrap: BootstrapRun
        do {
            bootstrap = try BootstrapRun(store: store, settings: settings, tasks: tasks, grammar: startGrammar)
        } catch let error as BootstrapError {
            throw InputError(file: runFile, message: error.message)
        } catch let error as RunStoreError {
            throw InputError(file: runFile, message: error.message)
        }
        started = true
        do {
            for summary in try store.finishedRounds() { printRound(summary) }
        } catch {
            throw InputError(file: runFile, message: error.message)
        }
        try runRounds(bootstrap, memoryLimit: settings.memoryBytes, runFile: runFile)
    }

    /// The tasks of the files or folders of each split, each file read by its domain.
    private func readTasks(_ splits: [([String], Split)]) throws -> (RunTasks.Reader, RunTasks) {
        var reader = RunTasks.Reader(domains: Domains.all)
        for (paths, split) in splits {
            for file in try TaskFiles.expand(paths) {
                let text = try InputError.readText(file)
                do {
                    try reader.add(text, file: file, split: split)
                } catch {
                    throw InputError(file: TaskFiles.displayName(file), position: error.position, message: error.message)
                }
            }
        }
        do {
            return (reader, try reader.tasks())
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// Runs the rounds left, with progress on standard error and a line per finished round.
    private func runRounds(_ bootstrap: BootstrapRun, memoryLimit: Int, runFile: String) throws {
        let json = output.json
        let progress = ProgressLine(interactive: isatty(STDERR_FILENO) == 1)
        let outcome: BootstrapOutcome
        do {
            outcome = try bootstrap.run(runDeadline: limits.runDeadline(), memoryLimit: memoryLimit) { event in
                switch event {
                case .wake(let round, let done, let total, let solved, let elapsed):
                    let left = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
                    let line = String(format: "round %d wake: %d/%d tasks, %d solved, %.0f s, about %.0f s left", round, done, total, solved, elapsed, left)
                    progress.show(line, final: done == total, worthLogging: done % 10 == 0)
                case .sleep(let round):
                    progress.show("round \(round) sleep: learning abstractions and training the ranking model", final: true, worthLogging: true)
                case .validating(let round, let proposal, let tasks, let timeout):
                    progress.show("round \(round) guard: searching \(tasks) validation task\(tasks == 1 ? "" : "s") with \(proposal), "
                                  + String(format: "%g s each", timeout), final: true, worthLogging: true)
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

    /// An existing run store with its settings and starting grammar, as far as they are recorded.
    private static func stored(_ runFile: String) throws(InputError) -> (store: RunStore, settings: BootstrapSettings?, grammar: Grammar?) {
        do throws(RunStoreError) {
            // An empty file (a new run stopped before its store was created in it) is made one.
            let isEmpty = (try? FileManager.default.attributesOfItem(atPath: runFile)[.size] as? Int) == 0
            let store = try RunStore(path: runFile, access: isEmpty ? .create : .update)
            return (store, try store.bootstrapSettings(), try store.startingGrammar())
        } catch {
            throw InputError(file: runFile, message: error.message)
        }
    }

    /// Copies the run to branch from (`--from`, or the problem set's) as it stood when round
    /// `round` began into a new run store (`--run`, or the default name); returns its file.
    private func makeBranch(from round: Int, name: String) throws -> String {
        let source = branchSource ?? "runs/\(name).sqlite"
        let file = runStore ?? Self.branchFile(of: source, round: round)
        do {
            try RunStore.branch(from: source, round: round, to: file)
        } catch {
            throw InputError(file: error.file, message: error.message)
        }
        return file
    }

    /// The default file of a run branched from `source` at `round`: `runs/lists.sqlite` gives
    /// `runs/lists-from-2.sqlite`.
    static func branchFile(of source: String, round: Int) -> String {
        let url = URL(fileURLWithPath: source)
        let stem = url.deletingPathExtension().lastPathComponent
        let name = "\(stem)-from-\(round)" + (url.pathExtension.isEmpty ? "" : ".\(url.pathExtension)")
        return ((source as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
    }

    /// The paths in their first order, each once.
    private static func unique(_ paths: [String]) -> [String] {
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }

    private func printRound(_ summary: RoundSummary) { Self.print(summary, json: output.json) }

    private static func print(_ summary: RoundSummary, json: Bool) {
        if json {
            Swift.print(JSONOption.line(summary.jsonObject))
        } else {
            let median = summary.medianCandidatesTest.map { String(format: "%.0f", $0) } ?? "-"
            let validation = summary.validationTotal.map { ", validation \(summary.validationSolved ?? 0)/\($0)" } ?? ""
            Swift.print("round \(summary.round): train \(summary.trainSolved)/\(summary.trainTotal)\(validation), test \(summary.testSolved)/\(summary.testTotal), "
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
