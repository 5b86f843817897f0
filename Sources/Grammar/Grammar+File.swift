import Language

/// Grammar files: S-expressions, one form per production.
///
/// ```
/// ; comments run to the end of the line
/// (grammar lists)                                   ; the domain's name (optional, first)
/// (variable 0.0)                                    ; log weight of every variable (default 0)
/// (primitive map "(t0 -> t1) -> list(t0) -> list(t1)" 0.0)
/// (primitive #x0000000000000001 "bv64")             ; constants are primitives named by their literal
/// (primitive "-" "string" -0.5)                     ; a string constant
/// (define fn_0 "int -> int" (lambda (+ $0 1)) -1.2) ; an abstraction: closed λ body, type optional
/// (contextual (map "(t0 -> t1) -> list(t0) -> list(t1)") 1 $ 0.7)
///                                                   ; a contextual weight: a variable as map's argument 1
/// ```
///
/// A contextual form names a slot — `root`, `$` (arguments of a variable) or a production
/// `(NAME "TYPE")` with an argument index — and a choice, `$` or `(NAME "TYPE")`; its weight
/// replaces the choice's unigram weight in that slot.
///
/// Weights are unnormalised log probabilities (default 0). A primitive's name must be a
/// built-in (see `Builtins`) or a literal, and its type one the built-in accepts. A `define`
/// may use the primitives and abstractions declared above it, and nothing else; its type is
/// inferred and, when written, checked.
extension Grammar {
    /// Reads a grammar file's text. Errors carry the line and column of the offending form.
    public init(parsing text: String) throws(GrammarError) {
        let forms: [SExpression]
        do {
            forms = try SExpression.readAll(text)
        } catch {
            throw GrammarError(error.message, at: error.position)
        }
        self.init()
        for (index, form) in forms.enumerated() {
            try read(form, isFirst: index == 0)
        }
    }

    private mutating func read(_ form: SExpression, isFirst: Bool) throws(GrammarError) {
        guard let items = form.elements, let head = items.first?.symbol else {
            throw GrammarError("expected a form such as (primitive NAME \"TYPE\" WEIGHT), found '\(form)'", at: form.position)
        }
        switch head {
        case "grammar":
            guard isFirst else { throw GrammarError("(grammar NAME) must be the first form", at: form.position) }
            guard items.count == 2, let name = items[1].symbol else {
                throw GrammarError("expected (grammar NAME)", at: form.position)
            }
            self.name = name
        case "variable":
            guard items.count == 2 else { throw GrammarError("expected (variable WEIGHT)", at: form.position) }
            variableLogWeight = try Self.weight(items[1])
        case "primitive":
            try readPrimitive(items, form.position)
        case "define":
            try readDefine(items, form.position)
        case "contextual":
            try readContextual(items, form.position)
        default:
            throw GrammarError("unknown form '\(head)'; expected grammar, variable, primitive, define or contextual", at: items[0].position)
        }
    }

    private mutating func readPrimitive(_ items: [SExpression], _ position: SourcePosition) throws(GrammarError) {
        guard items.count == 3 || items.count == 4 else {
            throw GrammarError("expected (primitive NAME \"TYPE\" [WEIGHT])", at: position)
        }
        let type = try Self.type(items[2])
        let weight = items.count == 4 ? try Self.weight(items[3]) : 0
        let nameExpression = items[1]
        let primitive: Primitive
        switch nameExpression.kind {
        case .string(let text):
            guard type == .string else {
                throw GrammarError("string constant \(nameExpression) must have type string, not \(type)", at: items[2].position)
            }
            primitive = .constant(.string(StringValue(smtLiteral: text)), type: .string)
        case .symbol(let name):
            if let literal = Builtins.literal(name) {
                guard literal.type == type else {
                    throw GrammarError("constant \(name) has type \(literal.type), not \(type)", at: items[2].position)
                }
                primitive = literal
            } else if let builtin = Builtins.primitive(named: name, type: type) {
                primitive = builtin
            } else if Builtins.entries(named: name).isEmpty {
                throw GrammarError("unknown primitive '\(name)'", at: nameExpression.position)
            } else {
                let accepted = Builtins.entries(named: name).map { Self.describe($0.signature) }.joined(separator: " or ")
                throw GrammarError("primitive '\(name)' cannot have type \(type); it has type \(accepted)", at: items[2].position)
            }
        case .list:
            throw GrammarError("expected a primitive name, found a list", at: nameExpression.position)
        }
        do {
            try add(Production(primitive, logWeight: weight))
        } catch {
            throw GrammarError(error.message, at: position)
        }
    }

