import Foundation

/// What a side of a comparison earned on the validation tasks.
public struct ValidationFigures: Sendable, Codable, Equatable {
    public var solved: Int
    public var total: Int
    /// The median candidates and seconds over the tasks both sides solved (`nil` when none).
    public var medianCandidates: Double?
    public var medianSeconds: Double?

    public init(solved: Int, total: Int, medianCandidates: Double?, medianSeconds: Double?) {
        self.solved = solved
        self.total = total
        self.medianCandidates = medianCandidates
        self.medianSeconds = medianSeconds
    }
}

/// One entry of a run's journal: a change a sleep proposed to the state the next round searches
/// with, the evidence for and against it, and what was decided.
public struct JournalEntry: Sendable, Codable, Equatable {
    public enum Decision: String, Sendable, Codable {
        /// The next round searches with it.
        case adopted
        /// Its validation figures fell short of the incumbent's.
        case rejected
        /// It would go past a ceiling the user set.
        case overCeiling = "over a ceiling"
        /// The validation time ran out before it was judged.
        case notEvaluated = "not evaluated"
    }

    /// The round whose sleep proposed it; it decides round `round + 1`'s state.
    public var round: Int
    /// Its name: `learned`, `learned library, no model`, `frontierWindow 1 (lambda)`…
    public var name: String
    /// What it changes, in words.
    public var change: String
    public var decision: Decision
    /// Why, in words, with the figures.
    public var reason: String
    /// The validation figures of the state it was compared with, and its own (over the
    /// tasks both solved), when it was searched.
    public var incumbent: ValidationFigures?
    public var proposal: ValidationFigures?
    /// The validation tasks the incumbent solved and it did not, and the other way round.
    public var lost: [String] = []
    public var gained: [String] = []

    public init(round: Int, name: String, change: String, decision: Decision, reason: String) {
        self.round = round
        self.name = name
        self.change = change
        self.decision = decision
        self.reason = reason
    }
}

extension JournalEntry {
    /// The evidence in words: the tasks lost and gained, by name.
    public var taskChanges: String {
        var parts: [String] = []
        if !lost.isEmpty { parts.append("lost " + lost.joined(separator: ", ")) }
        if !gained.isEmpty { parts.append("gained " + gained.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// What one sleep's entries decided, in words: "adopted learned, frontierWindow 1 (lambda)",
    /// or "kept the state it searched with".
    public static func outcome(of entries: [JournalEntry]) -> String {
        let adopted = entries.filter { $0.decision == .adopted }.map(\.name)
        return adopted.isEmpty ? "kept the state it searched with" : "adopted " + adopted.joined(separator: ", ")
    }

    /// The journal as `ouro history` prints it: for each sleep a line saying what it decided,
    /// then each proposal with its decision, what it changes and why.
    public static func text(_ entries: [JournalEntry]) -> [String] {
        var lines: [String] = []
        for round in Set(entries.map(\.round)).sorted() {
            let mine = entries.filter { $0.round == round }
            lines.append("round \(round) → \(round + 1): \(outcome(of: mine))")
            for entry in mine {
                lines.append("  \(entry.decision.rawValue): \(entry.name) (\(entry.change))")
                lines.append("    \(entry.reason)" + (entry.taskChanges.isEmpty ? "" : "; " + entry.taskChanges))
            }
        }
        return lines
    }
}
