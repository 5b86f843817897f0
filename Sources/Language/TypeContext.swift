/// An error of type checking: two types that do not unify, or a type that would contain itself.
public enum TypeError: Error, Hashable, Sendable, CustomStringConvertible {
    case mismatch(TypeExpr, TypeExpr)
    case occursCheck(variable: Int, in: TypeExpr)

    public var description: String {
        switch self {
        case .mismatch(let a, let b): return "type \(a) does not match \(b)"
        case .occursCheck(let v, let t): return "type variable t\(v) occurs in \(t) (infinite type)"
        }
    }
}

/// A substitution from type variables to types, grown by unification, with a supply of
/// fresh variables.
///
/// Invariant: no bound variable's type mentions itself (the occurs check keeps types finite),
/// and every variable number used by the context is below `nextVariable`.
public struct TypeContext: Sendable {
    public private(set) var bindings: [Int: TypeExpr] = [:]
    public private(set) var nextVariable: Int

    public init(nextVariable: Int = 0) {
        self.nextVariable = nextVariable
    }

    /// A type variable never used before in this context.
    public mutating func fresh() -> TypeExpr {
        defer { nextVariable += 1 }
        return .variable(nextVariable)
    }

    /// A copy of `type` whose variables are all fresh: one use of a polymorphic primitive.
    public mutating func instantiate(_ type: TypeExpr) -> TypeExpr {
        let variables = type.variables
        if variables.isEmpty { return type }
        var mapping: [Int: Int] = [:]
        for v in variables {
            mapping[v] = nextVariable
            nextVariable += 1
        }
        return type.renamed { mapping[$0]! }
    }

    /// `type` with every bound variable replaced by its binding, recursively.
    public func apply(_ type: TypeExpr) -> TypeExpr {
        switch type {
        case .int, .bool, .string, .bitVector: return type
        case .variable(let v):
            guard let bound = bindings[v] else { return type }
            return apply(bound)
        case .list(let element): return .list(apply(element))
        case .arrow(let a, let b): return .arrow(apply(a), apply(b))
        }
    }

    /// Makes `a` and `b` equal by binding variables, or throws when they cannot be.
    /// On failure the context may hold some of the bindings made before the clash;
    /// callers that need to retry keep a copy.
    public mutating func unify(_ a: TypeExpr, _ b: TypeExpr) throws(TypeError) {
        let a = resolveHead(a)
        let b = resolveHead(b)
        switch (a, b) {
        case (.variable(let v), .variable(let w)) where v == w:
            return
        case (.variable(let v), _):
            try bind(v, to: b)
        case (_, .variable(let w)):
            try bind(w, to: a)
        case (.int, .int), (.bool, .bool), (.string, .string):
            return
        case (.bitVector(let x), .bitVector(let y)) where x == y:
            return
        case (.list(let x), .list(let y)):
            try unify(x, y)
        case (.arrow(let x1, let x2), .arrow(let y1, let y2)):
            try unify(x1, y1)
            try unify(x2, y2)
        default:
            throw .mismatch(apply(a), apply(b))
        }
    }

    /// Follows variable bindings at the top of `type` only.
    private func resolveHead(_ type: TypeExpr) -> TypeExpr {
        var current = type
        while case .variable(let v) = current, let bound = bindings[v] { current = bound }
        return current
    }

    private mutating func bind(_ v: Int, to type: TypeExpr) throws(TypeError) {
        let resolved = apply(type)
        if resolved.mentions(v) { throw .occursCheck(variable: v, in: resolved) }
        bindings[v] = resolved
        if v >= nextVariable { nextVariable = v + 1 }
        for w in resolved.variables where w >= nextVariable { nextVariable = w + 1 }
    }
}

extension TypeExpr {
    /// Whether `self` is an instance of `scheme`: some substitution of the scheme's
    /// variables turns it into `self` (one-way matching; `self`'s variables stay rigid).
    public func isInstance(of scheme: TypeExpr) -> Bool {
        var bindings: [Int: TypeExpr] = [:]
        func match(_ pattern: TypeExpr, _ target: TypeExpr) -> Bool {
            switch (pattern, target) {
            case (.variable(let v), _):
                if let bound = bindings[v] { return bound == target }
                bindings[v] = target
                return true
            case (.int, .int), (.bool, .bool), (.string, .string): return true
            case (.bitVector(let x), .bitVector(let y)): return x == y
            case (.list(let x), .list(let y)): return match(x, y)
            case (.arrow(let x1, let x2), .arrow(let y1, let y2)): return match(x1, y1) && match(x2, y2)
            default: return false
            }
        }
        return match(scheme, self)
    }
}
