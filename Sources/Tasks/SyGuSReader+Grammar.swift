import Language

extension SyGuSReader {
    /// Reads the grammar of `synth-fun`/`synth-inv` `function`: `parts` is either v2's two
    /// lists (nonterminal declarations, then one rule per nonterminal) or v1's one list of
    /// rules, whose start symbol is `Start` when there is one and else the first.
    func readGrammar(_ parts: [SExpression], function: String, parameters: [SortedName], returnSort: TypeExpr) throws(SyGuSError) -> SyGuSGrammar {
        let isVersion2 = parts.count == 2
        guard let rules = parts.last?.elements, !isVersion2 || parts[0].elements != nil else {
            throw SyGuSError(isVersion2
                ? "expected a grammar ((NONTERMINAL SORT)...) ((NONTERMINAL SORT (PRODUCTION...))...)"
                : "expected a grammar ((NONTERMINAL SORT (PRODUCTION...))...)", at: parts[0].position)
        }
        // Names are looked up in hash tables and productions kept unique with hash sets, so
        // reading a grammar is linear in its size (a list scan per name or production made a
        // grammar of 100,000 constants take minutes).
        var declared: [(name: SortedName, position: SourcePosition)] = []
        var declaredNames: Set<String> = []
        let parameterNames = Set(parameters.map(\.name))
        for declaration in isVersion2 ? parts[0].elements ?? [] : rules {
            guard let pair = declaration.elements, pair.count == (isVersion2 ? 2 : 3), let name = pair[0].symbol else {
                throw SyGuSError(isVersion2
                    ? "expected a nonterminal declaration (NAME SORT), found \(declaration.excerpt)"
                    : "expected a rule (NONTERMINAL SORT (PRODUCTION...)), found \(declaration.excerpt)", at: declaration.position)
            }
            if !declaredNames.insert(name).inserted {
                throw SyGuSError("nonterminal '\(name)' is declared twice", at: pair[0].position)
            }
            if parameterNames.contains(name) {
                throw SyGuSError("nonterminal '\(name)' has the name of a parameter of '\(function)'", at: pair[0].position)
            }
            declared.append((SortedName(name, try Self.sort(pair[1])), pair[0].position))
        }
        if !isVersion2, let start = declared.firstIndex(where: { $0.name.name == "Start" }) {
            declared.insert(declared.remove(at: start), at: 0)
        }
        guard let start = declared.first else {
            throw SyGuSError("the grammar of '\(function)' has no nonterminals", at: parts[0].position)
        }
        guard start.name.sort == returnSort else {
            throw SyGuSError("the start nonterminal '\(start.name.name)' has sort \(start.name.sort.smtSort) but '\(function)' returns \(returnSort.smtSort)", at: start.position)
        }

        var nonterminals = declared.map { SyGuSGrammar.Nonterminal(name: $0.name.name, sort: $0.name.sort, productions: []) }
        var indexOfName: [String: Int] = [:]
        for (index, declaration) in declared.enumerated() { indexOfName[declaration.name.name] = index }
        var hasRule = Array(repeating: false, count: declared.count)
        let scope = Scope(kind: .production, parameters: parameters, nonterminals: declared.map(\.name))
        for rule in rules {
            guard let parts = rule.elements, parts.count == 3, let name = parts[0].symbol, let productions = parts[2].elements else {
                throw SyGuSError("expected a rule (NONTERMINAL SORT (PRODUCTION...)), found \(rule.excerpt)", at: rule.position)
            }
            guard let index = indexOfName[name] else {
                throw SyGuSError("nonterminal '\(name)' has a rule but is not declared", at: parts[0].position)
            }
            let sort = try Self.sort(parts[1])
            guard sort == declared[index].name.sort else {
                throw SyGuSError("nonterminal '\(name)' is declared with sort \(declared[index].name.sort.smtSort) but its rule gives \(sort.smtSort)", at: parts[1].position)
            }
            guard !hasRule[index] else {
                throw SyGuSError("nonterminal '\(name)' has two rules", at: parts[0].position)
            }
            hasRule[index] = true
            guard !productions.isEmpty else {
                throw SyGuSError("nonterminal '\(name)' has no productions", at: parts[2].position)
            }
            var present: Set<Expression> = []
            for production in productions {
                try addProduction(production, to: &nonterminals[index], present: &present, parameters: parameters, scope: scope)
            }
        }
        if let missing = hasRule.firstIndex(of: false) {
            throw SyGuSError("nonterminal '\(declared[missing].name.name)' is declared but has no rule", at: declared[missing].position)
        }
        let finite = Self.derivesFiniteTerms(nonterminals)
        if !finite[0] {
            let names = nonterminals.indices.filter { !finite[$0] }.map { "'\(nonterminals[$0].name)'" }
            let again = names.count == 1 ? names[0] : "one of them"
            throw SyGuSError("the grammar of '\(function)' derives no finite term: every production of \(names.joined(separator: ", ")) needs \(again) again "
                + "(give one a production without nonterminals, such as a parameter or a constant)", at: start.position)
        }
        return SyGuSGrammar(nonterminals: nonterminals)
    }

