import Domain
import Grammar
import Language
import Ranking

/// A dream: a program sampled from a grammar, run on the inputs of a real task of its type.
/// It is a task whose solution is known, so the ranking model can learn every behaviour the
/// library can express, not only those the real tasks happened to need.
public struct Dream: Sendable {
    public var program: Program
    public var logPrior: Double
    /// The real task whose inputs it was run on.
    public var inputsFrom: String
    public var task: ExampleTask
}

/// How to dream.
public struct DreamOptions: Sendable {
    public var count = 1_000
    public var seed: UInt64 = 1
    /// Bounds on sampled programs.
    public var maximumDepth = 6
    public var maximumSize = 30
    /// Evaluation steps a dream may take on one input.
    public var stepLimit = 5_000
    /// Give up after this many samples per requested dream.
    public var attemptsPerDream = 30

    public init(count: Int = 1_000, seed: UInt64 = 1) {
        self.count = count
        self.seed = seed
    }
}

extension Dream {
    /// Up to `options.count` dreams of `grammar` over the inputs of `tasks` (see `Dreaming`):
    /// for a task drawn at random, a program of its type is sampled and run on its inputs.
    /// Programs that fail on an input, or give every input the same output, are dropped; of
    /// the programs with the same outputs on the same inputs only the most probable is kept.
    /// Deterministic for a seed.
    public static func dreams(of grammar: Grammar, over tasks: [ExampleTask], options: DreamOptions = DreamOptions()) -> [Dream] {
        let usable = tasks.filter { !$0.examples.isEmpty }
        let evaluator = Evaluator(stepLimit: options.stepLimit)
        let loop = Dreaming(count: options.count, seed: options.seed, attemptsPerDream: options.attemptsPerDream)
        let dreamt = loop.dreams(over: usable, sample: { source, random -> (program: Program, logPrior: Double)? in
            guard let program = grammar.sample(request: source.request, maximumDepth: options.maximumDepth,
                                               maximumSize: options.maximumSize, attempts: 1, using: &random),
                  let logPrior = grammar.logPrior(of: program, request: source.request) else { return nil }
            return (program, logPrior)
        }, behaviour: { (source: ExampleTask, program: Program) -> [Value]? in
            var outputs: [Value] = []
            outputs.reserveCapacity(source.examples.count)
            for example in source.examples {
                guard let output = try? evaluator.run(program, on: example.inputs) else { return nil }
                outputs.append(output)
            }
            if outputs.count > 1 && outputs.allSatisfy({ $0 == outputs[0] }) { return nil }
            return outputs
        })
        return dreamt.enumerated().map { position, dream in
            let source = usable[dream.source]
            let examples = zip(source.examples, dream.behaviour).map { ExampleTask.Example(inputs: $0.0.inputs, output: $0.1) }
            return Dream(program: dream.program, logPrior: dream.logPrior, inputsFrom: source.name,
                         task: ExampleTask(name: "dream \(position + 1)", request: source.request, examples: examples))
        }
    }
}

extension TaskFeatures {
    /// The features of an example task.
    public static func vector(of task: ExampleTask) -> Features {
        vector(of: task.examples.map { (inputs: $0.inputs, output: $0.output) })
    }
}
