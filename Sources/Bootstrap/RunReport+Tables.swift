import Domain
import Foundation
import Search

extension RunReport {
    /// The run's settings, as the options of `ouro bootstrap` that set them.
    static func settingsTable(_ settings: BootstrapSettings?) -> String {
        guard let settings else {
            return "<p>The run's settings are not recorded.</p>\n"
        }
        var table = "<h2>Settings</h2>\n<table><tr><th>option</th><th>value</th></tr>\n"
        for (option, value) in settings.options {
            table += "<tr><td><code>\(escape(option))</code></td><td>\(escape(value))</td></tr>\n"
        }
        return table + "</table>\n"
    }

    /// Where each round's time went, as recorded (`RunStore.timings`): the wake's wall time
    /// (the round's seconds less its sleep's) and each part of the sleep; then each part of
    /// the searches, summed over each domain's tasks, and what divides the searches' time with
    /// the banks' sizes (from `rows`). Nothing for a run that recorded none.
    static func timingsTables(_ rounds: [RoundSummary], timings: [(sleep: Timings, searches: [Int64: Timings])], tasks: [StoredTask],
                              rows: [TaskRoundResult] = []) -> String {
        guard timings.contains(where: { !$0.sleep.seconds.isEmpty || !$0.searches.isEmpty }) else { return "" }
        func cell(_ seconds: Double?) -> String { "<td class=n>\(seconds.map { String(format: "%.2f s", $0) } ?? "–")</td>" }
        let sleepParts = Timings.Part.allCases.filter { part in timings.contains { $0.sleep.seconds[part] != nil } }
        var page = "<h2>Where each round's time went</h2>\n<table><tr><th>round</th><th>wake (wall)</th>"
            + sleepParts.map { "<th>sleep: \($0.rawValue)</th>" }.joined() + "</tr>\n"
        for (summary, timing) in zip(rounds, timings) {
            let wake = max(0, summary.seconds - timing.sleep.seconds.values.reduce(0, +))
            page += "<tr><td class=n>\(summary.round)</td><td class=n>\(String(format: "%.1f s", wake))</td>"
                + sleepParts.map { cell(timing.sleep.seconds[$0]) }.joined() + "</tr>\n"
        }
        page += "</table>\n<p class=muted>The last round has no sleep.</p>\n"
        let domainOf = Dictionary(tasks.map { ($0.id, $0.domain ?? "–") }, uniquingKeysWith: { first, _ in first })
        let byDomain = timings.map { timing in
            var sums: [String: (tasks: Int, timings: Timings)] = [:]
            for (task, parts) in timing.searches {
                let domain = domainOf[task] ?? "–"
                sums[domain, default: (0, Timings())].tasks += 1
                sums[domain, default: (0, Timings())].timings.add(parts)
            }
            return sums
        }
        let measured = Timings.Part.allCases.filter { part in byDomain.contains { $0.values.contains { $0.timings.seconds[part] != nil } } }
        let searchParts = measured.filter { !Timings.withinSearch.contains($0) }
        guard !searchParts.isEmpty else { return page }
        func table(_ parts: [Timings.Part], extra: [String] = [], _ extraCells: (Int, String) -> String = { _, _ in "" }) -> String {
            var table = "<table><tr><th>round</th><th>domain</th><th>tasks</th>" + parts.map { "<th>\($0.rawValue)</th>" }.joined()
                + extra.map { "<th>\($0)</th>" }.joined() + "</tr>\n"
            for (summary, sums) in zip(rounds, byDomain) {
                for (domain, sum) in sums.sorted(by: { $0.key < $1.key }) {
                    table += "<tr><td class=n>\(summary.round)</td><td>\(escape(domain))</td><td class=n>\(sum.tasks)</td>"
                        + parts.map { cell(sum.timings.seconds[$0]) }.joined() + extraCells(summary.round, domain) + "</tr>\n"
                }
            }
            return table + "</table>\n"
        }
        page += "<h2>Where the searches' time went</h2>\n" + table(searchParts)
            + "<p class=muted>Summed over a domain's tasks, which the jobs search in parallel; search is the guided search's wall time, "
            + "fallback the second search's.</p>\n"
        let within = measured.filter(Timings.withinSearch.contains)
        guard !within.isEmpty else { return page }
        var banks: [Int: [String: [Double]]] = [:]
        for row in rows {
            if let bank = row.bank { banks[row.round, default: [:]][row.task.domain ?? "–", default: []].append(Double(bank)) }
        }
        let bankColumns = banks.isEmpty ? [] : ["median bank", "largest bank"]
        page += "<h2>Inside the searches</h2>\n" + table(within, extra: bankColumns) { round, domain in
            guard !banks.isEmpty else { return "" }
            let sizes = (banks[round]?[domain] ?? []).sorted()
            return "<td class=n>\(Guard.median(sizes).map { String(format: "%.0f", $0) } ?? "–")</td><td class=n>\(sizes.last.map { String(format: "%.0f", $0) } ?? "–")</td>"
        }
        return page + "<p class=muted>What divides search and fallback: estimated by timing one candidate in \(CandidateSample.interval); "
            + "a bank is the programs a bottom-up search kept (the λ search keeps none).</p>\n"
    }

