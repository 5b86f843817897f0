import Foundation
import Language
import Ranking
import Tasks

/// The names of the SyGuS domain's own features, which follow the example features in a
/// SyGuS problem's `Features` (`TaskFeatures.vector(of: SyGuSProblem)`), in this order.
public enum SyGuSFeature {
    /// `sygus.operators.0` … `sygus.operators.31`: the operators the specification mentions,
    /// hashed by name into 32 buckets, each the fraction of operator occurrences.
    public static let operators: [String] = (0..<32).map { "sygus.operators.\($0)" }
    /// 1 when the specification is logical (its constraints mention declared variables).
    public static let logical = "sygus.logical"
    /// squash(the number of constraints).
    public static let constraints = "sygus.constraints"
    /// The parameters of the (first) function to synthesize / 3.
    public static let parameters = "sygus.parameters"
    /// 1 when there are several functions to synthesize.
    public static let functions = "sygus.functions"
}

extension TaskFeatures {
    /// The features of a SyGuS problem: those of its examples when it is a
    /// programming-by-example problem, of its reference examples
    /// (`SyGuSProblem.referenceExamples`) when it has a reference implementation, then the
    /// domain's own (`SyGuSFeature`), of the operators its specification mentions and its shape.
    public static func vector(of problem: SyGuSProblem) -> Features {
        vector(of: problem.featureExamples, problem: problem, operators: problem.specificationOperators)
    }

    /// The features of `examples` and `operators` (a specification's operator counts), with
    /// the shape of `problem`.
    static func vector(of examples: [(inputs: [Value], output: Value)], problem: SyGuSProblem, operators: [String: Int]) -> Features {
        vector(of: vector(of: examples), problem: problem, operators: operators)
    }

    /// `features` (of examples) followed by the SyGuS domain's own.
    static func vector(of features: Features, problem: SyGuSProblem, operators: [String: Int]) -> Features {
        var features = features
        var buckets = [Double](repeating: 0, count: SyGuSFeature.operators.count)
        let total = Double(operators.values.reduce(0, +))
        for (name, count) in operators {
            buckets[Int(SplitMix64.seed(for: name) % UInt64(buckets.count))] += Double(count) / max(1, total)
        }
        features.append(names: SyGuSFeature.operators, values: buckets)
        features.append(SyGuSFeature.logical, problem.constraints.contains { $0.mentionsVariables } ? 1 : 0)
        features.append(SyGuSFeature.constraints, squash(Double(problem.constraints.count)))
        features.append(SyGuSFeature.parameters, Double(problem.functions.first?.parameters.count ?? 0) / 3)
        features.append(SyGuSFeature.functions, problem.functions.count > 1 ? 1 : 0)
        return features
    }
}
