import Language

/// Where a choice is made in a program: at its root, or as argument `index` of a
/// production or of a variable applied to arguments.
public enum Slot: Hashable, Sendable, CustomStringConvertible {
    case root
    case argument(of: ProductionKey, index: Int)
    case variableArgument(index: Int)

    public var description: String {
        switch self {
        case .root: return "root"
        case .argument(let parent, let index): return "\(parent) argument \(index)"
        case .variableArgument(let index): return "variable argument \(index)"
        }
    }
}

/// What fills a slot: a production or a variable.
public enum SlotChoice: Hashable, Sendable {
    case production(ProductionKey)
    case variable
}

/// A contextual weight's place: a choice in a slot.
public struct ContextualKey: Hashable, Sendable {
    public var slot: Slot
    public var choice: SlotChoice

    public init(slot: Slot, choice: SlotChoice) {
        self.slot = slot
        self.choice = choice
    }
}

extension Grammar {
    /// The log weight of `choice` in `slot`: its contextual weight when the grammar has one
    /// (DreamCoder's bigram grammar: the weight of a child given its parent and argument
    /// position), its unigram weight otherwise.
    public func logWeight(of choice: SlotChoice, in slot: Slot) -> Double {
        if let contextual = contextualLogWeights[ContextualKey(slot: slot, choice: choice)] { return contextual }
        switch choice {
        case .variable: return variableLogWeight
        case .production(let key): return self[key]?.logWeight ?? -.infinity
        }
    }

    /// Whether any contextual weight is set.
    public var isContextual: Bool { !contextualLogWeights.isEmpty }
}
