import Foundation
import Grammar
import Language

/// The ranking model (DreamCoder's recognition model): task features in, a contextual
/// grammar out — one log weight per (slot, choice), where a slot is the root or an argument
/// of a production or of a variable.
///
/// Inputs are named (`featureNames`) and outputs keyed by `ContextualKey` (production name
/// and type), never by position alone, so a model applies to any task and any grammar: a
/// feature the model does not know is ignored and one the task lacks reads 0; a key the
/// grammar lacks is ignored, and a slot or choice the model never saw keeps the grammar's own
/// weight. Output biases start at the weights of the grammar the model was trained against,
/// so an untrained model is that grammar.
public struct Ranker: Sendable {
    /// The model file's `"format"`.
    public static let formatName = "ouroboros-ranker"
    /// The model file's format: 2 names the inputs (`"features"`); 1 did not, its inputs
    /// being `Features.version1Names`.
    public static let formatVersion = 2

    /// The network: one input per feature name, one output per key.
    public var network: NeuralNetwork
    /// The name of each input, in the network's input order; distinct.
    public let featureNames: [String]
    /// What each output row is the weight of.
    public let keys: [ContextualKey]
    let rows: [ContextualKey: Int]
    let inputs: [String: Int]

    /// A model whose network reads `featureNames` and writes `keys`, one of each per input and
    /// output.
    public init(network: NeuralNetwork, featureNames: [String], keys: [ContextualKey]) {
        precondition(network.outputCount == keys.count, "one key per output")
        precondition(network.inputCount == featureNames.count, "one feature name per input")
        self.network = network
        self.featureNames = featureNames
        self.keys = keys
        var rows: [ContextualKey: Int] = [:]
        for (row, key) in keys.enumerated() { rows[key] = row }
        self.rows = rows
        var inputs: [String: Int] = [:]
        for (index, name) in featureNames.enumerated() {
            precondition(inputs.updateValue(index, forKey: name) == nil, "feature \(name) is named twice")
        }
        self.inputs = inputs
    }

    /// A fresh model from `featureNames` to `keys`, biased to `grammar`'s weights for them.
    public init(featureNames: [String], keys: [ContextualKey], grammar: Grammar, hidden: Int = 64, seed: UInt64) {
        let bias = keys.map { grammar.logWeight(of: $0.choice, in: $0.slot) }.map { $0.isFinite ? $0 : -10 }
        self.init(
            network: NeuralNetwork(inputs: featureNames.count, hidden: hidden, outputs: keys.count, seed: seed, outputBias: bias),
            featureNames: featureNames, keys: keys)
    }

    /// The network's input for a task's features: each input the value of the feature of its
    /// name, 0 where the task has none; features the model has no input for are ignored.
    public func input(of features: Features) -> [Double] {
        if features.names == featureNames { return features.values }
        var x = [Double](repeating: 0, count: featureNames.count)
        for (name, value) in zip(features.names, features.values) {
            if let index = inputs[name] { x[index] = value }
        }
        return x
    }

    /// `grammar` conditioned on a task: its contextual weights replaced by the model's
    /// prediction wherever the model has a key the grammar can use.
    public func grammar(for features: Features, base grammar: Grammar) -> Grammar {
        let hidden = network.hidden(input(of: features))
        var conditioned = grammar
        for (row, key) in keys.enumerated() where grammar.offers(key) {
            conditioned.contextualLogWeights[key] = network.output(row, hidden: hidden)
        }
        return conditioned
    }
}

extension Grammar {
    /// Whether the grammar has the productions a contextual key names.
    func offers(_ key: ContextualKey) -> Bool {
        if case .argument(let parent, _) = key.slot, self[parent] == nil { return false }
        if case .production(let child) = key.choice, self[child] == nil { return false }
        return true
    }
}
