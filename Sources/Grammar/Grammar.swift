import Language

/// A probabilistic grammar over typed productions: the search space and its prior.
///
/// A hole of type `τ` may be filled by any production whose type returns something that
/// unifies with `τ`, or by a variable in scope of a fitting type; the probability of a choice
/// is its weight normalised over the choices that fit (DreamCoder's type-directed grammar).
/// Every variable carries `variableLogWeight`.
///
/// Invariant: no two productions share a `ProductionKey`; abstraction bodies use only the
/// grammar's own primitives and earlier abstractions.
public struct Grammar: Sendable {
    /// A short name for the domain (`lists`, `bitvec`), or `nil`.
    public var name: String?
    public private(set) var productions: [Production] = []
    public var variableLogWeight: Double
    /// Weights of choices in particular slots, overriding the unigram weights there.
    public var contextualLogWeights: [ContextualKey: Double] = [:]
    private var indexByKey: [ProductionKey: Int] = [:]

    public init(name: String? = nil, productions: [Production] = [], variableLogWeight: Double = 0) {
        self.name = name
        self.variableLogWeight = variableLogWeight
        for production in productions { try? add(production) }
    }

    /// The grammar with the productions of `other` it lacks (by name and type) added, with
    /// their weights there.
    public func adding(productionsOf other: Grammar) -> Grammar {
        var grammar = self
        for production in other.productions where grammar[production.key] == nil { try? grammar.add(production) }
        return grammar
    }

    /// Adds a production; throws when one with the same key is already there.
    public mutating func add(_ production: Production) throws(GrammarError) {
        let key = production.key
        if indexByKey[key] != nil {
            throw GrammarError("duplicate production '\(key)'", at: nil)
        }
        indexByKey[key] = productions.count
        productions.append(production)
    }

    /// The production with `key`, if the grammar has it.
    public subscript(key: ProductionKey) -> Production? {
        indexByKey[key].map { productions[$0] }
    }

    /// Changes the log weight of the production with `key`.
    public mutating func setLogWeight(_ weight: Double, for key: ProductionKey) {
        if let index = indexByKey[key] { productions[index].logWeight = weight }
    }

    public var primitives: [Primitive] {
        productions.compactMap { if case .primitive(let p) = $0.kind { return p } else { return nil } }
    }

    public var abstractions: [Abstraction] {
        productions.compactMap { if case .abstraction(let a) = $0.kind { return a } else { return nil } }
    }

    /// The names programs over this grammar may use; unknown names are rejected.
    public var primitiveTable: PrimitiveTable {
        PrimitiveTable(primitives: primitives, abstractions: abstractions, unknownNames: .reject)
    }
}

/// An error in a grammar: a malformed file, an unknown primitive, an ill-typed abstraction.
/// `position` is `nil` for errors that have no place in a file.
public struct GrammarError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition?

    public init(_ message: String, at position: SourcePosition?) {
        self.message = message
        self.position = position
    }

    public var description: String {
        position.map { "\($0): \(message)" } ?? message
    }
}

extension Grammar {
    /// The grammar without the abstractions named in `names`, and without the contextual
    /// weights of slots and choices they were part of. An abstraction another kept one's body
    /// uses is kept (the invariant that bodies use only the grammar's own productions holds).
    public func removingAbstractions(named names: Set<String>) -> Grammar {
        var needed = Set<String>()
        func use(_ program: Program) {
            switch program {
            case .invented(let abstraction):
                if needed.insert(abstraction.name).inserted { use(abstraction.body) }
            case .lambda(let body): use(body)
            case .apply(let function, let argument): use(function); use(argument)
            case .primitive, .variable: break
            }
        }
        for abstraction in abstractions where !names.contains(abstraction.name) { use(abstraction.body) }
        let removed = names.subtracting(needed)
        var grammar = Grammar(name: name, productions: productions.filter { !removed.contains($0.name) || !$0.isAbstraction },
                              variableLogWeight: variableLogWeight)
        let kept = Set(grammar.productions.map(\.key))
        grammar.contextualLogWeights = contextualLogWeights.filter { key, _ in
            if case .argument(let parent, _) = key.slot, !kept.contains(parent) { return false }
            if case .production(let choice) = key.choice, !kept.contains(choice) { return false }
            return true
        }
        return grammar
    }
}
