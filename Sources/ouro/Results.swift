import ArgumentParser
import Bootstrap
import Foundation

/// `ouro results RUN [--round K] [--json | --csv]`: what a bootstrap run solved, one row per
/// task and round.
struct Results: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what a bootstrap run solved: one row per task and round.",
        discussion: """
            Each row gives the round, the task's split and name, whether it was solved, the best \
            program with its log prior, the seconds and candidates its search took, and, when \
            unsolved, the reason. Rows come round by round, tasks in the order of the run. With \
            --json one object per line; with --csv a header line and RFC 4180 rows (columns: \
            \(RunResults.columns.joined(separator: ", "))).
            """
    )

    @Argument(help: "A run store from `ouro bootstrap`.")
    var runStore: String

    @Option(help: "Only this round (default: every round with results).")
    var round: Int?

    @Flag(help: "One JSON object per row.")
    var json = false

    @Flag(help: "CSV with a header line.")
    var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("Give --json or --csv, not both.") }
        if let round, round < 0 { throw ValidationError("--round must be 0 or more.") }
    }

    func run() throws {
        let rows: [TaskRoundResult]
        do throws(RunStoreError) {
            let store = try RunStore(path: runStore, access: .readOnly)
            if let round {
                let last = try store.finishedRounds().count
                if round > last {
                    throw RunStoreError(file: runStore, message: "has no round \(round); its rounds are 0 … \(max(0, last - 1))")
                }
            }
            rows = try RunResults.rows(of: store, round: round)
        } catch {
            throw InputError(file: runStore, message: error.message)
        }
        if json {
            print(RunResults.jsonLines(rows), terminator: "")
        } else if csv {
            print(RunResults.csv(rows), terminator: "")
        } else {
            for row in rows { print(Self.line(row)) }
            let solved = Dictionary(grouping: rows, by: \.round).sorted { $0.key < $1.key }
                .map { "round \($0.key) \($0.value.filter(\.solved).count)/\($0.value.count)" }
            print("solved: " + (solved.isEmpty ? "no results yet" : solved.joined(separator: ", ")))
        }
    }

    /// A row as one line, like `ouro solve` prints a task.
    static func line(_ row: TaskRoundResult) -> String {
        let head = "round \(row.round) \(row.task.split.rawValue) \(row.task.name.escapingControlCharacters()): "
        let tail = String(format: "%.2f s, %d candidates", row.seconds, row.candidates)
        if row.solved {
            let prior = row.logPrior.map { String(format: "log prior %.2f, ", $0) } ?? ""
            return head + "solved \(row.program ?? "?")  " + prior + tail
        }
        return head + "unsolved (\(row.reason ?? "no reason recorded")), " + tail
    }
}
