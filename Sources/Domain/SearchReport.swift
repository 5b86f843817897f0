import Grammar
import Ranking

/// What guides a search: the grammar (its weights and library), the ranking model that
/// conditions the weights on the task, and a grammar to search with when the guided search
/// finds nothing.
public struct Guidance: Sendable {
    /// The run's grammar; `nil` where a domain's tasks bring their own grammar and the search
    /// goes in size order.
    public var grammar: Grammar?
    public var model: Ranker?
    /// The grammar of a second search, with what the guided one left of the time, when the
    /// guided search finds nothing; `nil` for one search.
    public var fallback: Grammar?
    /// The values of the domain's search settings (`Domain.searchSettings`); defaults unless set.
    public var configuration: SearchConfiguration

    public init(grammar: Grammar?, model: Ranker? = nil, fallback: Grammar? = nil, configuration: SearchConfiguration = SearchConfiguration()) {
        self.grammar = grammar
        self.model = model
        self.fallback = fallback
        self.configuration = configuration
    }
}

/// The bounds of one task's search, and its seed.
public struct Budget: Sendable {
    public var timeout: Duration
    /// The bytes the search may hold.
    public var memoryLimit: Int
    /// How many answers a search that keeps several (a frontier) keeps.
    public var frontierSize: Int
    /// The end of the whole run, when it comes before the task's timeout.
    public var runDeadline: ContinuousClock.Instant?
    /// The seed of whatever the search draws at random (counterexample-guided synthesis's
    /// starting points).
    public var seed: UInt64 = 1
    /// Receives a line for each step worth following (`--verbose`).
    public var trace: (@Sendable (String) -> Void)?

    public init(timeout: Duration, memoryLimit: Int, frontierSize: Int, runDeadline: ContinuousClock.Instant? = nil) {
        self.timeout = timeout
        self.memoryLimit = memoryLimit
        self.frontierSize = frontierSize
        self.runDeadline = runDeadline
    }
}

/// How a search ended.
public enum Outcome<Answer: Sendable>: Sendable {
    case solved(Answer)
    /// No answer exists; the text says why.
    case infeasible(String)
    /// The search stopped without an answer.
    case stopped(UnknownReason)
}

/// A search's outcome with what it cost.
public struct SearchReport<Answer: Sendable>: Sendable {
    public var outcome: Outcome<Answer>
    public var seconds: Double
    /// Complete programs tested.
    public var candidates: Int
    /// Counterexample rounds, for a search that has them.
    public var rounds: Int?
    /// Where the seconds went, as far as the search measured them.
    public var timings: Timings
    /// The most programs the search's bank held, for a search that keeps one.
    public var bank: Int?
    /// Whether the answer came from a second search, with the starting grammar (see
    /// `Timings.Part.fallback`).
    public var foundByFallback: Bool

    public init(outcome: Outcome<Answer>, seconds: Double, candidates: Int, rounds: Int? = nil, timings: Timings = Timings(),
                bank: Int? = nil, foundByFallback: Bool = false) {
        self.outcome = outcome
        self.seconds = seconds
        self.candidates = candidates
        self.rounds = rounds
        self.timings = timings
        self.bank = bank
        self.foundByFallback = foundByFallback
    }

    public var isSolved: Bool {
        if case .solved = outcome { return true }
        return false
    }

    /// Why there is no answer, as the run store keeps it (`nil` when solved).
    public var reason: String? {
        switch outcome {
        case .solved: return nil
        case .infeasible(let why): return "infeasible: \(why)"
        case .stopped(let reason): return reason.description
        }
    }
}
