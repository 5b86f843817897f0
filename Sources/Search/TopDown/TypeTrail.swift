import Language

/// Type-variable bindings with an undo trail: the type context of depth-first enumeration.
/// Binding a variable records it on the trail; `undo(to:)` unbinds everything recorded since
/// a mark, so backtracking never copies the context.
///
/// Invariant: no bound variable's type mentions itself (occurs check); `next` is above every
/// variable in use.
final class TypeTrail {
    private var bindings: [TypeExpr?] = []
    private var trail: [Int] = []
    private(set) var next: Int

    init(next: Int) {
        self.next = next
        bindings = Array(repeating: nil, count: max(next, 16))
    }

    struct Mark {
        var trail: Int
        var next: Int
    }

    var mark: Mark { Mark(trail: trail.count, next: next) }

    func undo(to mark: Mark) {
        while trail.count > mark.trail { bindings[trail.removeLast()] = nil }
        next = mark.next
    }

    private func binding(_ v: Int) -> TypeExpr? { v < bindings.count ? bindings[v] : nil }

    /// `type` with every bound variable replaced, recursively.
    func resolve(_ type: TypeExpr) -> TypeExpr {
        switch type {
        case .int, .bool, .string, .bitVector: return type
        case .variable(let v): return binding(v).map(resolve) ?? type
        case .list(let element): return .list(resolve(element))
        case .arrow(let a, let b): return .arrow(resolve(a), resolve(b))
        }
    }

    /// A copy of `type` with fresh variables.
    func instantiate(_ type: TypeExpr, variables: [Int]) -> TypeExpr {
        if variables.isEmpty { return type }
        let base = next
        next += (variables.max() ?? 0) + 1
        return type.renamed { base + $0 }
    }

    private func head(_ type: TypeExpr) -> TypeExpr {
        var current = type
        while case .variable(let v) = current, let bound = binding(v) { current = bound }
        return current
    }

    private func occurs(_ v: Int, _ type: TypeExpr) -> Bool {
        switch head(type) {
        case .variable(let w): return v == w
        case .list(let e): return occurs(v, e)
        case .arrow(let a, let b): return occurs(v, a) || occurs(v, b)
        default: return false
        }
    }

    private func bind(_ v: Int, _ type: TypeExpr) -> Bool {
        if occurs(v, type) { return false }
        if v >= bindings.count { bindings += Array(repeating: nil, count: max(v + 1 - bindings.count, bindings.count)) }
        bindings[v] = type
        trail.append(v)
        if v >= next { next = v + 1 }
        return true
    }

    /// Unifies; on failure the caller undoes to its mark.
    func unify(_ a: TypeExpr, _ b: TypeExpr) -> Bool {
        let a = head(a), b = head(b)
        switch (a, b) {
        case (.variable(let v), .variable(let w)) where v == w: return true
        case (.variable(let v), _): return bind(v, b)
        case (_, .variable(let w)): return bind(w, a)
        case (.int, .int), (.bool, .bool), (.string, .string): return true
        case (.bitVector(let x), .bitVector(let y)): return x == y
        case (.list(let x), .list(let y)): return unify(x, y)
        case (.arrow(let x1, let x2), .arrow(let y1, let y2)): return unify(x1, y1) && unify(x2, y2)
        default: return false
        }
    }
}
