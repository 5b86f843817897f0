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
    /// The problem it was drawn for.
    public var problem: SyGuSProblem
    public var body: Tasks.Expression
    public var features: Features
    public var choices: [ChoicePoint]
    /// The problem's inputs it ran on (its examples', or its reference examples' points) with
    /// its outputs; none for a logical problem without a reference.
    public var examples: [(inputs: [Value], output: Value)]
}

extension SyGuSDream {
    /// Up to `count` dreams over `problems` (single-function problems only), drawn in turn
    /// from the problems; bare arguments, failures and constant behaviours are dropped and repeated
    /// behaviours (the same outputs on the same problem) kept once. Deterministic for a seed.
    /// Programs are drawn with `grammar`'s weights (see `SyGuSProblem.logWeights`).
    public static func dreams(over problems: [(name: String, problem: SyGuSProblem)], grammar: Grammar, count: Int, seed: UInt64,
                              maximumDepth: Int = 4) -> [SyGuSDream] {
        let usable = problems.filter { $0.problem.functions.count == 1 }
        guard !usable.isEmpty, count > 0 else { return [] }
        var random = SplitMix64(seed: seed)
        var seen = Set<String>()
        var dreams: [SyGuSDream] = []
        var attempts = 0
        while dreams.count < count && attempts < count * 30 {
            attempts += 1
            let (name, problem) = usable[Int(random.next() % UInt64(usable.count))]
            let weights = problem.logWeights(of: problem.functions[0].grammar, from: grammar)
            // A bare argument teaches nothing about what a task needs.
            guard let body = problem.sample(function: 0, maximumDepth: maximumDepth, weights: weights, using: &random),
                  body.size > 1, let choices = problem.choicePoints(of: body, function: 0) else { continue }
            let examples = problem.featureExamples
            var features: Features
            var shown: [(inputs: [Value], output: Value)] = []
            var behaviour = name
            if !examples.isEmpty {
                let evaluator = ExpressionEvaluator(definitions: problem.definitions)
                var outputs: [Value] = []
                for example in examples {
                    guard let output = try? evaluator.evaluate(body, variables: [], parameters: example.inputs) else { break }
                    outputs.append(output)
                }
                guard outputs.count == examples.count, outputs.count < 2 || Set(outputs).count > 1 else { continue }
                shown = zip(examples, outputs).map { (inputs: $0.0.inputs, output: $0.1) }
                features = TaskFeatures.vector(of: shown)
                behaviour += " " + outputs.map(\.description).joined(separator: " ")
            } else {
                features = TaskFeatures.vector(of: [])
                behaviour += " " + problem.text(of: body, function: 0)
            }
            // A programming-by-example problem's specification mentions only its examples; a
            // logical one mentions its reference's operators, which for a dream are its own.
            var operators = problem.specificationOperators
            if problem.examples.isEmpty {
                operators = ["=": 1]
                Self.countOperators(body, into: &operators)
            }
            features = TaskFeatures.vector(of: features, problem: problem, operators: operators)
            guard seen.insert(behaviour).inserted else { continue }
            dreams.append(SyGuSDream(task: "dream \(dreams.count + 1) (\(name))", problem: problem, body: body, features: features, choices: choices,
                                     examples: shown))
        }
        return dreams
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

extension SyGuSProblem {
    /// A program drawn from `function`'s grammar: each production chosen with probability
    /// proportional to `exp(weights[nonterminal][production])` (uniformly without weights; a
    /// chain production counts as weight 0), only productions without nonterminals at the
    /// maximum depth; `nil` when that cannot close.
    public func sample(function: Int, maximumDepth: Int, weights: [[Double?]]? = nil, using random: inout SplitMix64) -> Tasks.Expression? {
        let grammar = functions[function].grammar
        func draw(_ nonterminal: Int, depth: Int) -> Tasks.Expression? {
            let productions = grammar.nonterminals[nonterminal].productions
            let allowed = productions.indices.filter { depth < maximumDepth || productions[$0].nonterminals.isEmpty }
            guard !allowed.isEmpty else { return nil }
            let masses = allowed.map { exp(weights?[nonterminal][$0] ?? 0) }
            var target = Double(random.next() >> 11) / Double(1 << 53) * masses.reduce(0, +)
            var pick = allowed.last!
            for (index, mass) in zip(allowed, masses) {
                target -= mass
                if target <= 0 {
                    pick = index
                    break
                }
            }
            let template = productions[pick]
            var children: [Tasks.Expression] = []
            for hole in template.nonterminals {
                guard let child = draw(hole, depth: depth + 1) else { return nil }
                children.append(child)
            }
            return template.fillingHoles(children)
        }
        return draw(0, depth: 0)
    }
}
