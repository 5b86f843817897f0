import Language

extension Grammar {
    /// Whether the grammar may build some finite program of type `request`; `false` is
    /// certain, and a search for such a program would only run until its timeout.
    ///
    /// A least fixed point over type heads (`int`, `bool`, `string`, `bvN`, `list`): a head is
    /// buildable when a production, or a variable that may be in scope, returns it and every
    /// argument is buildable; an argument of type `a -> b` is a λ whose body needs `b`, and
    /// `a`'s parameters count as variables in scope. A type variable stands for any head,
    /// so the test over-approximates: it never says `false` of a request the grammar can
    /// build. Example: with only `cons : t0 -> list(t0) -> list(t0)` and `1 : int`, no
    /// program has type `int -> list(int)` (every list needs a list first).
    public func mayBuildProgram(of request: TypeExpr) -> Bool {
        // Every type a variable in scope may have: the request's arguments, and the
        // parameters of every λ that an argument of a production or a variable may be.
        var variables: [TypeExpr] = []
        var pending = request.arguments + productions.flatMap { $0.type.arguments.flatMap(\.arguments) }
        while let type = pending.popLast() {
            if variables.contains(type) { continue }
            if case .variable = type.returnType { return true }
            variables.append(type)
            pending += type.arguments.flatMap(\.arguments)
        }
        let functions = productions.map(\.type) + variables
        var buildable: Set<TypeHead> = []
        var everyHead = false
        func isBuildable(_ type: TypeExpr) -> Bool {
            guard let head = TypeHead(type) else { return everyHead || !buildable.isEmpty }
            return everyHead || buildable.contains(head)
        }
        var changed = true
        while changed && !everyHead {
            changed = false
            for function in functions where function.arguments.allSatisfy(isBuildable) {
                if let head = TypeHead(function) {
                    if buildable.insert(head).inserted { changed = true }
                } else {
                    // A result that is a bare type variable (`car`, `if`) may be any head.
                    everyHead = true
                    changed = true
                }
            }
        }
        return isBuildable(request)
    }
}

/// The outermost constructor of a type's result: what `Grammar.mayBuildProgram(of:)` tracks.
private enum TypeHead: Hashable {
    case int, bool, string, list
    case bitVector(Int)

    /// The head of `type`'s return type; `nil` for a type variable.
    init?(_ type: TypeExpr) {
        switch type.returnType {
        case .int: self = .int
        case .bool: self = .bool
        case .string: self = .string
        case .bitVector(let width): self = .bitVector(width)
        case .list: self = .list
        case .variable, .arrow: return nil
        }
    }
}
