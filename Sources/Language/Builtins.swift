/// The catalogue of built-in primitives: which names exist, the types they accept and the
/// operation that computes each.
///
/// Nothing registers itself here at run time; grammar files and program readers ask the
/// catalogue explicitly. Bit-vector operations accept any width from 1 to 64: their type is
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

    private static let t0 = TypeExpr.variable(0)
    private static let t1 = TypeExpr.variable(1)

    private static func op(_ name: String, _ operation: Operation, _ signature: Signature) -> Entry {
        Entry(name: name, signature: signature, implementation: .operation(operation))
    }

    private static func op(_ name: String, _ operation: Operation, _ arguments: [TypeExpr], _ result: TypeExpr) -> Entry {
        op(name, operation, .scheme(.function(arguments, result)))
    }

    /// Every built-in entry, in catalogue order.
    public static let entries: [Entry] = {
        var all: [Entry] = [
            // Core (SMT-LIB) and the lists domain's spellings of the same operations.
            op("=", .equal, [t0, t0], .bool),
            op("distinct", .distinct, [t0, t0], .bool),
            op("ite", .ite, [.bool, t0, t0], t0),
            op("if", .ite, [.bool, t0, t0], t0),
            op("not", .not, [.bool], .bool),
            op("and", .and, [.bool, .bool], .bool),
            op("or", .or, [.bool, .bool], .bool),
            op("xor", .xor, [.bool, .bool], .bool),
            op("=>", .implies, [.bool, .bool], .bool),
            // Integers.
            op("+", .add, [.int, .int], .int),
            op("-", .subtract, [.int, .int], .int),
            op("-", .negate, [.int], .int),
            op("*", .multiply, [.int, .int], .int),
            op("div", .div, [.int, .int], .int),
            op("mod", .mod, [.int, .int], .int),
            op("abs", .abs, [.int], .int),
            op("<", .less, [.int, .int], .bool),
            op("<=", .lessOrEqual, [.int, .int], .bool),
            op(">", .greater, [.int, .int], .bool),
            op(">=", .greaterOrEqual, [.int, .int], .bool),
            op("gt?", .greater, [.int, .int], .bool),
            op("eq?", .equal, [.int, .int], .bool),
            // Strings.
            op("str.++", .strConcat, [.string, .string], .string),
            op("str.len", .strLength, [.string], .int),
            op("str.at", .strAt, [.string, .int], .string),
            op("str.substr", .strSubstring, [.string, .int, .int], .string),
            op("str.indexof", .strIndexOf, [.string, .string, .int], .int),
            op("str.replace", .strReplace, [.string, .string, .string], .string),
            op("str.replace_all", .strReplaceAll, [.string, .string, .string], .string),
            op("str.prefixof", .strPrefixOf, [.string, .string], .bool),
            op("str.suffixof", .strSuffixOf, [.string, .string], .bool),
            op("str.contains", .strContains, [.string, .string], .bool),
            op("str.to_int", .strToInt, [.string], .int),
            op("str.to.int", .strToInt, [.string], .int),
            op("str.from_int", .strFromInt, [.int], .string),
            op("int.to.str", .strFromInt, [.int], .string),
            op("str.<", .strLess, [.string, .string], .bool),
            op("str.<=", .strLessOrEqual, [.string, .string], .bool),
            // Lists (DreamCoder's list DSL).
            op("map", .map, [.arrow(t0, t1), .list(t0)], .list(t1)),
            op("fold", .fold, [.list(t0), t1, .function([t0, t1], t1)], t1),
            op("unfold", .unfold, [t0, .arrow(t0, .bool), .arrow(t0, t1), .arrow(t0, t0)], .list(t1)),
            op("range", .range, [.int], .list(.int)),
            op("index", .index, [.int, .list(t0)], t0),
            op("length", .length, [.list(t0)], .int),
            op("cons", .cons, [t0, .list(t0)], .list(t0)),
            op("car", .car, [.list(t0)], t0),
            op("cdr", .cdr, [.list(t0)], .list(t0)),
            op("empty?", .isEmpty, [.list(t0)], .bool),
            op("is-prime", .isPrime, [.int], .bool),
            op("is-square", .isSquare, [.int], .bool),
            Entry(name: "empty", signature: .scheme(.list(t0)), implementation: .constant(.list([]))),
            Entry(name: "true", signature: .scheme(.bool), implementation: .constant(.bool(true))),
            Entry(name: "false", signature: .scheme(.bool), implementation: .constant(.bool(false))),
        ]
        let unary: [Operation] = [.bvnot, .bvneg]
        let binary: [Operation] = [.bvand, .bvor, .bvxor, .bvnand, .bvnor, .bvxnor, .bvadd, .bvsub, .bvmul,
                                   .bvudiv, .bvurem, .bvsdiv, .bvsrem, .bvsmod, .bvshl, .bvlshr, .bvashr]
        let comparisons: [Operation] = [.bvult, .bvule, .bvugt, .bvuge, .bvslt, .bvsle, .bvsgt, .bvsge]
        all += unary.map { op($0.rawValue, $0, .bitVectorUnary) }
        all += binary.map { op($0.rawValue, $0, .bitVectorBinary) }
        all += comparisons.map { op($0.rawValue, $0, .bitVectorComparison) }
        return all
    }()

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
