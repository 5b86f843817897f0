import ArgumentParser
import Foundation
import Language

/// The limits of a search, shared by `ouro solve` and `ouro bootstrap` and meaning the same
/// in both: `--timeout/-t`, `--run-timeout`, `--memory` and `--jobs/-j`.
struct SearchOptions: ParsableArguments {
    /// The most jobs: each is a thread.
    static let maximumJobs = 1_024

    @Option(name: [.short, .long], parsing: .unconditional,
            help: ArgumentHelp("Wall-time limit per task, in seconds, 0 < S ≤ 1000000 (default: 10 for `solve`, 5 per round for `bootstrap`).", valueName: "seconds"),
            transform: { try CommandLineNumber.seconds($0) })
    var timeout: Double?

    @Option(name: .customLong("run-timeout"), parsing: .unconditional,
            help: ArgumentHelp("Wall-time limit for the whole run, in seconds, 0 < S ≤ 1000000, or none (the default): searches under way stop, tasks not started are reported unsolved (`bootstrap`: kept for --resume), and the run ends with exit status 3.", valueName: "seconds"),
            transform: { try CommandLineNumber.secondsOrNone($0) })
    var runTimeout: Double?

    @Option(name: .customLong("memory"), parsing: .unconditional,
            help: ArgumentHelp("Memory bound of each task's search bank, in MiB, 1 ≤ M ≤ 1048576, or none (default 1024): the bottom-up bank of programs (a task that reaches it ends unsolved and the run goes on); the top-down search keeps no bank, and a candidate that would build more lists than this runs on the reference evaluator.", valueName: "MiB"),
            transform: { try CommandLineNumber.memoryBytes($0) })
    var memory: Int?

    /// The memory bound of each task, in bytes (`Int.max` for `none`).
    var memoryBytes: Int { memory ?? Defaults.memoryLimit }

    @Option(name: [.short, .long], parsing: .unconditional,
            help: ArgumentHelp("Tasks searched in parallel, 1 ≤ N ≤ 1024 (default: the number of cores); a job with no task left helps a top-down search still under way.", valueName: "N"),
            transform: { try CommandLineNumber.integer($0, in: 1...SearchOptions.maximumJobs) })
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    /// The per-task limit, `defaultSeconds` when none was given.
    func timeout(default defaultSeconds: Double) -> Double { timeout ?? defaultSeconds }

    /// The run's deadline from now, or `nil` without a run time limit (or with `none`).
    func runDeadline() -> ContinuousClock.Instant? {
        guard let runTimeout, runTimeout.isFinite else { return nil }
        return ContinuousClock.now + .milliseconds(Int(runTimeout * 1000))
    }
}
