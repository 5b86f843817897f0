import Language

extension TypeExpr {
    /// The SMT-LIB spelling of the sort: `Int`, `Bool`, `String`, `(_ BitVec 64)`. Type
    /// variables (in messages about polymorphic operators) print as `S`, `T`, then `S2`, ….
    public var smtSort: String {
        switch self {
        case .int: return "Int"
        case .bool: return "Bool"
        case .string: return "String"
        case .bitVector(let width): return "(_ BitVec \(width))"
        case .variable(let v): return v == 0 ? "S" : v == 1 ? "T" : "S\(v)"
        case .list, .arrow: return description
        }
    }
}

extension SyGuSProblem {
    /// `expression` in SMT-LIB text. `.parameter(i)` and `.nonterminal(i)` are named by
    /// `functions[function]` (its parameters and its grammar's nonterminals); negative
    /// integers print as `(- 5)`, strings as SMT-LIB literals, bit-vectors as `#x…`/`#b…`.
    public func text(of expression: Expression, function: Int?) -> String {
        let owner = function.flatMap { functions.indices.contains($0) ? functions[$0] : nil }
        return text(of: expression, parameterNames: owner?.parameters.map(\.name) ?? [],
                    nonterminalNames: owner?.grammar.nonterminals.map(\.name) ?? [])
    }

    /// `expression` in SMT-LIB text, `.parameter(i)` named `parameterNames[i]` (a
    /// definition's parameters, say) and `.nonterminal(i)` named `nonterminalNames[i]`.
    /// Indices without a name print as `_arg_i` and `_nonterminal_i`.
    public func text(of expression: Expression, parameterNames: [String], nonterminalNames: [String] = []) -> String {
        func name(_ names: [String], _ i: Int, _ fallback: String) -> String {
            names.indices.contains(i) ? Self.symbol(names[i]) : fallback + String(i)
        }
        func print(_ e: Expression) -> String {
            switch e {
            case .constant(let value): return Self.literal(value)
            case .variable(let i): return name(variables.map(\.name), i, "_variable_")
            case .parameter(let i): return name(parameterNames, i, "_arg_")
            case .nonterminal(let i): return name(nonterminalNames, i, "_nonterminal_")
            case .builtin(let primitive, let arguments):
                if arguments.isEmpty, case .constant(let value) = primitive.implementation { return Self.literal(value) }
                return apply(primitive.name, arguments)
            case .definition(let i, let arguments):
                return apply(name(definitions.map(\.name), i, "_definition_"), arguments)
            case .synthesized(let i, let arguments):
                return apply(name(functions.map(\.name), i, "_function_"), arguments)
            }
        }
        func apply(_ head: String, _ arguments: [Expression]) -> String {
            arguments.isEmpty ? head : "(" + head + " " + arguments.map(print).joined(separator: " ") + ")"
        }
        return print(expression)
    }

    /// The SyGuS answer for `functions[function]` with `body` (over its parameters):
    /// `(define-fun f ((x (_ BitVec 64))) (_ BitVec 64) (bvand x (bvsub x #x0000000000000001)))`.
    public func answer(function: Int, body: Expression) -> String {
        let f = functions[function]
        let parameters = f.parameters.map { "(\(Self.symbol($0.name)) \($0.sort.smtSort))" }.joined(separator: " ")
        return "(define-fun \(Self.symbol(f.name)) (\(parameters)) \(f.returnSort.smtSort) \(text(of: body, function: function)))"
    }

    /// One line saying what the problem holds, for `ouro check`:
    /// `SyGuS problem (logic BV): 1 function to synthesize, 1 variable, 1 definition, 1 constraint`.
    public var summary: String {
        func count(_ n: Int, _ noun: String, _ suffix: String = "") -> String {
            "\(n) \(noun)\(n == 1 ? "" : "s")\(suffix)"
        }
        return "SyGuS problem (logic \(logic ?? "not set")): " + [
            count(functions.count, "function", " to synthesize"),
            count(variables.count, "variable"),
            count(definitions.count, "definition"),
            count(constraints.count, "constraint"),
        ].joined(separator: ", ")
    }

    /// A value as an SMT-LIB literal.
    static func literal(_ value: Value) -> String {
        switch value {
        case .int(let n): return n < 0 ? "(- \(n.magnitude))" : String(n)
        case .bool(let b): return b ? "true" : "false"
        case .bitVector(let bits): return bits.literal
        case .string(let text): return text.literal
        case .list, .function: return value.description
        }
    }

    /// `name` as an SMT-LIB symbol: as it is when it is a simple symbol, else `|quoted|`.
    static func symbol(_ name: String) -> String {
        let punctuation = Set("~!@$%^&*_-+=<>.?/")
        let isSimple = !name.isEmpty && !(name.first?.isASCIIDigit ?? false)
            && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || punctuation.contains($0) }
        return isSimple || name.contains("|") ? name : "|" + name + "|"
    }
}
