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
    /// Up to `options.count` dreams of `grammar` over the inputs of `tasks`: for a task drawn
    /// at random, a program of its type is sampled and run on its inputs. Programs that fail
    /// on an input, or give every input the same output, are dropped; of the programs with
    /// the same outputs on the same inputs only the most probable is kept. Deterministic for
    /// a seed.
    public static func dreams(of grammar: Grammar, over tasks: [ExampleTask], options: DreamOptions = DreamOptions()) -> [Dream] {
        let usable = tasks.filter { !$0.examples.isEmpty }
        guard !usable.isEmpty, options.count > 0 else { return [] }
        var random = SplitMix64(seed: options.seed)
        let evaluator = Evaluator(stepLimit: options.stepLimit)
        struct Behaviour: Hashable {
            var task: Int
            var outputs: [Value]
        }
        var kept: [Behaviour: Dream] = [:]
        var order: [Behaviour] = []
        var attempts = 0
        while kept.count < options.count && attempts < options.count * options.attemptsPerDream {
            attempts += 1
            let index = Int(random.next() % UInt64(usable.count))
            let source = usable[index]
            guard let program = grammar.sample(
                request: source.request, maximumDepth: options.maximumDepth, maximumSize: options.maximumSize,
                attempts: 1, using: &random),
                  let logPrior = grammar.logPrior(of: program, request: source.request)
            else { continue }
            var outputs: [Value] = []
            outputs.reserveCapacity(source.examples.count)
            for example in source.examples {
                guard let output = try? evaluator.run(program, on: example.inputs) else { break }
                outputs.append(output)
            }
            guard outputs.count == source.examples.count else { continue }
            if outputs.count > 1 && outputs.allSatisfy({ $0 == outputs[0] }) { continue }
            let behaviour = Behaviour(task: index, outputs: outputs)
            if let existing = kept[behaviour] {
                if logPrior > existing.logPrior { kept[behaviour]!.program = program; kept[behaviour]!.logPrior = logPrior }
                continue
            }
            let examples = zip(source.examples, outputs).map { ExampleTask.Example(inputs: $0.0.inputs, output: $0.1) }
            let dreamTask = ExampleTask(name: "dream \(kept.count + 1)", request: source.request, examples: examples)
            kept[behaviour] = Dream(program: program, logPrior: logPrior, inputsFrom: source.name, task: dreamTask)
            order.append(behaviour)
        }
        return order.map { kept[$0]! }
    }
}

extension TaskFeatures {
    /// The features of an example task.
    public static func vector(of task: ExampleTask) -> Features {
        vector(of: task.examples.map { (inputs: $0.inputs, output: $0.output) })
    }
}
