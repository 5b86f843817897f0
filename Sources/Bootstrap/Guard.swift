import Domain
import Foundation
import Grammar
import Ranking

/// What a round searches with, and all the loop may change between rounds: the grammar with
/// its library, the ranking model and each domain's search configuration.
struct SearchState: Sendable {
    var grammar: Grammar
    var rankerData: Data?
    var configurations: [String: SearchConfiguration]
    /// The abstractions it adds to the state it was proposed over.
    var abstractions: [StoredAbstraction] = []

    var ranker: Ranker? { rankerData.flatMap { try? Ranker(fileData: $0) } }
}

/// A change a sleep proposes: a name for the journal, what it changes, and the state it leads to.
struct Proposal: Sendable {
    var name: String
    var change: String
    var state: SearchState
}

/// One validation task's outcome under a state.
struct Trial: Sendable, Equatable {
    var solved: Bool
    var candidates: Int
    var seconds: Double
    /// The programs of its answer, as stored.
    var answers: [String] = []
}

/// How one side's trials compare with another's (see `Guard.judge`).
struct Judgement: Equatable {
    var passes: Bool
    var reason: String
    var incumbent: ValidationFigures
    var proposal: ValidationFigures
    var lost: [Int]
    var gained: [Int]
}

/// The comparison the guard makes, written once for proposals of every kind.
enum Guard {
    /// Whether `proposal` may replace `incumbent` on the validation tasks `tasks`: it solves at
    /// least as many, and the median candidates of the tasks both solve is at most
    /// `1 + tolerance` times the incumbent's. With `strictly`, it must also be better: more
    /// solved, or a lower median (a change of configuration is only worth making then).
    static func judge(_ proposal: [Int: Trial], against incumbent: [Int: Trial], tasks: [Int], tolerance: Double,
                      strictly: Bool = false) -> Judgement {
        let mine = tasks.filter { proposal[$0]?.solved == true }
        let theirs = tasks.filter { incumbent[$0]?.solved == true }
        let both = Set(mine).intersection(theirs).sorted()
        func figures(_ trials: [Int: Trial], solved: Int) -> ValidationFigures {
            ValidationFigures(solved: solved, total: tasks.count,
                              medianCandidates: median(both.map { Double(trials[$0]!.candidates) }),
                              medianSeconds: median(both.map { trials[$0]!.seconds }))
        }
        let (before, after) = (figures(incumbent, solved: theirs.count), figures(proposal, solved: mine.count))
        let lost = theirs.filter { !mine.contains($0) }, gained = mine.filter { !theirs.contains($0) }
        let solvedText = "solves \(mine.count) of \(tasks.count) validation tasks (the incumbent \(theirs.count))"
        guard mine.count >= theirs.count else {
            return Judgement(passes: false, reason: solvedText, incumbent: before, proposal: after, lost: lost, gained: gained)
        }
        guard let ours = after.medianCandidates, let base = before.medianCandidates else {
            let better = mine.count > theirs.count
            return Judgement(passes: !strictly || better, reason: solvedText + (both.isEmpty ? ", none solved by both" : ""),
                             incumbent: before, proposal: after, lost: lost, gained: gained)
        }
        let medians = "median candidates \(count(ours)) on the \(both.count) both solve (the incumbent \(count(base))"
        if ours > base * (1 + tolerance) {
            return Judgement(passes: false, reason: solvedText + "; " + medians + ", more than \(percent(tolerance)) above)",
                             incumbent: before, proposal: after, lost: lost, gained: gained)
        }
        let better = mine.count > theirs.count || ours < base
        return Judgement(passes: !strictly || better, reason: solvedText + "; " + medians + (strictly && !better ? "): no better" : ")"),
                         incumbent: before, proposal: after, lost: lost, gained: gained)
    }

    static func median(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : BootstrapRun.median(values.sorted())
    }

    static func count(_ value: Double) -> String { String(format: "%.0f", value) }

    static func percent(_ share: Double) -> String { String(format: "%g %%", share * 100) }
}
