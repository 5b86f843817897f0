import Language

/// One choice a grammar offers: a primitive or a learned abstraction, with its type and
/// log weight (unnormalised log probability).
///
/// Productions are keyed by name and type (`ProductionKey`), so weights learned on one
/// problem carry over to any problem offering the same operator at the same sorts.
public struct Production: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case primitive(Primitive)
        case abstraction(Abstraction)
    }

    public let kind: Kind
    public var logWeight: Double

    public init(_ primitive: Primitive, logWeight: Double = 0) {
        self.kind = .primitive(primitive)
        self.logWeight = logWeight
    }

    public init(_ abstraction: Abstraction, logWeight: Double = 0) {
        self.kind = .abstraction(abstraction)
        self.logWeight = logWeight
    }

    public var name: String {
        switch kind {
        case .primitive(let p): return p.name
        case .abstraction(let a): return a.name
        }
    }

    public var type: TypeExpr {
        switch kind {
        case .primitive(let p): return p.type
        case .abstraction(let a): return a.type
        }
    }

    /// The program leaf this production puts in a hole.
    public var program: Program {
        switch kind {
        case .primitive(let p): return .primitive(p)
        case .abstraction(let a): return .invented(a)
        }
    }

    public var isAbstraction: Bool {
        if case .abstraction = kind { return true }
        return false
    }

    public var key: ProductionKey { ProductionKey(name: name, type: type.canonical) }

    public var description: String { "\(name) : \(type)" }
}

/// The identity of a production across grammars: its name and (canonical) type.
public struct ProductionKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let name: String
    public let type: TypeExpr

    public init(name: String, type: TypeExpr) {
        self.name = name
        self.type = type
    }

    public var description: String { "\(name) : \(type)" }

    public static func < (a: ProductionKey, b: ProductionKey) -> Bool {
        (a.name, a.type.description) < (b.name, b.type.description)
    }
}
