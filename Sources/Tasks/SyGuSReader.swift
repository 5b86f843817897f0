import Language

/// Reads the commands of a SyGuS-IF file one at a time into a `SyGuSProblem`, keeping the
/// tables that resolve names (variables, `define-fun`s, functions to synthesize).
///
/// Invariant: the name tables index exactly `problem.variables`, `problem.definitions` and
/// `problem.functions`, and no name is in two of them.
struct SyGuSReader {
    var problem = SyGuSProblem(logic: nil, functions: [], variables: [], definitions: [], constraints: [])
    var variableIndex: [String: Int] = [:]
    var definitionIndex: [String: Int] = [:]
    var functionIndex: [String: Int] = [:]

    mutating func read(_ command: SExpression) throws(SyGuSError) {
        guard let items = command.elements, let head = items.first?.symbol else {
            throw SyGuSError("expected a command such as (synth-fun …) or (constraint …), found \(command.excerpt)", at: command.position)
        }
        switch head {
        case "set-logic": try readSetLogic(items, command.position)
        case "set-option", "set-info":
            guard items.count >= 2, let keyword = items[1].symbol, keyword.hasPrefix(":") else {
                throw SyGuSError("expected (\(head) :NAME VALUE)", at: command.position)
            }
            problem.ignoredOptions.append(items.dropFirst().map(\.description).joined(separator: " "))
        case "declare-var": try readDeclareVar(items, command.position, primed: false)
        case "declare-primed-var": try readDeclareVar(items, command.position, primed: true)
        case "define-fun": try readDefineFun(items, command.position)
        case "synth-fun": try readSynthFun(items, command.position, isInvariant: false)
        case "synth-inv": try readSynthFun(items, command.position, isInvariant: true)
        case "constraint":
            guard items.count == 2 else { throw SyGuSError("expected (constraint TERM)", at: command.position) }
            let constraint = try term(items[1], in: Scope(kind: .constraint))
            guard constraint.sort == .bool else {
                throw SyGuSError("a constraint must have sort Bool, but \(items[1].excerpt) has sort \(constraint.sort.smtSort)", at: items[1].position)
            }
            problem.constraints.append(constraint.expression)
        case "inv-constraint": try readInvConstraint(items, command.position)
        case "check-synth":
            guard items.count == 1 else { throw SyGuSError("expected (check-synth)", at: command.position) }
        default:
            throw SyGuSError("unsupported command '\(head)'", at: items[0].position)
        }
    }

    // MARK: Declarations

    private mutating func readSetLogic(_ items: [SExpression], _ position: SourcePosition) throws(SyGuSError) {
        guard items.count == 2, let logic = items[1].symbol else {
            throw SyGuSError("expected (set-logic LOGIC)", at: position)
        }
        if let previous = problem.logic {
            throw SyGuSError("the logic is already set to \(previous)", at: position)
        }
        problem.logic = logic
    }

    private mutating func readDeclareVar(_ items: [SExpression], _ position: SourcePosition, primed: Bool) throws(SyGuSError) {
        let command = primed ? "declare-primed-var" : "declare-var"
        guard items.count == 3, let name = items[1].symbol else {
            throw SyGuSError("expected (\(command) NAME SORT)", at: position)
        }
        let sort = try Self.sort(items[2])
        try declareVariable(name, sort, at: items[1].position)
        if primed { try declareVariable(name + "!", sort, at: items[1].position) }
    }

    mutating func declareVariable(_ name: String, _ sort: TypeExpr, at position: SourcePosition) throws(SyGuSError) {
        try checkFree(name, at: position)
        variableIndex[name] = problem.variables.count
        problem.variables.append(SortedName(name, sort))
    }

    private mutating func readDefineFun(_ items: [SExpression], _ position: SourcePosition) throws(SyGuSError) {
        guard items.count == 5, let name = items[1].symbol, items[2].elements != nil else {
            throw SyGuSError("expected (define-fun NAME ((PARAM SORT)...) SORT TERM)", at: position)
        }
        let parameters = try Self.parameters(items[2])
        let returnSort = try Self.sort(items[3])
        try checkFree(name, at: items[1].position)
        let body = try term(items[4], in: Scope(kind: .definition, parameters: parameters))
        guard body.sort == returnSort else {
            throw SyGuSError("the body of '\(name)' has sort \(body.sort.smtSort) but '\(name)' returns \(returnSort.smtSort)", at: items[4].position)
        }
        definitionIndex[name] = problem.definitions.count
        problem.definitions.append(FunctionDefinition(name: name, parameters: parameters, returnSort: returnSort, body: body.expression))
    }

    /// An answer's `(define-fun NAME ((PARAM SORT)...) SORT TERM)` for the function to
    /// synthesize NAME: the function's index and the body, read as a define-fun body is.
    func readAnswer(_ command: SExpression) throws(SyGuSError) -> (function: Int, body: Expression) {
        guard let items = command.elements, items.count == 5, items[0].symbol == "define-fun", let name = items[1].symbol,
              items[2].elements != nil else {
            throw SyGuSError("expected (define-fun NAME ((PARAM SORT)...) SORT TERM), found \(command.excerpt)", at: command.position)
        }
        guard let index = functionIndex[name] else {
            throw SyGuSError("'\(name)' is not a function to synthesize", at: items[1].position)
        }
        let function = problem.functions[index]
        let parameters = try Self.parameters(items[2])
        let returnSort = try Self.sort(items[3])
        guard parameters.map(\.sort) == function.parameters.map(\.sort), returnSort == function.returnSort else {
            throw SyGuSError("the answer for '\(name)' does not have its parameter and result sorts", at: items[2].position)
        }
        let body = try term(items[4], in: Scope(kind: .definition, parameters: parameters))
        guard body.sort == returnSort else {
            throw SyGuSError("the body of '\(name)' has sort \(body.sort.smtSort) but '\(name)' returns \(returnSort.smtSort)", at: items[4].position)
        }
        return (index, body.expression)
    }

