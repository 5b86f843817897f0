/// Learned abstractions by name, able to inline them: the meaning of a rewritten program.
public struct AbstractionLibrary: Sendable {
    public private(set) var abstractions: [String: LearnedAbstraction] = [:]

    public init(_ abstractions: [LearnedAbstraction] = []) {
        for abstraction in abstractions { self.abstractions[abstraction.name] = abstraction }
    }

    /// `term` with every full application of an abstraction replaced by its body, the
    /// arguments substituted for `#i` (β-reduction of `(fn a b)` with `fn` = `λλ.body`), until
    /// none is left. A body may use earlier abstractions; they are inlined in turn. A partial
    /// application `(fn a)` of a two-argument `fn` is η-expanded: `(lam (fn a↑ $0))`, inlined.
    public func inlining(_ term: Term) -> Term {
        if abstractions.isEmpty { return term }
        let (head, arguments) = term.spine
        if case .primitive(let name) = head, let abstraction = abstractions[name] {
            if arguments.count >= abstraction.arity {
                let body = abstraction.body.instantiated(with: Array(arguments.prefix(abstraction.arity)))
                return inlining(Term.apply(body, arguments.dropFirst(abstraction.arity)))
            }
            let missing = abstraction.arity - arguments.count
            let supplied = arguments.map { $0.shifted(by: missing) } + (0..<missing).reversed().map { Term.variable($0) }
            var expanded = inlining(abstraction.body.instantiated(with: supplied))
            for _ in 0..<missing { expanded = .lambda(expanded) }
            return expanded
        }
        let inlinedHead: Term
        if case .lambda(let body) = head {
            inlinedHead = .lambda(inlining(body))
        } else {
            inlinedHead = head
        }
        return Term.apply(inlinedHead, arguments.map(inlining))
    }

    /// How many times `term` applies `name` (counting uses inside other uses' arguments).
    public func uses(of name: String, in term: Term) -> Int {
        switch term {
        case .primitive(let primitive): return primitive == name ? 1 : 0
        case .variable, .argument: return 0
        case .lambda(let body): return uses(of: name, in: body)
        case .application(let function, let argument): return uses(of: name, in: function) + uses(of: name, in: argument)
        }
    }
}
