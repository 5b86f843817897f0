import Foundation
import Grammar
import Language

/// One program the ranking model should make likely for a task: a solution from a task's
/// frontier (weighted by its posterior within the frontier) or a dream.
public struct RankerExample: Sendable {
    /// The task's name; examples of one task stay on one side of the validation split.
    public var task: String
    /// The task's features.
    public var features: Features
    /// The choices that derive the program: given, or found by the grammar (a λ-program).
    public var derivation: Derivation
    public var weight: Double
    public var isDream: Bool

    public enum Derivation: Sendable {
        case program(Program, request: TypeExpr)
        case choices([ChoicePoint])
    }

    public init(task: String, features: Features, program: Program, request: TypeExpr, weight: Double = 1, isDream: Bool = false) {
        self.init(task: task, features: features, derivation: .program(program, request: request), weight: weight, isDream: isDream)
    }

    public init(task: String, features: Features, derivation: Derivation, weight: Double = 1, isDream: Bool = false) {
        self.task = task
        self.features = features
        self.derivation = derivation
        self.weight = weight
        self.isDream = isDream
    }

    /// The choice points of the example's program under `grammar`.
    func choicePoints(in grammar: Grammar) -> [ChoicePoint]? {
        switch derivation {
        case .program(let program, let request): return grammar.choicePoints(of: program, request: request)
        case .choices(let points): return points
        }
    }
}

/// How to train a ranking model.
public struct RankerTrainingOptions: Sendable {
    public var hidden = 64
    public var maximumEpochs = 200
    /// The most programs per batch; small training sets get smaller batches, so that an epoch
    /// makes at least about ten updates.
    public var batchSize = 32
    public var learningRate = 1e-3
    /// The fraction of real tasks held aside to decide when to stop (dreams are never held aside).
    public var validationFraction = 0.15
    /// Stop after this many epochs without a better validation loss; the best model is kept.
    public var patience = 20
    public var seed: UInt64 = 1
    /// The model's first inputs, whether or not an example has them; the examples' other
    /// features follow in the order they first appear. By default `Features.version1Names`,
    /// the inputs models have always had, so that a model trained on the features of today's
    /// producers is, input for input and weight for weight, the model version 1 trained (a
    /// λ task has no SyGuS features: those inputs read 0, as they always did).
    public var leadingInputs = Features.version1Names

    public init() {}
}

/// The loss curve of a training run: mean loss per program (−log P(program | task)).
public struct RankerTrainingReport: Sendable {
    public struct Epoch: Sendable {
        public var epoch: Int
        public var trainingLoss: Double
        public var validationLoss: Double?
    }
    public var epochs: [Epoch] = []
    public var bestEpoch = 0
    public var trainingExamples = 0
    public var validationExamples = 0
    /// Programs the grammar cannot derive (skipped).
    public var skipped = 0
}

/// A training example compiled against the model's rows.
struct CompiledExample {
    struct Choice {
        /// Rows of the choices that fitted, with the log of how many of each fitted (a row
        /// stands for every fitting variable at once).
        var rows: [Int32]
        var logMultiplicity: [Double]
        var chosen: Int32
    }
    /// The network's input.
    var features: [Double]
    var choices: [Choice]
    var weight: Double
}

