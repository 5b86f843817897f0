/// A program that does not type-check, naming the smallest subterm where the clash shows.
public struct ProgramTypeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var subterm: Program

    public init(message: String, subterm: Program) {
        self.message = message
        self.subterm = subterm
    }

    public var description: String { "\(message) in \(subterm)" }
}

extension Program {
    /// The most general type of the program, with variables renamed `t0`, `t1`, ….
    ///
    /// `environment` gives the types of the free variables, `$0` last. Polymorphic primitives
    /// are instantiated freshly at every use; opaque primitives get a fresh variable each.
    public func inferType(environment: [TypeExpr] = []) throws(ProgramTypeError) -> TypeExpr {
        var context = TypeContext(nextVariable: environment.flatMap(\.variables).max().map { $0 + 1 } ?? 0)
        let type = try infer(environment, &context)
        return context.apply(type).canonical
    }

    /// Checks the program against `expected` (for example a task's request).
    public func check(against expected: TypeExpr, environment: [TypeExpr] = []) throws(ProgramTypeError) {
        var context = TypeContext(nextVariable: (environment + [expected]).flatMap(\.variables).max().map { $0 + 1 } ?? 0)
        let type = try infer(environment, &context)
        do {
            try context.unify(type, expected)
        } catch {
            throw ProgramTypeError(message: "the program has type \(context.apply(type).canonical), not \(expected)", subterm: self)
        }
    }

    /// Infers the type within `context`, binding its variables (algorithm W).
    public func infer(_ environment: [TypeExpr], _ context: inout TypeContext) throws(ProgramTypeError) -> TypeExpr {
        switch self {
        case .variable(let i):
            guard i >= 0 && i < environment.count else {
                throw ProgramTypeError(message: "variable $\(i) is not bound", subterm: self)
            }
            return environment[environment.count - 1 - i]
        case .primitive(let p):
            if case .opaque = p.implementation { return context.fresh() }
            return context.instantiate(p.type)
        case .invented(let a):
            return context.instantiate(a.type)
        case .lambda(let body):
            let argument = context.fresh()
            let result = try body.infer(environment + [argument], &context)
            return .arrow(argument, result)
        case .apply(let f, let x):
            let functionType = try f.infer(environment, &context)
            let argumentType = try x.infer(environment, &context)
            let result = context.fresh()
            let snapshot = context
            do {
                try context.unify(functionType, .arrow(argumentType, result))
            } catch {
                let shown = Program.renamedTogether([snapshot.apply(functionType), snapshot.apply(argumentType)])
                let infinite: Bool
                if case .occursCheck = error { infinite = true } else { infinite = false }
                let message: String
                if case .arrow(let expected, _) = shown[0] {
                    message = "argument \(x) has type \(shown[1]) where \(expected) is expected"
                        + (infinite ? " (no finite type fits both)" : "")
                } else if infinite {
                    message = "applying \(f) : \(shown[0]) to \(x) : \(shown[1]) needs an infinite type"
                } else {
                    message = "\(f) has type \(shown[0]) and cannot be applied to \(x)"
                }
                throw ProgramTypeError(message: message, subterm: self)
            }
            return result
        }
    }

    /// `types` with their variables renamed together `t0`, `t1`, … in order of first
    /// appearance, so that a message shows `list(t0)` rather than the context's `list(t17)`.
    private static func renamedTogether(_ types: [TypeExpr]) -> [TypeExpr] {
        var order: [Int] = []
        for type in types {
            for v in type.variables where !order.contains(v) { order.append(v) }
        }
        let renaming = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return types.map { $0.renamed { renaming[$0] ?? $0 } }
    }
}
