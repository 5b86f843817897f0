import Domain
import Foundation
import Grammar
import Language
import Ranking
import Tasks

/// Dreams for SyGuS problems: programs sampled from a problem's own grammar, run on the
/// problem's inputs (its examples' inputs, or the points of its reference examples), their
/// features those input/output pairs. For a logical problem a dream also stands for a
/// specification that mentions the dream's own operators, as a reference implementation would.
public struct SyGuSDream: Sendable {
    public var task: String
    /// The name of the problem it was drawn for.
    public var origin: String
    /// The problem it was drawn for.
    public var problem: SyGuSProblem
    public var body: Tasks.Expression
    /// Its log likelihood under the grammar it was drawn with (`SyGuSChoiceSpace`).
    public var logPrior: Double
    public var features: Features
    public var choices: [ChoicePoint]
    /// The problem's inputs it ran on (its examples', or its reference examples' points) with
    /// its outputs; none for a logical problem without a reference.
    public var examples: [(inputs: [Value], output: Value)]
}

extension SyGuSDream {
    /// Up to `count` dreams over `problems` (single-function problems only; see `Dreaming`):
    /// for a problem drawn at random, a program of its grammar sampled with `grammar`'s
    /// weights (`SyGuSChoiceSpace`) and run on the problem's inputs. Bare arguments, failures
    /// and constant behaviours are dropped, and of the programs with the same outputs on the
    /// same problem only the most probable is kept (for a logical problem without inputs, a
    /// program's behaviour is its text). Deterministic for a seed.
    public static func dreams(over problems: [(name: String, problem: SyGuSProblem)], grammar: Grammar, count: Int, seed: UInt64,
                              maximumDepth: Int = 4) -> [SyGuSDream] {
        let usable = problems.filter { $0.problem.functions.count == 1 }
        let dreamt = Dreaming(count: count, seed: seed).dreams(over: usable, sample: { source, random -> (program: Tasks.Expression, logPrior: Double)? in
            let space = SyGuSChoiceSpace(source.problem, function: 0, weights: grammar)
            // A bare argument teaches nothing about what a task needs.
            guard let body = space.sample(from: space.start, maximumDepth: maximumDepth, using: &random), body.size > 1,
                  let logPrior = space.logLikelihood(of: body) else { return nil }
            return (body, logPrior)
        }, behaviour: { (source: (name: String, problem: SyGuSProblem), body: Tasks.Expression) -> Behaviour? in
            let examples = source.problem.featureExamples
            guard !examples.isEmpty else { return .text(source.problem.text(of: body, function: 0)) }
            let evaluator = ExpressionEvaluator(definitions: source.problem.definitions)
            var outputs: [Value] = []
            for example in examples {
                guard let output = try? evaluator.evaluate(body, variables: [], parameters: example.inputs) else { return nil }
                outputs.append(output)
            }
            guard outputs.count < 2 || Set(outputs).count > 1 else { return nil }
            return .outputs(outputs)
        })
        return dreamt.enumerated().map { position, dream in
            let (name, problem) = usable[dream.source]
            var features: Features
            var shown: [(inputs: [Value], output: Value)] = []
            if case .outputs(let outputs) = dream.behaviour {
                shown = zip(problem.featureExamples, outputs).map { (inputs: $0.0.inputs, output: $0.1) }
                features = TaskFeatures.vector(of: shown)
            } else {
                features = TaskFeatures.vector(of: [])
            }
            // A programming-by-example problem's specification mentions only its examples; a
            // logical one mentions its reference's operators, which for a dream are its own.
            var operators = problem.specificationOperators
            if problem.examples.isEmpty {
                operators = ["=": 1]
                Self.countOperators(dream.program, into: &operators)
            }
            features = TaskFeatures.vector(of: features, problem: problem, operators: operators)
            return SyGuSDream(task: "dream \(position + 1) (\(name))", origin: name, problem: problem, body: dream.program, logPrior: dream.logPrior,
                              features: features, choices: problem.choicePoints(of: dream.program, function: 0) ?? [], examples: shown)
        }
    }

    /// What a dream does on its problem: its outputs on the problem's inputs, or its text when
    /// the problem has no inputs.
    enum Behaviour: Hashable {
        case outputs([Value])
        case text(String)
    }

    static func countOperators(_ e: Tasks.Expression, into counts: inout [String: Int]) {
        switch e {
        case .builtin(let primitive, let arguments):
            counts[primitive.name, default: 0] += 1
            for argument in arguments { countOperators(argument, into: &counts) }
        case .definition(_, let arguments), .synthesized(_, let arguments):
            for argument in arguments { countOperators(argument, into: &counts) }
        case .constant, .variable, .parameter, .nonterminal: break
        }
    }
}