extension Ranker {
    /// Trains a model for `grammar` on `examples`; returns it with its loss curve. The model's
    /// inputs are `options.leadingInputs`, then the examples' other features in the order
    /// they first appear; its outputs are the choices the examples' derivations offer.
    public static func train(
        _ examples: [RankerExample], grammar: Grammar, options: RankerTrainingOptions = RankerTrainingOptions(),
        progress: ((RankerTrainingReport.Epoch) -> Void)? = nil
    ) -> (Ranker, RankerTrainingReport) {
        var report = RankerTrainingReport()
        var derivations: [(RankerExample, [ChoicePoint])] = []
        var keySet = Set<ContextualKey>()
        for example in examples {
            guard let points = example.choicePoints(in: grammar) else {
                report.skipped += 1
                continue
            }
            for point in points {
                for production in point.fittingProductions { keySet.insert(ContextualKey(slot: point.slot, choice: .production(production))) }
                if point.fittingVariables > 0 { keySet.insert(ContextualKey(slot: point.slot, choice: .variable)) }
            }
            derivations.append((example, points))
        }
        let keys = keySet.sorted { describe($0) < describe($1) }
        let names = featureNames(of: derivations.map(\.0.features), after: options.leadingInputs)
        var ranker = Ranker(featureNames: names, keys: keys, grammar: grammar, hidden: options.hidden, seed: options.seed)
        let compiled = derivations.map { ranker.compile($0.0, $0.1) }

        let (training, validation) = split(compiled, of: derivations.map(\.0), options: options)
        report.trainingExamples = training.count
        report.validationExamples = validation.count

        var optimizer = AdamOptimizer(for: ranker.network, learningRate: options.learningRate)
        var random = SplitMix64(seed: options.seed)
        var best = ranker.network
        var bestLoss = Double.infinity
        var sinceBest = 0
        var order = Array(training.indices)
        let batchSize = max(1, min(options.batchSize, training.count / 10))
        for epoch in 1...max(1, options.maximumEpochs) {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, Int(random.next() % UInt64(i + 1)))
            }
            var epochLoss = 0.0, epochWeight = 0.0
            for start in stride(from: 0, to: order.count, by: batchSize) {
                let batch = order[start..<min(order.count, start + batchSize)]
                var gradient = NeuralNetwork.Gradient(like: ranker.network)
                var batchWeight = 0.0
                for index in batch {
                    let example = training[index]
                    epochLoss += ranker.loss(example, gradient: &gradient) * example.weight
                    batchWeight += example.weight
                }
                epochWeight += batchWeight
                if batchWeight > 0 {
                    gradient.scale(by: 1 / batchWeight)
                    optimizer.update(&ranker.network, with: gradient)
                }
            }
            let trainingLoss = epochWeight > 0 ? epochLoss / epochWeight : 0
            let validationLoss = validation.isEmpty ? nil : ranker.meanLoss(validation)
            let record = RankerTrainingReport.Epoch(epoch: epoch, trainingLoss: trainingLoss, validationLoss: validationLoss)
            report.epochs.append(record)
            progress?(record)
            let watched = validationLoss ?? trainingLoss
            if watched < bestLoss - 1e-9 {
                bestLoss = watched
                best = ranker.network
                report.bestEpoch = epoch
                sinceBest = 0
            } else {
                sinceBest += 1
                if sinceBest >= options.patience { break }
            }
        }
        ranker.network = best
        return (ranker, report)
    }

    /// The compiled examples to train on and those held aside: whole real tasks, chosen by a
    /// seeded hash of their names.
    private static func split(_ compiled: [CompiledExample], of examples: [RankerExample],
                              options: RankerTrainingOptions) -> (training: [CompiledExample], validation: [CompiledExample]) {
        var training: [CompiledExample] = [], validation: [CompiledExample] = []
        for (index, example) in examples.enumerated() {
            var hash = SplitMix64(seed: SplitMix64.seed(for: example.task) ^ options.seed)
            let draw = Double(hash.next() >> 11) / Double(1 << 53)
            if !example.isDream && draw < options.validationFraction {
                validation.append(compiled[index])
            } else {
                training.append(compiled[index])
            }
        }
        return (training, validation)
    }

    private static func describe(_ key: ContextualKey) -> String { "\(key.slot) \(key.choice)" }

    /// `leading`, then the names of `features` it lacks in the order they first appear.
    static func featureNames(of features: [Features], after leading: [String]) -> [String] {
        var names = leading
        var known = Set(leading)
        var previous: [String] = []
        for item in features where item.names != previous {
            for name in item.names where known.insert(name).inserted { names.append(name) }
            previous = item.names
        }
        return names
    }

    func compile(_ example: RankerExample, _ points: [ChoicePoint]) -> CompiledExample {
        let choices = points.map { point -> CompiledExample.Choice in
            var fitted: [Int32] = [], multiplicity: [Double] = []
            for production in point.fittingProductions {
                fitted.append(Int32(rows[ContextualKey(slot: point.slot, choice: .production(production))]!))
                multiplicity.append(0)
            }
            if point.fittingVariables > 0 {
                fitted.append(Int32(rows[ContextualKey(slot: point.slot, choice: .variable)]!))
                multiplicity.append(log(Double(point.fittingVariables)))
            }
            let chosen = Int32(rows[ContextualKey(slot: point.slot, choice: point.chosen)]!)
            return CompiledExample.Choice(rows: fitted, logMultiplicity: multiplicity, chosen: chosen)
        }
        return CompiledExample(features: input(of: example.features), choices: choices, weight: example.weight)
    }

    /// −log P(program | task) under the model, adding its gradient (times the example's
    /// weight) to `gradient` when one is given.
    func loss(_ example: CompiledExample, gradient: inout NeuralNetwork.Gradient) -> Double {
        let hidden = network.hidden(example.features)
        var outputGradient: [(row: Int, value: Double)] = []
        let loss = choiceLoss(example, hidden: hidden, outputGradient: &outputGradient)
        if example.weight != 0 {
            let scaled = outputGradient.map { (row: $0.row, value: $0.value * example.weight) }
            network.backpropagate(x: example.features, hidden: hidden, outputGradient: scaled, into: &gradient)
        }
        return loss
    }

    private func choiceLoss(_ example: CompiledExample, hidden: [Double], outputGradient: inout [(row: Int, value: Double)]) -> Double {
        var cache: [Int32: Double] = [:]
        func output(_ row: Int32) -> Double {
            if let value = cache[row] { return value }
            let value = network.output(Int(row), hidden: hidden)
            cache[row] = value
            return value
        }
        var total = 0.0
        for choice in example.choices {
            let scores = choice.rows.indices.map { output(choice.rows[$0]) + choice.logMultiplicity[$0] }
            let maximum = scores.max() ?? 0
            let sum = scores.reduce(0) { $0 + exp($1 - maximum) }
            total += maximum + log(sum) - output(choice.chosen)
            for (index, row) in choice.rows.enumerated() {
                outputGradient.append((Int(row), exp(scores[index] - maximum) / sum))
            }
            outputGradient.append((Int(choice.chosen), -1))
        }
        return total
    }

    /// The weighted mean loss over `examples`.
    func meanLoss(_ examples: [CompiledExample]) -> Double {
        var total = 0.0, weight = 0.0
        var ignored: [(row: Int, value: Double)] = []
        for example in examples {
            ignored.removeAll(keepingCapacity: true)
            total += choiceLoss(example, hidden: network.hidden(example.features), outputGradient: &ignored) * example.weight
            weight += example.weight
        }
        return weight > 0 ? total / weight : 0
    }
}

extension NeuralNetwork.Gradient {
    mutating func scale(by factor: Double) {
        for i in w1.indices { w1[i] *= factor }
        for i in b1.indices { b1[i] *= factor }
        for i in w2.indices { w2[i] *= factor }
        for i in b2.indices { b2[i] *= factor }
    }
}
