import Language
import Ranking

/// The names of the sequence domain's own features, which follow the example features (of the
/// examples `n ↦ a(n)`) in a sequence's `Features`, in this order. Each is 0 or 1.
public enum SequenceFeature {
    /// The first differences a(n+1) − a(n) are all equal: an arithmetic progression.
    public static let differencesConstant = "sequence.differences.constant"
    /// The second differences are all equal (the first are not): a quadratic.
    public static let secondDifferencesConstant = "sequence.differences.second.constant"
    /// a(n+1) = r · a(n) for one integer r ∉ {0, 1} and no term 0: a geometric progression.
    public static let ratiosConstant = "sequence.ratios.constant"
    /// Every term is larger than the one before.
    public static let increasing = "sequence.increasing"
    /// The terms' signs alternate, none of them 0.
    public static let alternatingSign = "sequence.alternating.sign"
    /// The first differences alternate in sign, none of them 0 (0, 1, 0, 1, … or 1, −1, 1, …).
    public static let differencesAlternating = "sequence.differences.alternating"
    /// The sequence repeats a block of at most half its terms (and is not constant).
    public static let periodic = "sequence.periodic"

    /// Every name, in the order the features follow the example features.
    public static let names = [differencesConstant, secondDifferencesConstant, ratiosConstant, increasing, alternatingSign,
                               differencesAlternating, periodic]
}

extension TaskFeatures {
    /// The features of a sequence: those of its examples `n ↦ a(n)`, then the domain's own
    /// (`SequenceFeature`).
    public static func vector(of sequence: IntegerSequence) -> Features {
        vector(ofTerms: sequence.terms)
    }

    /// The features of the sequence whose terms are `terms`.
    static func vector(ofTerms terms: [Int]) -> Features {
        var features = vector(of: terms.enumerated().map { (inputs: [Value.int($0.offset)], output: Value.int($0.element)) })
        features.append(names: SequenceFeature.names, values: sequenceValues(terms).map { $0 ? 1 : 0 })
        return features
    }

    /// The sequence features' values, in the order of `SequenceFeature.names`.
    private static func sequenceValues(_ terms: [Int]) -> [Bool] {
        let differences = Self.differences(terms)
        let second = differences.flatMap(Self.differences)
        let differencesConstant = differences.map { Set($0).count == 1 } ?? false
        let periodic = Set(terms).count > 1 && (1...max(1, terms.count / 2)).contains { period in
            terms.indices.dropFirst(period).allSatisfy { terms[$0] == terms[$0 - period] }
        }
        return [
            differencesConstant,
            !differencesConstant && (second.map { Set($0).count == 1 } ?? false),
            isGeometric(terms),
            differences.map { !$0.isEmpty && $0.allSatisfy { $0 > 0 } } ?? false,
            alternates(terms),
            differences.map(alternates) ?? false,
            periodic,
        ]
    }

    /// Whether a(n+1) = r · a(n) for one integer r ∉ {0, 1}, with no term 0.
    private static func isGeometric(_ terms: [Int]) -> Bool {
        guard terms.count >= 2, !terms.contains(0) else { return false }
        let (ratio, overflow) = terms[1].dividedReportingOverflow(by: terms[0])
        guard !overflow, ratio != 0, ratio != 1 else { return false }
        return zip(terms, terms.dropFirst()).allSatisfy { a, b in
            let (product, overflow) = a.multipliedReportingOverflow(by: ratio)
            return !overflow && product == b
        }
    }

    /// a(n+1) − a(n) for each n; `nil` when one overflows.
    private static func differences(_ terms: [Int]) -> [Int]? {
        var result: [Int] = []
        for (a, b) in zip(terms, terms.dropFirst()) {
            let (difference, overflow) = b.subtractingReportingOverflow(a)
            if overflow { return nil }
            result.append(difference)
        }
        return result
    }

    /// Whether `values` (at least two) are non-zero and alternate in sign.
    private static func alternates(_ values: [Int]) -> Bool {
        values.count >= 2 && !values.contains(0) && zip(values, values.dropFirst()).allSatisfy { ($0 < 0) != ($1 < 0) }
    }
}
