/// The names a program reader understands: primitives (possibly overloaded by arity),
/// abstractions, and a policy for names it does not know.
///
/// Passed explicitly to every reader; there is no global registry.
public struct PrimitiveTable: Sendable {
    /// What a reader does with a name that is neither in the table nor a literal.
    public enum UnknownNames: Sendable {
        /// Reject it with an "unknown operator" error.
        case reject
        /// Look it up in `Builtins`, bit-vector operations at the given width; reject if absent.
        case builtins(bitVectorWidth: Int)
        /// Treat every atom that is not a variable as an opaque primitive (untyped corpora).
        case opaque
    }

    public private(set) var primitives: [String: [Primitive]] = [:]
    public private(set) var abstractions: [String: Abstraction] = [:]
    public var unknownNames: UnknownNames

    public init(primitives: [Primitive] = [], abstractions: [Abstraction] = [], unknownNames: UnknownNames = .reject) {
        self.unknownNames = unknownNames
        for p in primitives { add(p) }
        for a in abstractions { add(a) }
    }

    /// Every built-in, bit-vector operations at `bitVectorWidth`.
    public static func builtins(bitVectorWidth: Int = 64) -> PrimitiveTable {
        PrimitiveTable(unknownNames: .builtins(bitVectorWidth: bitVectorWidth))
    }

    /// Untyped corpora: every name is an opaque primitive.
    public static let opaque = PrimitiveTable(unknownNames: .opaque)

    public mutating func add(_ primitive: Primitive) {
        if !(primitives[primitive.name]?.contains(primitive) ?? false) {
            primitives[primitive.name, default: []].append(primitive)
        }
    }

    public mutating func add(_ abstraction: Abstraction) {
        abstractions[abstraction.name] = abstraction
    }

    /// The program leaf that `name` stands for when applied to `argumentCount` arguments.
    public func resolve(_ name: String, argumentCount: Int) -> Program? {
        if case .opaque = unknownNames {
            if let abstraction = abstractions[name] { return .invented(abstraction) }
            return .primitive(primitives[name]?.first ?? .opaque(name))
        }
        if let abstraction = abstractions[name] { return .invented(abstraction) }
        if let candidates = primitives[name], !candidates.isEmpty {
            let fitting = candidates.first { $0.arity == argumentCount } ?? candidates[0]
            return .primitive(fitting)
        }
        if let literal = Builtins.literal(name) { return .primitive(literal) }
        if case .builtins(let width) = unknownNames,
           let builtin = Builtins.primitive(named: name, arity: argumentCount, bitVectorWidth: width) {
            return .primitive(builtin)
        }
        return nil
    }
}
