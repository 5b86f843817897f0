/// Where the time of a sample of a search's candidates went, so that a search can say how its
/// time divides between building candidates, evaluating them and pruning the equivalent ones
/// without reading the clock for each (a read costs about as much as building a candidate).
/// A search times one candidate in every `interval` and scales the sums up.
///
/// ```swift
/// var sample = CandidateSample()
/// sample.add(evaluation: 2e-7, deduplication: 5e-8)
/// sample.estimate(candidates: 10_000, within: 0.004)   // evaluation 0.002, deduplication 0.0005
/// ```
public struct CandidateSample: Sendable, Equatable {
    /// One candidate in this many is timed: the `offset`-th, then every `interval`-th after it
    /// (not the first, which meets cold caches; a search of fewer than `offset` candidates is
    /// not divided).
    public static let interval = 2_048
    public static let offset = 64

    /// Whether the `candidate`-th candidate (counted from 1) is one to time.
    @inline(__always)
    public static func times(_ candidate: Int) -> Bool { candidate & (interval - 1) == offset }

    /// Candidates timed.
    public private(set) var count = 0
    /// Seconds the timed candidates spent being evaluated on the examples (and their outputs
    /// checked against the targets).
    public private(set) var evaluation = 0.0
    /// Seconds the timed candidates spent being compared with the programs kept
    /// (observational equivalence) and kept when new.
    public private(set) var deduplication = 0.0

    public init() {}

    /// What one read of the clock costs, measured once (the median of back-to-back reads).
    public static let clockRead: Double = {
        var gaps: [Double] = []
        for _ in 0..<101 {
            let first = ContinuousClock.now
            gaps.append(seconds(ContinuousClock.now - first))
        }
        return gaps.sorted()[gaps.count / 2]
    }()

    /// The seconds from `start` to `end` less the cost of the read that took `end`: the time
    /// of the work between two reads.
    public static func seconds(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> Double {
        max(0, seconds(end - start) - clockRead)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// Adds one timed candidate.
    public mutating func add(evaluation: Double, deduplication: Double = 0) {
        count += 1
        self.evaluation += evaluation
        self.deduplication += deduplication
    }

    /// Adds another sample's timed candidates.
    public mutating func add(_ other: CandidateSample) {
        count += other.count
        evaluation += other.evaluation
        deduplication += other.deduplication
    }

    /// The estimated seconds of evaluation and deduplication over all `candidates`, scaled
    /// down together when they would exceed `seconds` (the time the candidates were built
    /// in), and the rest of `seconds`, the enumeration; zeros for a sample of no candidate.
    public func estimate(candidates: Int, within seconds: Double) -> (enumeration: Double, evaluation: Double, deduplication: Double) {
        guard count > 0, seconds > 0 else { return (max(0, seconds), 0, 0) }
        let scale = Double(candidates) / Double(count)
        var (evaluation, deduplication) = (self.evaluation * scale, self.deduplication * scale)
        let total = evaluation + deduplication
        if total > seconds {
            evaluation *= seconds / total
            deduplication *= seconds / total
        }
        return (max(0, seconds - evaluation - deduplication), evaluation, deduplication)
    }
}
