/// The built-in primitives by name: which names exist, the types they accept and the
/// operation (or constant) each stands for, read from the operator catalogue (`Operators`).
///
/// Nothing registers itself here at run time; grammar files and program readers ask
/// `Builtins` explicitly. Bit-vector operations accept any width from 1 to 64: their type is
/// fixed by the declaration that uses them (`bvadd : bv32 -> bv32 -> bv32`).
public enum Builtins {
    /// The types a built-in name accepts.
    public enum Signature: Hashable, Sendable {
        /// A type scheme; any instance of it is accepted.
        case scheme(TypeExpr)
        /// `bvN -> bvN` for any width N.
        case bitVectorUnary
        /// `bvN -> bvN -> bvN` for any width N.
        case bitVectorBinary
        /// `bvN -> bvN -> bool` for any width N.
        case bitVectorComparison

        /// The signature's type at bit-vector width `width` (ignored for schemes).
        public func type(width: Int) -> TypeExpr {
            let bv = TypeExpr.bitVector(width: width)
            switch self {
            case .scheme(let t): return t
            case .bitVectorUnary: return .arrow(bv, bv)
            case .bitVectorBinary: return .function([bv, bv], bv)
            case .bitVectorComparison: return .function([bv, bv], .bool)
            }
        }

        /// The number of arguments of the signature's types.
        public var arity: Int {
            switch self {
            case .scheme(let t): return t.arguments.count
            case .bitVectorUnary: return 1
            case .bitVectorBinary, .bitVectorComparison: return 2
            }
        }

        /// Whether `type` is one of the types this signature accepts.
        public func accepts(_ type: TypeExpr) -> Bool {
            switch self {
            case .scheme(let scheme):
                return type.isInstance(of: scheme)
            case .bitVectorUnary, .bitVectorBinary, .bitVectorComparison:
                guard case .bitVector(let width) = type.arguments.first else { return false }
                return type == self.type(width: width)
            }
        }
    }

    /// One built-in name bound to an operation (or a constant) with the types it accepts.
    public struct Entry: Hashable, Sendable {
        public let name: String
        public let signature: Signature
        public let implementation: Primitive.Implementation
    }

    /// Every built-in entry: each catalogue row's spellings (`Operators.rows`, in order), then
    /// the constants `empty`, `true` and `false`.
    public static let entries: [Entry] = Operators.rows.flatMap { row in
        row.spellings.map { Entry(name: $0.name, signature: $0.signature, implementation: .operation(row.operation)) }
    } + [
        Entry(name: "empty", signature: .scheme(.list(.variable(0))), implementation: .constant(.list([]))),
        Entry(name: "true", signature: .scheme(.bool), implementation: .constant(.bool(true))),
        Entry(name: "false", signature: .scheme(.bool), implementation: .constant(.bool(false))),
    ]

    private static let entriesByName: [String: [Entry]] = Dictionary(grouping: entries, by: \.name)

    /// Every built-in name.
    public static var names: [String] { entriesByName.keys.sorted() }

    /// The entries spelled `name` (several when the name is overloaded, like unary and binary `-`).
    public static func entries(named name: String) -> [Entry] {
        entriesByName[name] ?? []
    }

    /// The built-in `name` at `type`, when the catalogue has such a name and it accepts that type.
    public static func primitive(named name: String, type: TypeExpr) -> Primitive? {
        guard let entry = entries(named: name).first(where: { $0.signature.accepts(type) }) else { return nil }
        return Primitive(name: name, type: type, implementation: entry.implementation)
    }

    /// The built-in `name` at its most general type, bit-vector operations at `bitVectorWidth`.
    /// For an overloaded name, `arity` chooses between the entries (unary or binary `-`).
    public static func primitive(named name: String, arity: Int? = nil, bitVectorWidth: Int = 64) -> Primitive? {
        let candidates = entries(named: name)
        guard let entry = candidates.first(where: { arity == nil || $0.signature.type(width: bitVectorWidth).arguments.count == arity })
            ?? candidates.first else { return nil }
        return Primitive(name: name, type: entry.signature.type(width: bitVectorWidth), implementation: entry.implementation)
    }

    /// A literal constant: `#x…`/`#b…` bit-vectors, decimal integers (`-3` too), `true`, `false`.
    /// String literals are read as `SExpression` strings and made with `Primitive.constant`.
    public static func literal(_ text: String) -> Primitive? {
        if let bits = BitVector(literal: text) {
            return .constant(.bitVector(bits), type: .bitVector(width: bits.width))
        }
        if let first = text.unicodeScalars.first, first == "-" || ("0"..."9").contains(first),
           let value = Int(text) {
            return .constant(.int(value), type: .int)
        }
        if text == "true" || text == "false" {
            return .constant(.bool(text == "true"), type: .bool)
        }
        return nil
    }
}
