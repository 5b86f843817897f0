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

    /// Whether it passes with no more solved and a higher median than the other side: only
    /// because of the tolerance.
    var withinToleranceOnly: Bool {
        guard passes, proposal.solved <= incumbent.solved, let ours = proposal.medianCandidates, let theirs = incumbent.medianCandidates else {
            return false
        }
        return ours > theirs
    }
}

/// The comparison the guard makes, written once for proposals of every kind.
enum Guard {
    /// What a proposal must show against the state it would replace.
    enum Requirement {
        /// At least as many solved, and a median at most `1 + tolerance` times the other's, or
        /// at most `slack` candidates above it.
        case noWorse
        /// No worse, and better: more solved or a lower median (a change of configuration).
        case better
        /// At least as many solved, and more solved or a median at most `1 − tolerance` times
        /// the other's (a smaller library: it can only help the tasks that picked it).
        case clearlyBetter
    }

    /// Whether `proposal` may replace `incumbent` (named `other` in the reason) on the
    /// validation tasks `tasks`, comparing the solved counts and the median candidates of the
    /// tasks both solve as `requirement` says.
    ///
    /// Whatever the requirement, a proposal may not lose a task the incumbent solved in under
    /// `quick` seconds: near the timeout a task goes either way from run to run, but one
    /// solved quickly and then lost is a loss (a grown library that makes easy tasks hard).
    static func judge(_ proposal: [Int: Trial], against incumbent: [Int: Trial], tasks: [Int], tolerance: Double, slack: Double = 0,
                      quick: Double = 0, requirement: Requirement = .noWorse, other: String = "the incumbent") -> Judgement {
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
        func verdict(_ passes: Bool, _ reason: String) -> Judgement {
            Judgement(passes: passes, reason: reason, incumbent: before, proposal: after, lost: lost, gained: gained)
        }
        let solvedText = "solves \(mine.count) of \(tasks.count) validation tasks (\(other): \(theirs.count))"
        guard mine.count >= theirs.count else { return verdict(false, "only " + solvedText) }
        let lostQuickly = lost.filter { incumbent[$0]!.seconds < quick }
        if !lostQuickly.isEmpty {
            return verdict(false, solvedText + ", but not \(lostQuickly.count) that \(other) solved in under \(String(format: "%g", quick)) s")
        }
        let more = mine.count > theirs.count
        guard let ours = after.medianCandidates, let base = before.medianCandidates else {
            return verdict(requirement == .noWorse || more, solvedText + (both.isEmpty ? ", none solved by both" : ""))
        }
        let medians = solvedText + "; median candidates \(count(ours)) on the \(both.count) both solve (\(other): \(count(base))"
        if ours > max(base * (1 + tolerance), base + slack) {
            return verdict(false, medians + ", more than \(percent(tolerance))" + (slack > 0 ? " and \(count(slack)) candidates" : "") + " above)")
        }
        switch requirement {
        case .noWorse:
            return verdict(true, medians + ")")
        case .better:
            return verdict(more || ours < base, medians + (more || ours < base ? ")" : "): no better"))
        case .clearlyBetter:
            let clearly = more || ours <= base * (1 - tolerance)
            return verdict(clearly, medians + (clearly ? ")" : "): not \(percent(tolerance)) below"))
        }
    }

    static func median(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : BootstrapRun.median(values.sorted())
    }

    static func count(_ value: Double) -> String { String(format: "%.0f", value) }

    static func percent(_ share: Double) -> String { String(format: "%g %%", share * 100) }
}
