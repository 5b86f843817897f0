/// A type of the program language: base sorts, lists, functions and type variables.
///
/// One notation everywhere (grammar files, JSON requests, messages): `int`, `bool`, `string`,
/// `bv64` (any width: `bv32`, …), `list(t)`, `t0 -> t1` (right-associative), type variables
/// `t0`, `t1`, …. Polymorphic primitives carry type variables that `TypeContext` instantiates
/// freshly at each use and binds by unification.
public indirect enum TypeExpr: Hashable, Sendable {
    case int
    case bool
    case string
    /// A fixed-width bit-vector, `1 ... 64` bits.
    case bitVector(width: Int)
    case list(TypeExpr)
    case arrow(TypeExpr, TypeExpr)
    case variable(Int)

    /// The curried function type `a0 -> a1 -> … -> result`.
    public static func function(_ arguments: [TypeExpr], _ result: TypeExpr) -> TypeExpr {
        arguments.reversed().reduce(result) { .arrow($1, $0) }
    }

    /// The argument types of a curried function type (empty for a non-function).
    public var arguments: [TypeExpr] {
        var result: [TypeExpr] = []
        var current = self
        while case .arrow(let argument, let rest) = current {
            result.append(argument)
            current = rest
        }
        return result
    }

    /// The type left after all arguments are applied.
    public var returnType: TypeExpr {
        var current = self
        while case .arrow(_, let rest) = current { current = rest }
        return current
    }

    public var isArrow: Bool {
        if case .arrow = self { return true }
        return false
    }

    /// Whether the type mentions any type variable.
    public var isPolymorphic: Bool {
        switch self {
        case .int, .bool, .string, .bitVector: return false
        case .variable: return true
        case .list(let element): return element.isPolymorphic
        case .arrow(let a, let b): return a.isPolymorphic || b.isPolymorphic
        }
    }

    /// The type variables that occur in the type, in order of first occurrence.
    public var variables: [Int] {
        var seen: [Int] = []
        func visit(_ t: TypeExpr) {
            switch t {
            case .int, .bool, .string, .bitVector: break
            case .variable(let v): if !seen.contains(v) { seen.append(v) }
            case .list(let element): visit(element)
            case .arrow(let a, let b): visit(a); visit(b)
            }
        }
        visit(self)
        return seen
    }

    /// Whether variable `v` occurs in the type (the occurs check of unification).
    public func mentions(_ v: Int) -> Bool {
        switch self {
        case .int, .bool, .string, .bitVector: return false
        case .variable(let w): return v == w
        case .list(let element): return element.mentions(v)
        case .arrow(let a, let b): return a.mentions(v) || b.mentions(v)
        }
    }

    /// The type with its variables renamed `t0`, `t1`, … in order of first occurrence,
    /// so that types equal up to renaming print and compare alike.
    public var canonical: TypeExpr {
        let renaming = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1, $0) })
        return renamed { renaming[$0] ?? $0 }
    }

    /// The type with every variable `v` replaced by `.variable(rename(v))`.
    public func renamed(_ rename: (Int) -> Int) -> TypeExpr {
        switch self {
        case .int, .bool, .string, .bitVector: return self
        case .variable(let v): return .variable(rename(v))
        case .list(let element): return .list(element.renamed(rename))
        case .arrow(let a, let b): return .arrow(a.renamed(rename), b.renamed(rename))
        }
    }
}

extension TypeExpr: CustomStringConvertible {
    public var description: String {
        switch self {
        case .int: return "int"
        case .bool: return "bool"
        case .string: return "string"
        case .bitVector(let width): return "bv\(width)"
        case .variable(let v): return "t\(v)"
        case .list(let element): return "list(\(element))"
        case .arrow(let a, let b):
            let left = a.isArrow ? "(\(a))" : a.description
            return "\(left) -> \(b)"
        }
    }
}