    private mutating func readDefine(_ items: [SExpression], _ position: SourcePosition) throws(GrammarError) {
        guard items.count >= 3, items.count <= 5, let name = items[1].symbol else {
            throw GrammarError("expected (define NAME [\"TYPE\"] BODY [WEIGHT])", at: position)
        }
        var rest = Array(items.dropFirst(2))
        var declared: (TypeExpr, SourcePosition)?
        if case .string = rest[0].kind, rest.count >= 2 {
            declared = (try Self.type(rest[0]), rest[0].position)
            rest.removeFirst()
        }
        guard rest.count == 1 || rest.count == 2 else {
            throw GrammarError("expected (define NAME [\"TYPE\"] BODY [WEIGHT])", at: position)
        }
        if primitiveTable.abstractions[name] != nil || Builtins.literal(name) != nil || !Builtins.entries(named: name).isEmpty {
            throw GrammarError("'\(name)' is already a primitive or an abstraction", at: items[1].position)
        }
        if Self.mentions(name, rest[0]) {
            throw GrammarError("'\(name)' refers to itself; a define cannot be recursive", at: rest[0].position)
        }
        let body: Program
        do {
            body = try Program(rest[0], primitives: primitiveTable)
        } catch {
            throw GrammarError("in the body of '\(name)': \(error.message)", at: error.position)
        }
        var abstraction: Abstraction
        do {
            abstraction = try Abstraction(name: name, body: body)
        } catch {
            // An overloaded name (`ite` at several sorts) may need another of its readings.
            guard let fitting = Self.typedReading(of: body, name: name, declared: declared?.0, primitiveTable) else {
                throw GrammarError("in the body of '\(name)': \(error)", at: rest[0].position)
            }
            abstraction = fitting
        }
        if let (type, typePosition) = declared, abstraction.type != type.canonical {
            guard let fitting = Self.typedReading(of: body, name: name, declared: type, primitiveTable) else {
                throw GrammarError("'\(name)' has type \(abstraction.type), not \(type)", at: typePosition)
            }
            abstraction = fitting
        }
        let weight = rest.count == 2 ? try Self.weight(rest[1]) : 0
        do {
            try add(Production(abstraction, logWeight: weight))
        } catch {
            throw GrammarError(error.message, at: position)
        }
    }

    /// The first reading of `body` (see `Program.overloadReadings`) that has a type, and the
    /// `declared` one when given.
    private static func typedReading(of body: Program, name: String, declared: TypeExpr?, _ table: PrimitiveTable) -> Abstraction? {
        for reading in body.overloadReadings(in: table).dropFirst() {
            guard let abstraction = try? Abstraction(name: name, body: reading) else { continue }
            if declared == nil || abstraction.type == declared!.canonical { return abstraction }
        }
        return nil
    }

    /// `(contextual PARENT ARGUMENT CHILD WEIGHT)`: PARENT is `root`, `$` (a variable applied
    /// to arguments) or `(NAME "TYPE")`; CHILD is `$` (a variable) or `(NAME "TYPE")`.
    private mutating func readContextual(_ items: [SExpression], _ position: SourcePosition) throws(GrammarError) {
        guard items.count == 5, let argumentText = items[2].symbol, let argument = Int(argumentText), argument >= 0 else {
            throw GrammarError("expected (contextual PARENT ARGUMENT CHILD WEIGHT), PARENT root, $ or (NAME \"TYPE\"), CHILD $ or (NAME \"TYPE\")", at: position)
        }
        let slot: Slot
        switch items[1].symbol {
        case "root": slot = .root
        case "$": slot = .variableArgument(index: argument)
        default:
            let parent = try productionKey(items[1])
            guard let arity = self[parent]?.type.arguments.count, argument < arity else {
                throw GrammarError("'\(parent.name)' has no argument \(argument)", at: items[2].position)
            }
            slot = .argument(of: parent, index: argument)
        }
        let choice: SlotChoice = items[3].symbol == "$" ? .variable : .production(try productionKey(items[3]))
        contextualLogWeights[ContextualKey(slot: slot, choice: choice)] = try Self.weight(items[4])
    }