    /// Why tasks went unsolved: each reason with the number of tasks it stopped, per round,
    /// and per domain when the run has tasks of several.
    static func reasonsTable(_ rows: [TaskRoundResult]) -> String {
        let unsolved = rows.filter { !$0.solved }
        guard !unsolved.isEmpty else { return "" }
        let rounds = Array(Set(rows.map(\.round))).sorted()
        let perDomain = Set(rows.map { $0.task.domain ?? "–" }).count > 1
        struct Key: Hashable, Comparable {
            var reason: String
            var domain: String
            static func < (a: Key, b: Key) -> Bool { (a.reason, a.domain) < (b.reason, b.domain) }
        }
        var counts: [Key: [Int: Int]] = [:]
        for row in unsolved {
            let key = Key(reason: row.reason ?? "no reason recorded", domain: perDomain ? row.task.domain ?? "–" : "")
            counts[key, default: [:]][row.round, default: 0] += 1
        }
        var table = "<h2>Why tasks went unsolved</h2>\n<table><tr><th>reason</th>" + (perDomain ? "<th>domain</th>" : "")
            + rounds.map { "<th>round \($0)</th>" }.joined() + "</tr>\n"
        for (key, perRound) in counts.sorted(by: { ($0.value.values.reduce(0, +), $1.key) > ($1.value.values.reduce(0, +), $0.key) }) {
            table += "<tr><td>\(escape(key.reason))</td>" + (perDomain ? "<td>\(escape(key.domain))</td>" : "")
                + rounds.map { "<td class=n>\(perRound[$0] ?? 0)</td>" }.joined() + "</tr>\n"
        }
        return table + "</table>\n"
    }

    /// A row per task: the rounds that solved it, the best program of the latest of them with
    /// its log prior, seconds and candidates, or, unsolved in the last round, why.
    static func tasksTable(_ tasks: [StoredTask], rows: [TaskRoundResult]) -> String {
        guard !rows.isEmpty else { return "" }
        let byTask = Dictionary(grouping: rows, by: \.task.id)
        var table = "<h2>Tasks</h2>\n<table><tr><th>task</th><th>solved in rounds</th><th>best program (latest round solving it)</th><th>log prior</th><th>seconds</th><th>candidates</th><th>last round</th></tr>\n"
        let order = Dictionary(uniqueKeysWithValues: Split.allCases.enumerated().map { ($1, $0) })
        for task in tasks.sorted(by: { (order[$0.split]!, $0.name) < (order[$1.split]!, $1.name) }) {
            let results = (byTask[task.id] ?? []).sorted { $0.round < $1.round }
            let solved = results.filter(\.solved)
            let best = solved.last
            let last = results.last
            let lastCell = last.map { $0.solved ? "solved" : "<span class=muted>\(escape($0.reason ?? "unsolved"))</span>" } ?? "–"
            table += "<tr><td class=\(task.split.rawValue) title=\"\(escape(task.file))\">\(escape(task.name))</td>"
                + "<td>\(solved.isEmpty ? "–" : solved.map { String($0.round) }.joined(separator: ", "))</td>"
                + "<td>\(best.map { "<code>\(escape($0.program ?? "?"))</code>" } ?? "–")</td>"
                + "<td class=n>\(best?.logPrior.map { String(format: "%.2f", $0) } ?? "–")</td>"
                + "<td class=n>\(best.map { ChartAxis.seconds.label($0.seconds) } ?? "–")</td>"
                + "<td class=n>\(best.map { ChartAxis.count.label(Double($0.candidates)) } ?? "–")</td>"
                + "<td>\(lastCell)</td></tr>\n"
        }
        return table + "</table>\n"
    }
}
