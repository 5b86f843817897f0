/// First-order semantics of every operation on `Value`s. Higher-order operations (`map`,
/// `fold`, `unfold`) call functions back and live in `Evaluator`; `ite` is computed here
/// only when its arguments are already values.
extension Operation {
    /// Computes a unary operation.
    @inlinable
    public func evaluate(_ a: Value) throws(EvaluationFailure) -> Value {
        switch (self, a) {
        case (.not, .bool(let x)): return .bool(!x)
        case (.negate, .int(let x)): return .int(try IntegerSemantics.negate(x))
        case (.abs, .int(let x)): return .int(try IntegerSemantics.abs(x))
        case (.bvnot, .bitVector(let x)), (.bvneg, .bitVector(let x)):
            return .bitVector(BitVector(BitVectorSemantics.apply(self, x.bits, mask: BitVector.mask(x.width)), width: x.width))
        case (.strLength, .string(let s)): return .int(s.count)
        case (.strToInt, .string(let s)): return .int(try StringSemantics.toInt(s))
        case (.strFromInt, .int(let n)): return .string(StringSemantics.fromInt(n))
        case (.length, .list(let items)): return .int(items.count)
        case (.car, .list(let items)):
            guard let first = items.first else { throw .emptyList }
            return first
        case (.cdr, .list(let items)):
            guard !items.isEmpty else { throw .emptyList }
            return .list(Array(items.dropFirst()))
        case (.isEmpty, .list(let items)): return .bool(items.isEmpty)
        case (.isPrime, .int(let n)): return .bool(IntegerSemantics.isPrime(n))
        case (.isSquare, .int(let n)): return .bool(IntegerSemantics.isSquare(n))
        case (.range, .int(let n)):
            guard n <= Evaluator.maximumListLength else { throw .budgetExhausted }
            return .list(n <= 0 ? [] : (0..<n).map { .int($0) })
        default: throw .typeMismatch
        }
    }

    /// Computes a binary operation.
    @inlinable
    public func evaluate(_ a: Value, _ b: Value) throws(EvaluationFailure) -> Value {
        switch (a, b) {
        case (.bitVector(let x), .bitVector(let y)):
            guard x.width == y.width else { throw .typeMismatch }
            switch self {
            case .equal: return .bool(x == y)
            case .distinct: return .bool(x != y)
            case .bvult, .bvule, .bvugt, .bvuge, .bvslt, .bvsle, .bvsgt, .bvsge:
                return .bool(BitVectorSemantics.compare(self, x.bits, y.bits, width: x.width))
            case .bvand, .bvor, .bvxor, .bvnand, .bvnor, .bvxnor, .bvadd, .bvsub, .bvmul,
                 .bvudiv, .bvurem, .bvsdiv, .bvsrem, .bvsmod, .bvshl, .bvlshr, .bvashr:
                let bits = BitVectorSemantics.apply(self, x.bits, y.bits, width: x.width, mask: BitVector.mask(x.width))
                return .bitVector(BitVector(bits, width: x.width))
            default: throw .typeMismatch
            }
        case (.int(let x), .int(let y)):
            switch self {
            case .add: return .int(try IntegerSemantics.add(x, y))
            case .subtract: return .int(try IntegerSemantics.subtract(x, y))
            case .multiply: return .int(try IntegerSemantics.multiply(x, y))
            case .div: return .int(try IntegerSemantics.div(x, y))
            case .mod: return .int(try IntegerSemantics.mod(x, y))
            case .less: return .bool(x < y)
            case .lessOrEqual: return .bool(x <= y)
            case .greater: return .bool(x > y)
            case .greaterOrEqual: return .bool(x >= y)
            case .equal: return .bool(x == y)
            case .distinct: return .bool(x != y)
            default: throw .typeMismatch
            }
        case (.bool(let x), .bool(let y)):
            switch self {
            case .and: return .bool(x && y)
            case .or: return .bool(x || y)
            case .xor: return .bool(x != y)
            case .implies: return .bool(!x || y)
            case .equal: return .bool(x == y)
            case .distinct: return .bool(x != y)
            default: throw .typeMismatch
            }
        case (.string(let s), .string(let t)):
            switch self {
            case .strConcat:
                guard s.count + t.count <= Evaluator.maximumListLength else { throw .budgetExhausted }
                return .string(StringValue(codePoints: s.codePoints + t.codePoints))
            case .strPrefixOf: return .bool(StringSemantics.isPrefix(s, of: t))
            case .strSuffixOf: return .bool(StringSemantics.isSuffix(s, of: t))
            case .strContains: return .bool(StringSemantics.contains(s, t))
            case .strLess: return .bool(s < t)
            case .strLessOrEqual: return .bool(s <= t)
            case .equal: return .bool(s == t)
            case .distinct: return .bool(s != t)
            default: throw .typeMismatch
            }
        case (.string(let s), .int(let i)) where self == .strAt:
            return .string(StringSemantics.at(s, i))
        case (.int(let i), .list(let items)) where self == .index:
            guard i >= 0 && i < items.count else { throw .indexOutOfRange }
            return items[i]
        case (_, .list(let items)) where self == .cons:
            guard items.count < Evaluator.maximumListLength else { throw .budgetExhausted }
            return .list([a] + items)
        default:
            switch self {
            case .equal: return .bool(a == b)
            case .distinct: return .bool(a != b)
            default: throw .typeMismatch
            }
        }
    }

    /// Computes a ternary first-order operation (both branches of `ite` already evaluated).
    @inlinable
    public func evaluate(_ a: Value, _ b: Value, _ c: Value) throws(EvaluationFailure) -> Value {
        switch (self, a, b, c) {
        case (.ite, .bool(let condition), _, _): return condition ? b : c
        case (.strSubstring, .string(let s), .int(let i), .int(let n)):
            return .string(StringSemantics.substring(s, i, n))
        case (.strIndexOf, .string(let s), .string(let t), .int(let i)):
            return .int(StringSemantics.indexOf(s, t, i))
        case (.strReplace, .string(let s), .string(let t), .string(let u)):
            let result = StringSemantics.replace(s, t, u)
            guard result.count <= Evaluator.maximumListLength else { throw .budgetExhausted }
            return .string(result)
        case (.strReplaceAll, .string(let s), .string(let t), .string(let u)):
            return .string(try StringSemantics.replaceAll(s, t, u, maximumLength: Evaluator.maximumListLength))
        default: throw .typeMismatch
        }
    }
}
