import Foundation

extension RunReport {
    /// The journal as a timeline: for each sleep what it decided, then each proposal with its
    /// decision, what it changes, the validation figures of both sides and why.
    static func journalTable(_ entries: [JournalEntry]) -> String {
        var page = "<h2>Changes the loop made to itself</h2>\n"
        guard !entries.isEmpty else {
            return page + "<p>No proposal journalled (a run journals from its first sleep; runs from before the guard have no journal).</p>\n"
        }
        func figures(_ figures: ValidationFigures?) -> String {
            guard let figures else { return "–" }
            let median = figures.medianCandidates.map { ", median \(Guard.count($0)) candidates" } ?? ""
            return "\(figures.solved)/\(figures.total) solved" + median
        }
        page += "<table><tr><th>sleep</th><th>proposal</th><th>decision</th><th>incumbent</th><th>proposal's figures</th><th>why</th></tr>\n"
        for round in Set(entries.map(\.round)).sorted() {
            let mine = entries.filter { $0.round == round }
            page += "<tr><td class=n>\(round) → \(round + 1)</td><td colspan=5><b>\(escape(JournalEntry.outcome(of: mine)))</b></td></tr>\n"
            for entry in mine {
                let evidence = entry.taskChanges.isEmpty ? "" : "; " + entry.taskChanges
                page += "<tr><td></td><td>\(escape(entry.name))<br><span class=muted>\(escape(entry.change))</span></td>"
                    + "<td>\(escape(entry.decision.rawValue))</td><td>\(escape(figures(entry.incumbent)))</td>"
                    + "<td>\(escape(figures(entry.proposal)))</td><td>\(escape(entry.reason + evidence))</td></tr>\n"
            }
        }
        return page + "</table>\n<p class=muted>Figures are on the validation tasks; medians over the tasks both sides solved.</p>\n"
    }
}
