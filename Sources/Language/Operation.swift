/// A built-in operation that the evaluator knows how to compute.
///
/// Names follow SMT-LIB 2.6 for the logical domains (bit-vectors, integers, strings) and
/// DreamCoder's list DSL for lists; `Builtins` binds the names that grammar files and
/// programs use to these operations and their types.
public enum Operation: String, Hashable, Sendable, CaseIterable {
    // Core
    case equal, distinct, ite, not, and, or, xor, implies
    // Integers (64-bit; overflow is an evaluation failure)
    case add, subtract, negate, multiply, div, mod, abs
    case less, lessOrEqual, greater, greaterOrEqual
    // Bit-vectors
    case bvnot, bvneg, bvand, bvor, bvxor, bvnand, bvnor, bvxnor
    case bvadd, bvsub, bvmul, bvudiv, bvurem, bvsdiv, bvsrem, bvsmod
    case bvshl, bvlshr, bvashr
    case bvult, bvule, bvugt, bvuge, bvslt, bvsle, bvsgt, bvsge
    // Strings
    case strConcat, strLength, strAt, strSubstring, strIndexOf, strReplace, strReplaceAll
    case strPrefixOf, strSuffixOf, strContains, strToInt, strFromInt, strLess, strLessOrEqual
    // Lists
    case map, fold, unfold, range, index, length, cons, car, cdr, isEmpty, isPrime, isSquare

    /// The number of arguments the operation takes before it computes.
    public var arity: Int {
        switch self {
        case .not, .negate, .abs, .bvnot, .bvneg, .strLength, .strToInt, .strFromInt,
             .range, .length, .car, .cdr, .isEmpty, .isPrime, .isSquare:
            return 1
        case .ite, .strSubstring, .strIndexOf, .strReplace, .strReplaceAll, .fold:
            return 3
        case .unfold:
            return 4
        default:
            return 2
        }
    }

    /// Whether the operation has two arguments that it may take in either order, with the same
    /// value or the same failure (it evaluates both).
    public var isCommutative: Bool {
        switch self {
        case .add, .multiply, .equal, .distinct, .and, .or, .xor,
             .bvand, .bvor, .bvxor, .bvnand, .bvnor, .bvxnor, .bvadd, .bvmul:
            return true
        default:
            return false
        }
    }

    /// Whether the operation calls function arguments back (`map`, `fold`, `unfold`):
    /// the evaluator runs these itself.
    public var isHigherOrder: Bool {
        self == .map || self == .fold || self == .unfold
    }
}

/// Why evaluating a program produced no value. Search treats any failure as "this candidate
/// does not fit"; none of them traps.
public enum EvaluationFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// A 64-bit integer operation overflowed.
    case overflow
    /// Integer `div` or `mod` by zero.
    case divisionByZero
    /// `car` or `cdr` of an empty list.
    case emptyList
    /// `index` outside the list.
    case indexOutOfRange
    /// The step budget ran out (a runaway `unfold`, a huge `range`, a deep recursion).
    case budgetExhausted
    /// An operation received a value of the wrong kind (only possible in ill-typed programs).
    case typeMismatch
    /// A variable `$i` with no binding in scope.
    case unboundVariable(Int)
    /// A primitive known only by name, with no implementation.
    case opaquePrimitive(String)

    public var description: String {
        switch self {
        case .overflow: return "integer overflow"
        case .divisionByZero: return "division by zero"
        case .emptyList: return "car or cdr of an empty list"
        case .indexOutOfRange: return "index out of range"
        case .budgetExhausted: return "evaluation step budget exhausted"
        case .typeMismatch: return "operation applied to a value of the wrong type"
        case .unboundVariable(let i): return "variable $\(i) is not bound"
        case .opaquePrimitive(let name): return "primitive '\(name)' has no implementation"
        }
    }
}
