import Foundation
import Grammar

/// A bootstrap run as a self-contained HTML page: SVG charts per round (tasks solved, median
/// search time and candidates, library size), the learned abstractions, and the tasks each
/// round solved for the first time. No scripts, no external files.
public enum RunReport {
    public static func html(for store: RunStore) throws(RunStoreError) -> String {
        let rounds = try store.finishedRounds()
        let tasks = try store.tasks()
        let names = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0) })
        var medianSeconds: [Double] = []
        var newlySolved: [(round: Int, tasks: [StoredTask])] = []
        var solvedBefore = Set<Int64>()
        for summary in rounds {
            let results = try store.results(round: summary.round)
            let seconds = results.values.filter(\.solved).map(\.seconds).sorted()
            medianSeconds.append(seconds.isEmpty ? 0 : BootstrapRun.median(seconds))
            let solved = Set(results.values.filter(\.solved).map(\.task))
            newlySolved.append((summary.round, solved.subtracting(solvedBefore).compactMap { names[$0] }.sorted { ($0.split.rawValue, $0.name) < ($1.split.rawValue, $1.name) }))
            solvedBefore.formUnion(solved)
        }
        let abstractions = try store.abstractions()
        let lastGrammar = try? rounds.last.flatMap { try store.grammarText(round: $0.round) }.map { try Grammar(parsing: $0) }
        let lastLibrary = Set(lastGrammar?.abstractions.map(\.name) ?? [])
        let x = rounds.map { Double($0.round) }

        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Ouroboros run \(escape(URL(fileURLWithPath: store.path).lastPathComponent))</title>
            <style>
            body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 1040px; color: #1d2330; }
            h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; }
            .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2em; }
            figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: .3em; }
            table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #dde; padding: .3em .5em; text-align: left; vertical-align: top; }
            th { background: #f3f4f8; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
            code { font: 12.5px ui-monospace, monospace; }
            .train { color: #2563eb; } .test { color: #d9480f; }
            </style></head><body>
            <h1>Ouroboros run <code>\(escape(store.path))</code></h1>
            <p>\(rounds.count) rounds finished, \(tasks.filter { $0.split == .train }.count) train and \(tasks.filter { $0.split == .test }.count) test tasks.</p>
            <table><tr><th>round</th><th>train solved</th><th>test solved</th><th>new abstractions</th><th>library</th><th>median test candidates</th><th>median seconds (solved)</th><th>round seconds</th></tr>

            """
        for (index, summary) in rounds.enumerated() {
            page += "<tr><td class=n>\(summary.round)</td><td class=n>\(summary.trainSolved)/\(summary.trainTotal)</td><td class=n>\(summary.testSolved)/\(summary.testTotal)</td>"
                + "<td class=n>\(summary.newAbstractions)</td><td class=n>\(summary.librarySize)</td>"
                + "<td class=n>\(summary.medianCandidatesTest.map { String(format: "%.0f", $0) } ?? "–")</td>"
                + "<td class=n>\(format(medianSeconds[index]))</td><td class=n>\(String(format: "%.0f", summary.seconds))</td></tr>\n"
        }
        page += "</table>\n<div class=charts>\n"
        page += chart("Tasks solved", x: x, series: [
            ("train", "#2563eb", rounds.map { Double($0.trainSolved) }), ("test", "#d9480f", rounds.map { Double($0.testSolved) }),
        ])
        page += chart("Median test candidates to a solution", x: x, series: [("candidates", "#7c3aed", rounds.map { $0.medianCandidatesTest ?? 0 })])
        page += chart("Median search seconds (solved tasks)", x: x, series: [("seconds", "#0f766e", medianSeconds)])
        page += chart("Library size (abstractions searched with)", x: x, series: [("abstractions", "#b45309", rounds.map { Double($0.librarySize) })])
        page += "</div>\n<h2>Abstractions</h2>\n"
        if abstractions.isEmpty {
            page += "<p>No abstraction learned yet.</p>\n"
        } else {
            page += "<table><tr><th>name</th><th>for round</th><th>in the last library</th><th>type</th><th>body</th><th>uses</th><th>utility</th></tr>\n"
            for a in abstractions {
                page += "<tr><td><code>\(escape(a.name))</code></td><td class=n>\(a.round)</td><td>\(lastLibrary.contains(a.name) ? "yes" : "–")</td><td><code>\(escape(a.type))</code></td><td><code>\(escape(a.pattern))</code></td><td class=n>\(a.uses)</td><td class=n>\(a.utility)</td></tr>\n"
            }
            page += "</table>\n"
        }
        page += "<h2>Tasks solved for the first time</h2>\n<table><tr><th>round</th><th>tasks</th></tr>\n"
        for (round, solved) in newlySolved {
            let list = solved.map { "<span class=\($0.split.rawValue)>\(escape($0.name))</span>" }.joined(separator: ", ")
            page += "<tr><td class=n>\(round)</td><td>\(solved.isEmpty ? "–" : list)</td></tr>\n"
        }
        page += "</table>\n<p>Blue: train tasks (learned from); orange: test tasks (never learned from).</p>\n</body></html>\n"
        return page
    }

    /// A line chart as inline SVG.
    static func chart(_ title: String, x: [Double], series: [(name: String, color: String, values: [Double])]) -> String {
        let width = 500.0, height = 240.0, left = 48.0, right = 16.0, top = 12.0, bottom = 34.0
        let maxX = max(1, x.max() ?? 1)
        // Counts get whole-number ticks; other values (seconds) a scale of their own size.
        let integral = series.allSatisfy { $0.values.allSatisfy { $0 == $0.rounded() } }
        let largest = series.flatMap(\.values).max() ?? 1
        let maxY = (integral ? max(1, largest) : (largest > 0 ? largest : 1)) * 1.1
        func px(_ v: Double) -> Double { left + v / maxX * (width - left - right) }
        func py(_ v: Double) -> Double { height - bottom - v / maxY * (height - top - bottom) }
        var svg = "<figure><figcaption>\(escape(title))</figcaption><svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"\(escape(title))\">\n"
        svg += "<line x1=\"\(left)\" y1=\"\(py(0))\" x2=\"\(width - right)\" y2=\"\(py(0))\" stroke=\"#888\"/><line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(py(0))\" stroke=\"#888\"/>\n"
        let step = integral ? max(1, (maxY / 1.1 / 4).rounded(.up)) : maxY / 1.1 / 4
        for tick in 0...4 where Double(tick) * step <= maxY {
            let value = Double(tick) * step
            svg += "<text x=\"\(left - 6)\" y=\"\(py(value) + 4)\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">\(format(value))</text>"
            svg += "<line x1=\"\(left)\" y1=\"\(py(value))\" x2=\"\(width - right)\" y2=\"\(py(value))\" stroke=\"#eee\"/>\n"
        }
        for round in x {
            svg += "<text x=\"\(px(round))\" y=\"\(height - bottom + 16)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">\(Int(round))</text>\n"
        }
        svg += "<text x=\"\((left + width - right) / 2)\" y=\"\(height - 4)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">round</text>\n"
        for (index, line) in series.enumerated() {
            let points = zip(x, line.values).map { "\(px($0)),\(py($1))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2.5\" points=\"\(points)\"/>\n"
            for (xv, yv) in zip(x, line.values) {
                svg += "<circle cx=\"\(px(xv))\" cy=\"\(py(yv))\" r=\"3.5\" fill=\"\(line.color)\"><title>\(escape(line.name)) round \(Int(xv)): \(format(yv))</title></circle>\n"
            }
            svg += "<text x=\"\(left + 10 + Double(index) * 110)\" y=\"\(top + 12)\" font-size=\"12\" fill=\"\(line.color)\">■ \(escape(line.name))</text>\n"
        }
        return svg + "</svg></figure>\n"
    }

    /// Whole numbers and large values without decimals, others to two (or, below 0.1, three
    /// significant) digits: 0.0031 s reads as 0.0031, not 0.00.
    static func format(_ value: Double) -> String {
        if value >= 100 || value == value.rounded() { return String(format: "%.0f", value) }
        return value >= 0.1 ? String(format: "%.2f", value) : String(format: "%.2g", value)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
