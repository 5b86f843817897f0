import Search

/// Where a search's or a sleep's time went, part by part: what the loop measures of itself
/// and keeps in the run store.
///
/// ```swift
/// var timings = Timings()
/// let verdict = timings.measure(.verification) { verifier.verify(candidate) }
/// timings.parts   // [(.verification, 0.012)]
/// ```
public struct Timings: Sendable, Equatable {
    /// A part of the work, with its name in the run store.
    public enum Part: String, Sendable, CaseIterable {
        /// A search's enumeration of candidates, their evaluation on the examples and the
        /// pruning of equivalent ones, together: its wall time. `enumeration`, `evaluation`,
        /// `deduplication` and `waiting` divide it (with `fallback`'s).
        case search
        /// A second search, with the starting grammar, after the guided search found nothing
        /// (enumeration, evaluation and pruning, as `search`).
        case fallback
        /// Of `search` and `fallback`: building candidates (the walk of the program space, or
        /// the combination of kept programs), estimated from a sample (`CandidateSample`).
        case enumeration
        /// Of `search` and `fallback`: running candidates on the examples and checking their
        /// outputs, estimated from a sample.
        case evaluation
        /// Of `search` and `fallback`: comparing candidates' outputs with the programs kept
        /// (observational equivalence) and keeping the new ones, estimated from a sample.
        case deduplication
        /// Of `search` and `fallback`: the task's thread waiting for the threads helping it to
        /// finish a window of the search.
        case waiting
        /// Checking candidates against the specification with Z3.
        case verification
        /// Conditioning the grammar on the task with the ranking model.
        case inference
        /// A sleep's compression: learning abstractions and rewriting the solutions with them.
        case compression
        /// A sleep's derivations of the solutions in the new library and the refit of its weights.
        case refitting
        /// A sleep's drawing of dreams.
        case dreaming
        /// A sleep's training of the ranking model.
        case training
        /// The guard's searches of the validation tasks with what a sleep proposes.
        case validation
    }

    /// The parts that divide `search` and `fallback` rather than add to them.
    public static let withinSearch: Set<Part> = [.enumeration, .evaluation, .deduplication, .waiting]

    /// Seconds by part.
    public private(set) var seconds: [Part: Double] = [:]

    public init() {}

    /// Adds `seconds` to `part`.
    public mutating func add(_ part: Part, _ seconds: Double) {
        self.seconds[part, default: 0] += seconds
    }

    /// Adds every part of `other`.
    public mutating func add(_ other: Timings) {
        for (part, seconds) in other.seconds { add(part, seconds) }
    }

    /// Adds the division of `seconds` of searching, in which `candidates` were built, into
    /// enumeration, evaluation and deduplication, as `sample` estimates it.
    public mutating func add(_ sample: CandidateSample, candidates: Int, within seconds: Double) {
        let estimate = sample.estimate(candidates: candidates, within: seconds)
        add(.enumeration, estimate.enumeration)
        add(.evaluation, estimate.evaluation)
        if estimate.deduplication > 0 { add(.deduplication, estimate.deduplication) }
    }

    /// These timings with `part`'s seconds counted as `other`'s.
    public func moving(_ part: Part, to other: Part) -> Timings {
        var moved = self
        if let seconds = moved.seconds.removeValue(forKey: part) { moved.add(other, seconds) }
        return moved
    }

    /// The parts measured, in the order `Part` declares them.
    public var parts: [(part: Part, seconds: Double)] {
        Part.allCases.compactMap { part in seconds[part].map { (part, $0) } }
    }

    /// What `body` returns, its seconds added to `part`.
    public mutating func measure<T, E: Error>(_ part: Part, _ body: () throws(E) -> T) throws(E) -> T {
        let start = ContinuousClock.now
        defer { add(part, Self.seconds(since: start)) }
        return try body()
    }

    /// The seconds from `start` to now.
    public static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }
}
