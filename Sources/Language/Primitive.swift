/// A named leaf of a program: a built-in operation, a constant, or an opaque name.
///
/// A primitive is identified by its name and type (productions are keyed by operator name
/// and argument sorts), so `bvadd : bv32 -> bv32 -> bv32` and `bvadd : bv64 -> bv64 -> bv64`
/// are different primitives. Opaque primitives come from untyped corpora: they have a name,
/// a type variable for a type, and cannot be evaluated.
public struct Primitive: Hashable, Sendable, CustomStringConvertible {
    public enum Implementation: Hashable, Sendable {
        case constant(Value)
        case operation(Operation)
        case opaque
    }

    public let name: String
    public let type: TypeExpr
    public let implementation: Implementation

    public init(name: String, type: TypeExpr, implementation: Implementation) {
        self.name = name
        self.type = type
        self.implementation = implementation
    }

    /// A constant primitive named by its literal spelling (`#x0001`, `42`, `"ab"`, `true`).
    public static func constant(_ value: Value, type: TypeExpr) -> Primitive {
        Primitive(name: value.description, type: type, implementation: .constant(value))
    }

    /// A name with no known meaning, as found in an untyped corpus.
    public static func opaque(_ name: String) -> Primitive {
        Primitive(name: name, type: .variable(0), implementation: .opaque)
    }

    /// The number of arguments the primitive takes.
    public var arity: Int {
        if case .operation(let op) = implementation { return op.arity }
        return type.arguments.count
    }

    public static func == (a: Primitive, b: Primitive) -> Bool {
        a.name == b.name && a.type == b.type
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
    }

    public var description: String { name }
}
