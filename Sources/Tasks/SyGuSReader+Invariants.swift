import Language

extension SyGuSReader {
    /// `(inv-constraint INV PRE TRANS POST)` becomes three constraints over declared variables
    /// x (named by INV's parameters) and x′ (named by TRANS's last parameters, `x!`):
    /// `pre(x) ⇒ inv(x)`, `inv(x) ∧ trans(x, x′) ⇒ inv(x′)` and `inv(x) ⇒ post(x)`.
    /// Variables not yet declared are declared here (v2 files declare none; v1 files declare
    /// them with `declare-primed-var`).
    mutating func readInvConstraint(_ items: [SExpression], _ position: SourcePosition) throws(SyGuSError) {
        guard items.count == 5, let invariantName = items[1].symbol else {
            throw SyGuSError("expected (inv-constraint INV PRE TRANS POST)", at: position)
        }
        guard let invariant = functionIndex[invariantName], problem.functions[invariant].isInvariant else {
            throw SyGuSError("'\(invariantName)' is not declared by synth-inv", at: items[1].position)
        }
        let state = problem.functions[invariant].parameters
        let sorts = state.map(\.sort)
        let pre = try relation(items[2], role: "pre-condition", sorts: sorts)
        let transition = try relation(items[3], role: "transition relation", sorts: sorts + sorts)
        let post = try relation(items[4], role: "post-condition", sorts: sorts)
        let primedState = Array(problem.definitions[transition].parameters.suffix(state.count))
        if let clash = primedState.first(where: { p in state.contains { $0.name == p.name } }) {
            throw SyGuSError("the transition relation '\(problem.definitions[transition].name)' names a post-state parameter '\(clash.name)' like a parameter of '\(invariantName)'", at: items[3].position)
        }

        var current: [Term] = []
        var next: [Term] = []
        for variable in state {
            current.append(.leaf(.variable(try stateVariable(variable, at: items[1].position)), variable.sort))
        }
        for variable in primedState {
            next.append(.leaf(.variable(try stateVariable(variable, at: items[3].position)), variable.sort))
        }
        func call(_ expression: ([Expression]) -> Expression, _ arguments: [Term]) throws(SyGuSError) -> Term {
            try Self.node(expression(arguments.map(\.expression)), .bool, arguments, at: position)
        }
        let invariantNow = try call({ .synthesized(invariant, $0) }, current)
        let invariantNext = try call({ .synthesized(invariant, $0) }, next)
        let initiation = try Self.builtin("=>", [try call({ .definition(pre, $0) }, current), invariantNow], at: position)
        let step = try Self.builtin("and", [invariantNow, try call({ .definition(transition, $0) }, current + next)], at: position)
        let consecution = try Self.builtin("=>", [step, invariantNext], at: position)
        let safety = try Self.builtin("=>", [invariantNow, try call({ .definition(post, $0) }, current)], at: position)
        problem.constraints += [initiation.expression, consecution.expression, safety.expression]
    }

    /// The `define-fun` named by `e`, checked to take `sorts` and return Bool.
    private func relation(_ e: SExpression, role: String, sorts: [TypeExpr]) throws(SyGuSError) -> Int {
        guard let name = e.symbol, let index = definitionIndex[name] else {
            throw SyGuSError("the \(role) \(e.excerpt) is not a define-fun", at: e.position)
        }
        let definition = problem.definitions[index]
        guard definition.parameters.map(\.sort) == sorts, definition.returnSort == .bool else {
            throw SyGuSError("the \(role) '\(name)' must take arguments of sorts \(Self.sortList(sorts)) and return Bool", at: e.position)
        }
        return index
    }

    /// The declared variable `variable.name`, declared now if it is not yet.
    private mutating func stateVariable(_ variable: SortedName, at position: SourcePosition) throws(SyGuSError) -> Int {
        if let index = variableIndex[variable.name] {
            guard problem.variables[index].sort == variable.sort else {
                throw SyGuSError("variable '\(variable.name)' is declared with sort \(problem.variables[index].sort.smtSort) but the invariant's state needs \(variable.sort.smtSort)", at: position)
            }
            return index
        }
        try declareVariable(variable.name, variable.sort, at: position)
        return problem.variables.count - 1
    }
}
