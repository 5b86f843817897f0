import Language

extension SyGuSGrammar {
    /// The grammar of a function to synthesize whose file gives none: the terms of the logic
    /// over the function's parameters, one nonterminal per sort.
    ///
    /// The start nonterminal `Start` has the return sort; the others are named by sort
    /// (`StartBool`, `StartInt`, `StartString`, `StartBV32`). Each lists the parameters of
    /// its sort, a few constants, and the operators of the logic whose argument and result
    /// sorts all have nonterminals:
    ///
    /// - bit-vectors (`BV`): `0`, `1` and all ones at each width; every bit-vector operator in
    ///   `Builtins`; `ite`; into Bool `=` and the comparisons `bvult`, `bvslt`, ….
    /// - integers (`LIA`, `CLIA`, `NIA` alike): `0`, `1`, `+`, `-`, `ite`; into Bool `=`,
    ///   `<=`, `<`, `>=`, `>`. No `*`, so the default stays linear.
    /// - strings (`SLIA`): `""`, `" "`, every string operator in `Builtins`, and Int with `0`,
    ///   `1`, `-1`, `+`, `-`; into Bool `=`, `str.prefixof`, `str.suffixof`, `str.contains`, …
    ///   (no integer comparisons).
    /// - Bool always has `not`, `and`, `or`.
    ///
    /// The logic's families of operators are joined by those of the sorts the function uses,
    /// so an unknown or missing logic still gets a grammar over the function's sorts. Since
    /// any term of the logic is allowed, every nonterminal allows any constant and variable.
    public static func defaultGrammar(logic: String?, parameters: [SortedName], returnSort: TypeExpr) -> SyGuSGrammar {
        let signatureSorts = [returnSort] + parameters.map(\.sort)
        let logicName = logic ?? ""
        let theory = logicName.hasPrefix("QF_") ? String(logicName.dropFirst(3)) : logicName
        let all = theory == "ALL"
        let stringLogic = theory.hasPrefix("S")
        let strings = all || stringLogic || signatureSorts.contains(.string)
        let integerLogic = all || (!stringLogic && (theory.contains("IA") || theory.contains("IRA")))
        let integers = strings || integerLogic || signatureSorts.contains(.int)
        let comparisons = integerLogic || (!strings && signatureSorts.contains(.int))

        // The sorts that get a nonterminal: the return sort first (the start symbol).
        var sorts: [TypeExpr] = [returnSort]
        func include(_ sort: TypeExpr) { if !sorts.contains(sort) { sorts.append(sort) } }
        include(.bool)
        if integers { include(.int) }
        if strings { include(.string) }
        let widths = Set(signatureSorts.compactMap { sort -> Int? in
            if case .bitVector(let w) = sort { return w }
            return nil
        }).sorted()
        for width in widths { include(.bitVector(width: width)) }

        var grammar = DefaultGrammar(sorts: sorts, nonterminals: sorts.enumerated().map { i, sort in
            Nonterminal(name: i == 0 ? "Start" : "Start" + sortName(sort), sort: sort, productions: [],
                        allowsAnyConstant: true, allowsAnyVariable: true)
        })
        grammar.addLeaves(parameters: parameters, widths: widths, integers: integers, strings: strings)
        grammar.addOperators(widths: widths, integers: integers, comparisons: comparisons, strings: strings)
        return SyGuSGrammar(nonterminals: grammar.nonterminals)
    }

    private static func sortName(_ sort: TypeExpr) -> String {
        switch sort {
        case .int: return "Int"
        case .bool: return "Bool"
        case .string: return "String"
        case .bitVector(let width): return "BV\(width)"
        case .list, .arrow, .variable: return sort.description
        }
    }
}

/// A default grammar as it is built: a nonterminal per sort, productions added where their
/// sorts have nonterminals.
private struct DefaultGrammar {
    let sorts: [TypeExpr]
    var nonterminals: [SyGuSGrammar.Nonterminal]

    mutating func add(_ production: Expression, _ sort: TypeExpr) {
        guard let i = sorts.firstIndex(of: sort), !nonterminals[i].productions.contains(production) else { return }
        nonterminals[i].productions.append(production)
    }

    /// Adds `name` applied to nonterminals of `argumentSorts`, when all of them exist.
    mutating func addOperator(_ name: String, _ argumentSorts: [TypeExpr]) {
        guard let primitive = Builtins.primitive(named: name, argumentSorts: argumentSorts) else { return }
        var arguments: [Expression] = []
        for sort in argumentSorts {
            guard let i = sorts.firstIndex(of: sort) else { return }
            arguments.append(.nonterminal(i))
        }
        add(.builtin(primitive, arguments), primitive.type.returnType)
    }

    /// The parameters, and the constants of each sort.
    mutating func addLeaves(parameters: [SortedName], widths: [Int], integers: Bool, strings: Bool) {
        for (i, parameter) in parameters.enumerated() {
            add(.parameter(i), parameter.sort)
        }
        for width in widths {
            let sort = TypeExpr.bitVector(width: width)
            for bits in [0, 1, BitVector.mask(width)] {
                add(.constant(.bitVector(BitVector(bits, width: width))), sort)
            }
        }
        if integers {
            for value in strings ? [0, 1, -1] : [0, 1] { add(.constant(.int(value)), .int) }
        }
        if strings {
            for text in ["", " "] { add(.constant(.string(text)), .string) }
        }
    }

    /// The logic's and the sorts' families of operators.
    mutating func addOperators(widths: [Int], integers: Bool, comparisons: Bool, strings: Bool) {
        for sort in sorts where sort != .bool {
            addOperator("=", [sort, sort])
        }
        for width in widths {
            let sort = TypeExpr.bitVector(width: width)
            for entry in Builtins.entries {
                switch entry.signature {
                case .bitVectorUnary, .bitVectorBinary, .bitVectorComparison:
                    addOperator(entry.name, entry.signature.type(width: width).arguments.map { _ in sort })
                case .scheme:
                    break
                }
            }
        }
        if integers {
            addOperator("+", [.int, .int])
            addOperator("-", [.int, .int])
        }
        if comparisons {
            for name in ["<=", "<", ">=", ">"] { addOperator(name, [.int, .int]) }
        }
        if strings {
            var seen: Set<Primitive.Implementation> = []
            for entry in Builtins.entries {
                guard case .scheme(let type) = entry.signature, type.arguments.contains(.string) || type.returnType == .string,
                      seen.insert(entry.implementation).inserted else { continue }
                addOperator(entry.name, type.arguments)
            }
        }
        for sort in sorts where sort != .bool {
            addOperator("ite", [.bool, sort, sort])
        }
        addOperator("not", [.bool])
        addOperator("and", [.bool, .bool])
        addOperator("or", [.bool, .bool])
    }
}
