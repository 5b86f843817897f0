import Foundation
import Grammar
import Language

/// The ranking model (DreamCoder's recognition model): task features in, a contextual
/// grammar out — one log weight per (slot, choice), where a slot is the root or an argument
/// of a production or of a variable.
///
/// Outputs are keyed by `ContextualKey` (production name and type), never by position, so a
/// model applies to any grammar: a key the grammar lacks is ignored, and a slot or choice
/// the model never saw keeps the grammar's own weight. Output biases start at the weights of
/// the grammar the model was trained against, so an untrained model is that grammar.
public struct Ranker: Sendable {
    public static let formatName = "ouroboros-ranker"
    public static let formatVersion = 1

    public var network: NeuralNetwork
    /// What each output row is the weight of.
    public let keys: [ContextualKey]
    let rows: [ContextualKey: Int]

    public init(network: NeuralNetwork, keys: [ContextualKey]) {
        precondition(network.outputCount == keys.count, "one key per output")
        self.network = network
        self.keys = keys
        var rows: [ContextualKey: Int] = [:]
        for (row, key) in keys.enumerated() { rows[key] = row }
        self.rows = rows
    }

    /// A fresh model over `keys`, biased to `grammar`'s weights for them.
    public init(keys: [ContextualKey], grammar: Grammar, hidden: Int = 64, seed: UInt64) {
        let bias = keys.map { grammar.logWeight(of: $0.choice, in: $0.slot) }.map { $0.isFinite ? $0 : -10 }
        self.init(
            network: NeuralNetwork(inputs: TaskFeatures.count, hidden: hidden, outputs: keys.count, seed: seed, outputBias: bias),
            keys: keys)
    }

    /// `grammar` conditioned on a task: its contextual weights replaced by the model's
    /// prediction wherever the model has a key the grammar can use.
    public func grammar(for features: [Double], base grammar: Grammar) -> Grammar {
        let hidden = network.hidden(features)
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

/// A model file that cannot be read, with the reason.
public struct RankerFileError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension Ranker {
    /// The model as JSON: format name and version, sizes, keys and parameters.
    public func fileData() -> Data {
        let object: [String: Any] = [
            "format": Self.formatName, "version": Self.formatVersion,
            "inputs": network.inputCount, "hidden": network.hiddenCount, "outputs": network.outputCount,
            "keys": keys.map(Self.encode),
            "w1": network.w1, "b1": network.b1, "w2": network.w2, "b2": network.b2,
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    /// Reads a model written by `fileData()`; a foreign, truncated or newer file is an error.
    /// (Numbers are read from their spelling, so every weight comes back exactly.)
    public init(fileData data: Data) throws(RankerFileError) {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw RankerFileError(message: "not UTF-8 text; a model file is the JSON `ouro train` writes")
        }
        let object: JSONValue
        do {
            object = try JSONValue.read(text)
        } catch {
            throw RankerFileError(message: "not a model file: \(error)")
        }
        guard case .object = object.kind else {
            throw RankerFileError(message: "not a JSON object; a model file is what `ouro train` writes")
        }
        guard case .string(Self.formatName) = object["format"]?.kind else {
            throw RankerFileError(message: "not an Ouroboros ranker model (no \"format\": \"\(Self.formatName)\")")
        }
        guard let version = Self.int(object["version"]), version <= Self.formatVersion else {
            throw RankerFileError(message: "model format version \(object["version"].map(Self.spelling) ?? "?") is newer than this ouro reads (\(Self.formatVersion))")
        }
        guard let inputs = Self.int(object["inputs"]), inputs == TaskFeatures.count,
              let hidden = Self.int(object["hidden"]), hidden > 0,
              let outputs = Self.int(object["outputs"]), outputs >= 0,
              let w1 = Self.numbers(object["w1"]), w1.count == hidden * inputs,
              let b1 = Self.numbers(object["b1"]), b1.count == hidden,
              let w2 = Self.numbers(object["w2"]), w2.count == outputs * hidden,
              let b2 = Self.numbers(object["b2"]), b2.count == outputs,
              case .array(let encodedKeys) = object["keys"]?.kind, encodedKeys.count == outputs
        else {
            throw RankerFileError(message: "the model's sizes or parameters are missing or inconsistent (\(TaskFeatures.count) features expected)")
        }
        var keys: [ContextualKey] = []
        for (index, encoded) in encodedKeys.enumerated() {
            guard case .array(let items) = encoded.kind, let key = Self.decode(items) else {
                throw RankerFileError(message: "output key \(index + 1) is malformed")
            }
            keys.append(key)
        }
        self.init(network: NeuralNetwork(inputs: inputs, hidden: hidden, outputs: outputs, w1: w1, b1: b1, w2: w2, b2: b2), keys: keys)
    }

    private static func spelling(_ value: JSONValue) -> String {
        if case .number(let text) = value.kind { return text }
        return value.summary
    }

    private static func int(_ value: JSONValue?) -> Int? {
        if case .number(let text) = value?.kind { return Int(text) }
        return nil
    }

    private static func numbers(_ value: JSONValue?) -> [Double]? {
        guard case .array(let items) = value?.kind else { return nil }
        var result: [Double] = []
        result.reserveCapacity(items.count)
        for item in items {
            guard case .number(let text) = item.kind, let number = Double(text), number.isFinite else { return nil }
            result.append(number)
        }
        return result
    }

    /// A key as a JSON array: the slot (`"root"`, `"argument", NAME, TYPE, INDEX` or
    /// `"variableArgument", INDEX`) then the choice (`"variable"` or `"production", NAME, TYPE`).
    static func encode(_ key: ContextualKey) -> [Any] {
        var items: [Any]
        switch key.slot {
        case .root: items = ["root"]
        case .argument(let parent, let index): items = ["argument", parent.name, parent.type.description, index]
        case .variableArgument(let index): items = ["variableArgument", index]
        }
        switch key.choice {
        case .variable: items.append("variable")
        case .production(let child): items += ["production", child.name, child.type.description]
        }
        return items
    }

    static func decode(_ items: [JSONValue]) -> ContextualKey? {
        var rest = items[...]
        func string() -> String? {
            guard let item = rest.popFirst(), case .string(let text) = item.kind else { return nil }
            return text
        }
        func int() -> Int? { Self.int(rest.popFirst()) }
        func productionKey() -> ProductionKey? {
            guard let name = string(), let typeText = string(), let type = try? TypeExpr(parsing: typeText) else { return nil }
            return ProductionKey(name: name, type: type.canonical)
        }
        let slot: Slot
        switch string() {
        case "root": slot = .root
        case "argument":
            guard let parent = productionKey(), let index = int() else { return nil }
            slot = .argument(of: parent, index: index)
        case "variableArgument":
            guard let index = int() else { return nil }
            slot = .variableArgument(index: index)
        default: return nil
        }
        let choice: SlotChoice
        switch string() {
        case "variable": choice = .variable
        case "production":
            guard let child = productionKey() else { return nil }
            choice = .production(child)
        default: return nil
        }
        return rest.isEmpty ? ContextualKey(slot: slot, choice: choice) : nil
    }
}
