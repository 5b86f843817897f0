import Language
import Tasks

extension SyGuSGrammar {
    /// The grammar with the literals of `problem` (from its constraints and helper bodies)
    /// added to every nonterminal of their sort that allows any constant (`(Constant S)`, or
    /// a default grammar). Constants a specification mentions are the likeliest ones in its
    /// answer: limits, indices, offsets.
    public func addingConstants(of problem: SyGuSProblem, limit: Int = 32) -> SyGuSGrammar {
        var literals: [Value] = []
        func collect(_ e: Expression) {
            switch e {
            case .constant(let v): if !literals.contains(v) { literals.append(v) }
            case .variable, .parameter, .nonterminal: break
            case .builtin(_, let xs), .definition(_, let xs), .synthesized(_, let xs): xs.forEach(collect)
            }
        }
        problem.constraints.forEach(collect)
        problem.definitions.forEach { collect($0.body) }
        var grammar = self
        for index in grammar.nonterminals.indices where grammar.nonterminals[index].allowsAnyConstant {
            var added = 0
            for value in literals where added < limit && value.type == grammar.nonterminals[index].sort {
                let production = Expression.constant(value)
                if !grammar.nonterminals[index].productions.contains(production) {
                    grammar.nonterminals[index].productions.append(production)
                    added += 1
                }
            }
        }
        return grammar
    }
}
