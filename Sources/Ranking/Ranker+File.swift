import Foundation
import Grammar
import Language

/// A model file that cannot be read, with the reason.
public struct RankerFileError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension Ranker {
    /// The model as JSON: format name and version, sizes, the inputs' feature names, the
    /// output keys and the parameters.
    public func fileData() -> Data {
        let object: [String: Any] = [
            "format": Self.formatName, "version": Self.formatVersion,
            "inputs": network.inputCount, "hidden": network.hiddenCount, "outputs": network.outputCount,
            "features": featureNames, "keys": keys.map(Self.encode),
            "w1": network.w1, "b1": network.b1, "w2": network.w2, "b2": network.b2,
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    /// Reads a model written by `fileData()`, or by a version-1 writer (whose inputs are
    /// `Features.version1Names`); a foreign, truncated or newer file is an error.
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
        let names = version < 2 ? Features.version1Names : try Self.featureNames(object["features"], inputs: Self.int(object["inputs"]))
        guard let inputs = Self.int(object["inputs"]), inputs == names.count,
              let hidden = Self.int(object["hidden"]), hidden > 0,
              let outputs = Self.int(object["outputs"]), outputs >= 0,
              let w1 = Self.numbers(object["w1"]), w1.count == hidden * inputs,
              let b1 = Self.numbers(object["b1"]), b1.count == hidden,
              let w2 = Self.numbers(object["w2"]), w2.count == outputs * hidden,
              let b2 = Self.numbers(object["b2"]), b2.count == outputs,
              case .array(let encodedKeys) = object["keys"]?.kind, encodedKeys.count == outputs
        else {
            let expected = version < 2 ? " (\(names.count) features expected)" : ""
            throw RankerFileError(message: "the model's sizes or parameters are missing or inconsistent\(expected)")
        }
        var keys: [ContextualKey] = []
        for (index, encoded) in encodedKeys.enumerated() {
            guard case .array(let items) = encoded.kind, let key = Self.decode(items) else {
                throw RankerFileError(message: "output key \(index + 1) is malformed")
            }
            keys.append(key)
        }
        let network = NeuralNetwork(inputs: inputs, hidden: hidden, outputs: outputs, w1: w1, b1: b1, w2: w2, b2: b2)
        self.init(network: network, featureNames: names, keys: keys)
    }

    /// A version-2 model's input names: strings, one per input, none twice.
    private static func featureNames(_ value: JSONValue?, inputs: Int?) throws(RankerFileError) -> [String] {
        guard case .array(let items) = value?.kind else {
            throw RankerFileError(message: "the model does not name its features (a \"features\" list of strings, one per input)")
        }
        var names: [String] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard case .string(let name) = item.kind else {
                throw RankerFileError(message: "feature name \(index + 1) is \(item.summary), not a string")
            }
            if let first = seen.updateValue(index, forKey: name) {
                throw RankerFileError(message: "feature \(JSONValue.quoted(name)) is named twice (names \(first + 1) and \(index + 1))")
            }
            names.append(name)
        }
        if let inputs, inputs != names.count {
            throw RankerFileError(message: "the model names \(names.count) features for its \(inputs) inputs")
        }
        return names
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
