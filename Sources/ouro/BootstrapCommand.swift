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

    @Option(help: "Learning rounds after round 0: rows 0 … N are reported.")
    var rounds = 3

    @Option(help: "Wall-time limit per task and round, in seconds.")
    var timeout: Double = 5

    @Option(name: .customLong("run-timeout"), help: "Wall-time limit for this invocation, in seconds: searches under way stop, and the run stops before its next step with everything finished kept (exit 3); --resume continues it.")
    var runTimeout: Double?

    @Option(name: .customLong("memory"), help: "Memory bound of each task's search bank, in MiB; a task that reaches it is recorded unsolved and the run goes on (the top-down search keeps no bank: a candidate that would build more lists than this runs on the reference evaluator).")
    var memoryMiB: Int = 1024

    @Option(help: "Tasks searched in parallel; a job with no task left helps a top-down search still under way (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("run"), help: "The run store (default runs/NAME.sqlite).")
    var runStore: String?

    @Option(help: "The starting grammar: for JSON tasks the λ-calculus grammar (default Grammars/lists.grammar); for SyGuS files weights and abstractions for their productions, such as `ouro library RUN --export` writes (default: uniform weights, no abstractions).")
    var grammar: String?

    @Flag(help: "Continue the run in --run where it stopped.")
    var resume = false

    @Option(help: "Seed for dreams and the ranking model.")
    var seed: UInt64 = 1

    @Option(help: "Abstractions learned per round (0: none).")
    var abstractions = 5

    @Flag(name: .customLong("no-ranker"), help: "Do not train or use a ranking model.")
    var noRanker = false

    @Option(help: "Dreams per round for the ranking model.")
    var dreams = 1_000

    @Flag(help: "Print one JSON object per round.")
    var json = false

    func validate() throws {
        if directory == nil && (train.isEmpty || test.isEmpty) { throw ValidationError("Give a problem set folder, or both --train and --test.") }
        if directory != nil && !(train.isEmpty && test.isEmpty) { throw ValidationError("Give a problem set folder or --train/--test, not both.") }
        if rounds < 0 { throw ValidationError("--rounds must be 0 or more.") }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
        if let runTimeout, !(runTimeout > 0) { throw ValidationError("--run-timeout must be a positive number of seconds.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if memoryMiB < 1 { throw ValidationError("--memory must be at least 1 MiB.") }
        if abstractions < 0 || dreams < 0 { throw ValidationError("--abstractions and --dreams must be 0 or more.") }
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
            for file in try taskFiles(paths) {
                let text = try InputError.readText(file)
                if file.hasSuffix(".sl") {
                    do {
                        let problem = try SyGuSProblem(parsing: text)
                        problems.append(problem)
                        tasks.append((file, .sygus(name: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, problem: problem, source: text), split))
                    } catch {
                        throw InputError(file: file, position: error.position, message: error.message)
                    }
                    continue
                }
                do {
                    for task in try ExampleTask.readAll(json: text) { tasks.append((file, .examples(task), split)) }
                } catch {
                    throw InputError(file: file, position: error.position, message: error.isSchemaError ? error.description : error.message)
                }
            }
        }
        if !problems.isEmpty && problems.count != tasks.count {
            throw ValidationError("A run holds JSON task files or SyGuS files, not both.")
        }
        tasks = try Self.withoutRepeats(tasks)
        // SyGuS problems bring their grammars; the run's grammar holds weights (uniform to
        // start) for every operator they offer, and the library.
        let startGrammar = problems.isEmpty || grammar != nil
            ? try readGrammar(grammar ?? "Grammars/lists.grammar")
            : Grammar.fitted(to: [], offering: problems, name: "sygus")
        let name = URL(fileURLWithPath: directory ?? trainPaths[0]).standardized.lastPathComponent
        let runFile = runStore ?? "runs/\(name).sqlite"
        if FileManager.default.fileExists(atPath: runFile) && !resume {
            throw ValidationError("\(runFile) already holds a run: continue it with --resume, or choose another --run.")
        }
        if resume && !FileManager.default.fileExists(atPath: runFile) {
            throw ValidationError("--resume: \(runFile) does not exist.")
        }
        // One writer per run: the lock is held until this process ends, however it ends.
        let lock = try RunStoreLock(path: runFile)
        defer { withExtendedLifetime(lock) {} }
        // --resume continues a run store; an empty file (a new run stopped before its store was
        // created in it) is made one.
        let isEmpty = (try? FileManager.default.attributesOfItem(atPath: runFile)[.size] as? Int) == 0
        let store = try RunStore(path: runFile, access: resume && !isEmpty ? .update : .create)
        var settings = BootstrapSettings(rounds: rounds, timeout: timeout, jobs: jobs, seed: seed)
        settings.abstractionsPerRound = abstractions
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
        let json = self.json
        let progress = ProgressLine(interactive: isatty(STDERR_FILENO) == 1)
        let runDeadline = runTimeout.map { ContinuousClock.now + .milliseconds(Int($0 * 1000)) }
        let outcome: BootstrapOutcome
        do {
            outcome = try bootstrap.run(runDeadline: runDeadline, memoryLimit: memoryMiB << 20) { event in
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
        if case .runTimeLimit(let round) = outcome, let runTimeout {
            printError("the run's time limit of \(String(format: "%g", runTimeout)) s (--run-timeout) was reached in round \(round); "
                + "every finished task is kept: continue with --resume --run \(runFile)")
            throw ExitCode(ExitStatus.noAnswer)
        }
    }

    private func printRound(_ summary: RoundSummary) { Self.print(summary, json: json) }

    private static func print(_ summary: RoundSummary, json: Bool) {
        if json {
            var object: [String: Any] = [
                "round": summary.round, "trainSolved": summary.trainSolved, "trainTotal": summary.trainTotal,
                "testSolved": summary.testSolved, "testTotal": summary.testTotal, "newAbstractions": summary.newAbstractions,
                "librarySize": summary.librarySize, "seconds": (summary.seconds * 10).rounded() / 10,
            ]
            object["medianCandidatesTest"] = summary.medianCandidatesTest ?? NSNull()
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            Swift.print(String(decoding: data, as: UTF8.self))
        } else {
            let median = summary.medianCandidatesTest.map { String(format: "%.0f", $0) } ?? "-"
            Swift.print("round \(summary.round): train \(summary.trainSolved)/\(summary.trainTotal), test \(summary.testSolved)/\(summary.testTotal), "
                + "\(summary.newAbstractions) new abstractions (library \(summary.librarySize)), median test candidates \(median), "
                + String(format: "%.1f s", summary.seconds))
        }
        fflush(nil)
    }

    /// Task files (JSON or SyGuS) named directly or found (sorted) in folders.
    private func taskFiles(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(file: path, message: "no such file or folder")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".sl") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
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