    /// Which nonterminals derive a finite term: those with a production whose holes all do (a
    /// least fixed point); a start symbol that derives none would make the search run until
    /// its timeout without a single candidate. Linear in the grammar's size: each production
    /// counts its holes not yet known finite, and each nonterminal found finite counts down
    /// the productions it occurs in, once.
    static func derivesFiniteTerms(_ nonterminals: [SyGuSGrammar.Nonterminal]) -> [Bool] {
        var finite = nonterminals.map { $0.allowsAnyConstant || $0.allowsAnyVariable }
        var pending: [[Int]] = []
        var occurrences = Array(repeating: [(nonterminal: Int, production: Int)](), count: nonterminals.count)
        var found: [Int] = finite.indices.filter { finite[$0] }
        for (index, nonterminal) in nonterminals.enumerated() {
            var counts: [Int] = []
            for (p, production) in nonterminal.productions.enumerated() {
                let holes = production.nonterminals
                counts.append(holes.count)
                for hole in holes { occurrences[hole].append((index, p)) }
                if holes.isEmpty && !finite[index] {
                    finite[index] = true
                    found.append(index)
                }
            }
            pending.append(counts)
        }
        while let next = found.popLast() {
            for (index, p) in occurrences[next] {
                pending[index][p] -= 1
                if pending[index][p] == 0 && !finite[index] {
                    finite[index] = true
                    found.append(index)
                }
            }
        }
        return finite
    }

    /// Adds one production to `nonterminal`: `(Constant S)` and `(Variable S)` set its flags
    /// (`Variable` also lists every parameter of sort S); any other term must have the
    /// nonterminal's sort. A production already in `present` (the rule's productions so far)
    /// is not added again.
    private func addProduction(_ production: SExpression, to nonterminal: inout SyGuSGrammar.Nonterminal, present: inout Set<Expression>,
                               parameters: [SortedName], scope: Scope) throws(SyGuSError) {
        if let form = production.elements, form.count == 2, let head = form[0].symbol,
           ["Constant", "Variable", "InputVariable", "LocalVariable"].contains(head) {
            let sort = try Self.sort(form[1])
            guard sort == nonterminal.sort else {
                throw SyGuSError("(\(head) \(sort.smtSort)) is in the rule of '\(nonterminal.name)', whose sort is \(nonterminal.sort.smtSort)", at: production.position)
            }
            switch head {
            case "Constant":
                nonterminal.allowsAnyConstant = true
            case "LocalVariable":
                throw SyGuSError("unsupported grammar term (LocalVariable …)", at: production.position)
            default:
                nonterminal.allowsAnyVariable = true
                for (i, parameter) in parameters.enumerated() where parameter.sort == sort {
                    Self.append(.parameter(i), to: &nonterminal, present: &present)
                }
            }
            return
        }
        let term = try term(production, in: scope)
        guard term.sort == nonterminal.sort else {
            throw SyGuSError("production \(production.excerpt) has sort \(term.sort.smtSort) but nonterminal '\(nonterminal.name)' has sort \(nonterminal.sort.smtSort)", at: production.position)
        }
        Self.append(term.expression, to: &nonterminal, present: &present)
    }

    private static func append(_ production: Expression, to nonterminal: inout SyGuSGrammar.Nonterminal, present: inout Set<Expression>) {
        if present.insert(production).inserted {
            nonterminal.productions.append(production)
        }
    }
}
