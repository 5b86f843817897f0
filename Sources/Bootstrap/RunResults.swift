import Foundation

/// One task's outcome in one round of a run, as `ouro results` lists it and the report shows it.
public struct TaskRoundResult: Sendable, Equatable {
    public var round: Int
    public var task: StoredTask
    public var solved: Bool
    /// The best program found (the frontier's first), when solved.
    public var program: String?
    /// The best program's log prior under the round's grammar, when solved.
    public var logPrior: Double?
    public var seconds: Double
    public var candidates: Int
    /// Why the task is unsolved (the solver's words), when it is.
    public var reason: String?
    /// The most programs the search's bank held, for a search that keeps one.
    public var bank: Int? = nil
}

/// The per-task, per-round results a run store holds, and their CSV and JSON forms.
public enum RunResults {
    /// The columns of every form, in order.
    public static let columns = ["round", "split", "file", "task", "solved", "program", "logPrior", "seconds", "candidates", "reason", "bank"]

    /// Every recorded outcome of `round` (or of every round with results, in order), tasks in
    /// the order the run registered them. A round under way when a run stopped lists the tasks
    /// it finished.
    public static func rows(of store: RunStore, round: Int? = nil) throws(RunStoreError) -> [TaskRoundResult] {
        let tasks = try store.tasks()
        let rounds: [Int]
        if let round {
            rounds = [round]
        } else {
            // Finished rounds, and the one after them, which holds results when it was under way.
            rounds = Array(0...(try store.finishedRounds().count))
        }
        var rows: [TaskRoundResult] = []
        for round in rounds {
            let results = try store.results(round: round)
            for task in tasks {
                guard let result = results[task.id] else { continue }
                let best = result.solved ? result.frontier.first : nil
                rows.append(TaskRoundResult(
                    round: round, task: task, solved: result.solved, program: best?.program, logPrior: best?.logPrior,
                    seconds: result.seconds, candidates: result.candidates, reason: result.solved ? nil : result.reason, bank: result.bank))
            }
        }
        return rows
    }

    /// The rows as CSV (RFC 4180: a header line, fields with a comma, quote or line break quoted).
    public static func csv(_ rows: [TaskRoundResult]) -> String {
        var lines = [columns.joined(separator: ",")]
        for row in rows {
            let fields = [
                String(row.round), row.task.split.rawValue, row.task.file, row.task.name, row.solved ? "true" : "false",
                row.program ?? "", row.logPrior.map { String(format: "%.4f", $0) } ?? "", String(format: "%.3f", row.seconds),
                String(row.candidates), row.reason ?? "", row.bank.map(String.init) ?? "",
            ]
            lines.append(fields.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number rounded to three decimals for JSON, or null when it is not finite (JSON has no
    /// infinities).
    private static func finite(_ value: Double?) -> Any {
        guard let value, value.isFinite else { return NSNull() }
        return (value * 1000).rounded() / 1000
    }

    /// The rows as JSON lines: one object per row, keys sorted; absent values are `null`.
    public static func jsonLines(_ rows: [TaskRoundResult]) -> String {
        rows.map { row in
            let object: [String: Any] = [
                "round": row.round, "split": row.task.split.rawValue, "file": row.task.file, "task": row.task.name,
                "solved": row.solved, "program": row.program ?? NSNull(),
                "logPrior": finite(row.logPrior), "seconds": finite(row.seconds), "candidates": row.candidates, "reason": row.reason ?? NSNull(),
                "bank": row.bank ?? NSNull(),
            ]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        }.joined()
    }
}