    /// The key of a production written `(NAME "TYPE")`, which the grammar must already have.
    private func productionKey(_ e: SExpression) throws(GrammarError) -> ProductionKey {
        guard let parts = e.elements, parts.count == 2 else {
            throw GrammarError("expected a production as (NAME \"TYPE\")", at: e.position)
        }
        let name: String
        switch parts[0].kind {
        case .symbol(let symbol): name = symbol
        case .string(let text): name = StringValue(smtLiteral: text).literal
        case .list: throw GrammarError("expected a production name", at: parts[0].position)
        }
        let key = ProductionKey(name: name, type: try Self.type(parts[1]).canonical)
        guard self[key] != nil else { throw GrammarError("no production '\(key)' is declared above", at: e.position) }
        return key
    }

    private static func mentions(_ name: String, _ e: SExpression) -> Bool {
        switch e.kind {
        case .symbol(let s): return s == name
        case .string: return false
        case .list(let items): return items.contains { mentions(name, $0) }
        }
    }

    private static func type(_ e: SExpression) throws(GrammarError) -> TypeExpr {
        guard case .string(let text) = e.kind else {
            throw GrammarError("expected a type in quotes, such as \"int -> int\"", at: e.position)
        }
        do {
            return try TypeExpr(parsing: text)
        } catch {
            let position = SourcePosition(line: e.position.line, column: e.position.column + error.column)
            throw GrammarError(error.message, at: position)
        }
    }

    private static func weight(_ e: SExpression) throws(GrammarError) -> Double {
        guard let text = e.symbol, let value = Double(text), value.isFinite else {
            throw GrammarError("expected a weight (a finite number such as -1.5), found '\(e)'", at: e.position)
        }
        return value
    }

    private static func describe(_ signature: Builtins.Signature) -> String {
        switch signature {
        case .scheme(let t): return t.description
        case .bitVectorUnary: return "bvN -> bvN"
        case .bitVectorBinary: return "bvN -> bvN -> bvN"
        case .bitVectorComparison: return "bvN -> bvN -> bool"
        }
    }

    /// The grammar as a file that `init(parsing:)` reads back to an equal grammar.
    public var fileText: String {
        var text = ""
        if let name { text += "(grammar \(name))\n" }
        text += "(variable \(variableLogWeight))\n"
        for production in productions {
            switch production.kind {
            case .primitive(let p):
                let name: String
                if case .constant(.string(let s)) = p.implementation { name = s.literal } else { name = p.name }
                text += "(primitive \(name) \"\(p.type)\" \(production.logWeight))\n"
            case .abstraction(let a):
                text += "(define \(a.name) \"\(a.type)\" \(a.body) \(production.logWeight))\n"
            }
        }
        func spelled(_ key: ProductionKey) -> String { "(\(key.name) \"\(key.type)\")" }
        let contextual = contextualLogWeights.sorted { "\($0.key.slot) \($0.key.choice)" < "\($1.key.slot) \($1.key.choice)" }
        for (key, weight) in contextual {
            let parent: String, argument: Int
            switch key.slot {
            case .root: (parent, argument) = ("root", 0)
            case .variableArgument(let index): (parent, argument) = ("$", index)
            case .argument(let p, let index): (parent, argument) = (spelled(p), index)
            }
            let child: String
            switch key.choice {
            case .variable: child = "$"
            case .production(let c): child = spelled(c)
            }
            text += "(contextual \(parent) \(argument) \(child) \(weight))\n"
        }
        return text
    }
}

extension Grammar: Equatable {
    /// Grammars are equal when they have the same name, variable weight and productions
    /// (kind, key and weight) in the same order.
    public static func == (a: Grammar, b: Grammar) -> Bool {
        a.name == b.name && a.variableLogWeight == b.variableLogWeight && a.contextualLogWeights == b.contextualLogWeights
            && a.productions.count == b.productions.count
            && zip(a.productions, b.productions).allSatisfy { $0.kind == $1.kind && $0.logWeight == $1.logWeight && $0.key == $1.key }
    }
}
