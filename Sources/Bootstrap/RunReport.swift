import Domain
import Foundation
import Grammar

/// A bootstrap run as a self-contained HTML page: the run's settings, a row per round, SVG
/// charts per round (tasks solved, median search time and candidates, library size), why
/// tasks went unsolved, the learned abstractions, and a row per task with its best program.
/// No scripts, no external files.
public enum RunReport {
    public static func html(for store: RunStore) throws(RunStoreError) -> String {
        let rounds = try store.finishedRounds()
        let tasks = try store.tasks()
        let rows = try RunResults.rows(of: store)
        let byRound = Dictionary(grouping: rows, by: \.round)
        let medianSeconds = rounds.map { Guard.median((byRound[$0.round] ?? []).filter(\.solved).map(\.seconds)) ?? 0 }
        let abstractions = try store.abstractions()
        let lastGrammar = try? rounds.last.flatMap { try store.grammarText(round: $0.round) }.map { try Grammar(parsing: $0) }
        let lastLibrary = Set(lastGrammar?.abstractions.map(\.name) ?? [])
        let x = rounds.map(\.round)
        let file = URL(fileURLWithPath: store.path).standardizedFileURL

        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Ouroboros run \(escape(file.lastPathComponent))</title>
            <style>
            body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 1040px; color: #1d2330; }
            h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; }
            .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2em; }
            figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: .3em; }
            table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #dde; padding: .3em .5em; text-align: left; vertical-align: top; }
            th { background: #f3f4f8; } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            code { font: 12.5px ui-monospace, monospace; word-break: break-word; } .muted { color: #667; }
            .train { color: #2563eb; } .validation, .test { color: #d9480f; }
            </style></head><body>
            <h1>Ouroboros run <code>\(escape(file.lastPathComponent))</code></h1>
            <p class=muted><code>\(escape(file.path))</code></p>
            <p>\(rounds.count) rounds finished, \(tasks.filter { $0.split == .train }.count) train, \(tasks.filter { $0.split == .validation }.count) validation and \(tasks.filter { $0.split == .test }.count) test tasks.</p>

            """
        page += settingsTable(try store.bootstrapSettings())
        page += "<h2>Rounds</h2>\n<table><tr><th>round</th><th>train solved</th><th>validation solved</th><th>test solved</th><th>new abstractions</th><th>library</th><th>median test candidates</th><th>median seconds (solved)</th><th>round seconds</th></tr>\n"
        for (index, summary) in rounds.enumerated() {
            page += "<tr><td class=n>\(summary.round)</td><td class=n>\(summary.trainSolved)/\(summary.trainTotal)</td>"
                + "<td class=n>\(summary.validationTotal.map { "\(summary.validationSolved ?? 0)/\($0)" } ?? "–")</td><td class=n>\(summary.testSolved)/\(summary.testTotal)</td>"
                + "<td class=n>\(summary.newAbstractions)</td><td class=n>\(summary.librarySize)</td>"
                + "<td class=n>\(summary.medianCandidatesTest.map { String(format: "%.0f", $0) } ?? "–")</td>"
                + "<td class=n>\(ChartAxis.seconds.label(medianSeconds[index]))</td><td class=n>\(String(format: "%.1f s", summary.seconds))</td></tr>\n"
        }
        page += "</table>\n<div class=charts>\n"
        page += chart("Tasks solved", x: x, axis: .count, series: [
            ("train", "#2563eb", rounds.map { Double($0.trainSolved) }), ("test", "#d9480f", rounds.map { Double($0.testSolved) }),
        ])
        page += chart("Median test candidates to a solution", x: x, axis: .count, series: [("candidates", "#7c3aed", rounds.map { $0.medianCandidatesTest ?? 0 })])
        page += chart("Median search time (solved tasks)", x: x, axis: .seconds, series: [("seconds", "#0f766e", medianSeconds)])
        page += chart("Library size (abstractions searched with)", x: x, axis: .count, series: [("abstractions", "#b45309", rounds.map { Double($0.librarySize) })])
        page += "</div>\n"
        page += journalTable(try store.journal())
        var timings: [(sleep: Timings, searches: [Int64: Timings])] = []
        for summary in rounds { timings.append(try store.timings(round: summary.round)) }
        page += timingsTables(rounds, timings: timings, tasks: tasks, rows: rows)
        page += reasonsTable(rows)
        page += "<h2>Abstractions</h2>\n"
        if abstractions.isEmpty {
            page += "<p>No abstraction learned yet.</p>\n"
        } else {
            page += "<table><tr><th>name</th><th>for round</th><th>in the last library</th><th>type</th><th>body</th><th>uses</th><th>utility</th></tr>\n"
            for a in abstractions {
                page += "<tr><td><code>\(escape(a.name))</code></td><td class=n>\(a.round)</td><td>\(lastLibrary.contains(a.name) ? "yes" : "–")</td><td><code>\(escape(a.type))</code></td><td><code>\(escape(a.pattern))</code></td><td class=n>\(a.uses)</td><td class=n>\(a.utility)</td></tr>\n"
            }
            page += "</table>\n"
        }
        page += tasksTable(tasks, rows: rows)
        page += "<p>Blue: train tasks (learned from); orange: validation and test tasks (never learned from).</p>\n</body></html>\n"
        return page
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
