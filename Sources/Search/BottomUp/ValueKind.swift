import Language

/// How the bottom-up search stores a sort's values: bit-vectors, integers and Booleans as
/// 64-bit words (bits, two's-complement pattern, 0 or 1), strings as code-point strings.
@usableFromInline
enum ValueKind: Hashable, Sendable {
    case bitVector(width: Int)
    case integer
    case boolean
    case string

    init?(_ sort: TypeExpr) {
        switch sort {
        case .bitVector(let width): self = .bitVector(width: width)
        case .int: self = .integer
        case .bool: self = .boolean
        case .string: self = .string
        default: return nil
        }
    }

    var isWord: Bool { self != .string }

    /// The word that stands for `value`, for word kinds.
    func word(_ value: Value) -> UInt64? {
        switch (self, value) {
        case (.bitVector, .bitVector(let b)): return b.bits
        case (.integer, .int(let i)): return UInt64(bitPattern: Int64(i))
        case (.boolean, .bool(let b)): return b ? 1 : 0
        default: return nil
        }
    }

    /// The value a stored word stands for.
    func value(_ word: UInt64) -> Value {
        switch self {
        case .bitVector(let width): return .bitVector(BitVector(word, width: width))
        case .integer: return .int(Int(Int64(bitPattern: word)))
        case .boolean: return .bool(word != 0)
        case .string: preconditionFailure("strings are not stored as words")
        }
    }
}