    private mutating func readSynthFun(_ items: [SExpression], _ position: SourcePosition, isInvariant: Bool) throws(SyGuSError) {
        // (synth-fun NAME PARAMS SORT [GRAMMAR]) and (synth-inv NAME PARAMS [GRAMMAR]); a
        // grammar is one list (v1: rules only) or two (v2: nonterminals, then rules).
        let headerCount = isInvariant ? 3 : 4
        guard (headerCount...headerCount + 2).contains(items.count), let name = items[1].symbol, items[2].elements != nil else {
            throw SyGuSError(isInvariant
                ? "expected (synth-inv NAME ((PARAM SORT)...) [GRAMMAR])"
                : "expected (synth-fun NAME ((PARAM SORT)...) SORT [GRAMMAR])", at: position)
        }
        let parameters = try Self.parameters(items[2])
        let returnSort = isInvariant ? TypeExpr.bool : try Self.sort(items[3])
        try checkFree(name, at: items[1].position)
        let grammarParts = Array(items[headerCount...])
        let grammar: SyGuSGrammar
        if grammarParts.isEmpty {
            grammar = .defaultGrammar(logic: problem.logic, parameters: parameters, returnSort: returnSort)
        } else {
            grammar = try readGrammar(grammarParts, function: name, parameters: parameters, returnSort: returnSort)
        }
        functionIndex[name] = problem.functions.count
        problem.functions.append(SynthesisFunction(
            name: name, parameters: parameters, returnSort: returnSort, grammar: grammar,
            hasExplicitGrammar: !grammarParts.isEmpty, isInvariant: isInvariant))
    }

    /// Throws when `name` is already a variable, definition or function, or is a literal or
    /// built-in operator that a declaration may not redefine.
    private func checkFree(_ name: String, at position: SourcePosition) throws(SyGuSError) {
        if variableIndex[name] != nil || definitionIndex[name] != nil || functionIndex[name] != nil {
            throw SyGuSError("'\(name)' is already declared", at: position)
        }
        if Self.looksLikeLiteral(name) {
            throw SyGuSError("'\(name)' is a literal and cannot be declared", at: position)
        }
        if Self.isSMTBuiltin(name) {
            throw SyGuSError("'\(name)' is a built-in operator and cannot be redeclared", at: position)
        }
    }

    // MARK: Sorts and parameter lists

    /// `Int`, `Bool`, `String`, `(_ BitVec N)` (and v1's `(BitVec N)`), N in 1...64.
    static func sort(_ e: SExpression) throws(SyGuSError) -> TypeExpr {
        switch e.kind {
        case .symbol(let name):
            switch name {
            case "Int": return .int
            case "Bool": return .bool
            case "String": return .string
            default: throw SyGuSError("unsupported sort '\(name)'", at: e.position)
            }
        case .list(let items):
            let isBitVec = (items.count == 3 && items[0].symbol == "_" && items[1].symbol == "BitVec")
                || (items.count == 2 && items[0].symbol == "BitVec")
            guard isBitVec, let widthItem = items.last, let widthText = widthItem.symbol else {
                throw SyGuSError("unsupported sort \(e.excerpt)", at: e.position)
            }
            guard widthText.allSatisfy(\.isASCIIDigit), let width = Int(widthText), (1...64).contains(width) else {
                throw SyGuSError("bit-vector width \(JSONValue.excerpt(widthText)) is outside 1...64", at: widthItem.position)
            }
            return .bitVector(width: width)
        case .string:
            throw SyGuSError("expected a sort, found \(e.excerpt)", at: e.position)
        }
    }

    /// `((NAME SORT)...)`, names distinct.
    static func parameters(_ e: SExpression) throws(SyGuSError) -> [SortedName] {
        var result: [SortedName] = []
        var names: Set<String> = []
        for item in e.elements ?? [] {
            guard let pair = item.elements, pair.count == 2, let name = pair[0].symbol else {
                throw SyGuSError("expected a parameter (NAME SORT), found \(item.excerpt)", at: item.position)
            }
            if !names.insert(name).inserted {
                throw SyGuSError("parameter '\(name)' appears twice", at: pair[0].position)
            }
            if looksLikeLiteral(name) {
                throw SyGuSError("'\(name)' is a literal and cannot name a parameter", at: pair[0].position)
            }
            result.append(SortedName(name, try sort(pair[1])))
        }
        return result
    }

    static func looksLikeLiteral(_ name: String) -> Bool {
        let unsigned = name.hasPrefix("-") ? name.dropFirst() : Substring(name)
        guard let first = unsigned.first else { return name.isEmpty }
        return first.isASCIIDigit || name.hasPrefix("#") || name == "true" || name == "false"
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension SExpression {
    /// The expression's text for a message, cut short when long.
    var excerpt: String {
        let text = description
        return text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }
}
