import Language
import Tasks

extension SyGuSGrammar {
    /// The grammar with the literals of `problem` (from its constraints and helper bodies)
    /// added to every nonterminal of their sort that allows any constant (`(Constant S)`, or
    /// a default grammar). Constants a specification mentions are the likeliest ones in its
    /// answer: limits, indices, offsets.
    public func addingConstants(of problem: SyGuSProblem, limit: Int = 32) -> SyGuSGrammar {
        // Hash sets keep this linear: 40,000 literals took seconds scanned as lists.
        var literals: [Value] = []
        var seen: Set<Value> = []
        func collect(_ e: Expression) {
            switch e {
            case .constant(let v): if seen.insert(v).inserted { literals.append(v) }
            case .variable, .parameter, .nonterminal: break
            case .builtin(_, let xs), .definition(_, let xs), .synthesized(_, let xs): xs.forEach(collect)
            }
        }
        problem.constraints.forEach(collect)
        problem.definitions.forEach { collect($0.body) }
        var grammar = self
        for index in grammar.nonterminals.indices where grammar.nonterminals[index].allowsAnyConstant {
            var added = 0
            var present = Set(grammar.nonterminals[index].productions)
            for value in literals where added < limit && value.type == grammar.nonterminals[index].sort {
                let production = Expression.constant(value)
                if present.insert(production).inserted {
                    grammar.nonterminals[index].productions.append(production)
                    added += 1
                }
            }
        }
        return grammar
    }
}
