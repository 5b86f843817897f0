/// A built-in operation that the evaluator knows how to compute: an identity, whose facts
/// (names, type, SMT-LIB name, semantics, cost) are its row of the catalogue, `Operators`.
///
/// The raw value is the position of the operation's row in `Operators.rows`, so that hot
/// paths find a row by indexing an array. Names follow SMT-LIB 2.6 for the logical domains
/// (bit-vectors, integers, strings) and DreamCoder's list DSL for lists.
public enum Operation: Int, Hashable, Sendable, CaseIterable {
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

    /// The operation's row of the catalogue.
    @inlinable
    public var row: Operators.Row { Operators.rows[rawValue] }

    /// The number of arguments the operation takes before it computes.
    @inlinable
    public var arity: Int { Operators.dispatch[rawValue].arity }

    /// Whether the operation has two arguments that it may take in either order, with the same
    /// value or the same failure (it evaluates both).
    @inlinable
    public var isCommutative: Bool { Operators.rows[rawValue].isCommutative }

    /// Whether the operation calls function arguments back (`map`, `fold`, `unfold`):
    /// the evaluator runs these itself.
    @inlinable
    public var isHigherOrder: Bool { Operators.rows[rawValue].isHigherOrder }

    /// The SMT-LIB 2.6 name of the operation, or `nil` for the lists domain's higher-order
    /// and list operations, which SMT-LIB lacks.
    @inlinable
    public var smtLIBName: String? { Operators.rows[rawValue].smtLIBName }
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
