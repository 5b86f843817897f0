import Language

extension SyGuSReader {
    /// A term as read: its expression and sort, and how deep and how big the expression is
    /// (so that `let` substitution and n-ary chains cannot build an unbounded tree).
    struct Term {
        var expression: Expression
        var sort: TypeExpr
        var depth: Int
        var size: Int

        static func leaf(_ expression: Expression, _ sort: TypeExpr) -> Term {
            Term(expression: expression, sort: sort, depth: 1, size: 1)
        }
    }

    /// The names a term may use besides the problem's definitions and functions: where it is
    /// (a constraint sees declared variables; a `define-fun` body and a grammar production see
    /// parameters; a production also sees nonterminals), and the `let` bindings around it.
    struct Scope {
        enum Kind {
            case constraint, definition, production

            /// Where the term is, for messages.
            var place: String {
                switch self {
                case .constraint: return "a constraint"
                case .definition: return "a define-fun body"
                case .production: return "a grammar"
                }
            }
        }

        var kind: Kind
        var parameters: [String: (index: Int, sort: TypeExpr)] = [:]
        var nonterminals: [String: (index: Int, sort: TypeExpr)] = [:]
        var locals: [String: Term] = [:]

        init(kind: Kind, parameters: [SortedName] = [], nonterminals: [SortedName] = []) {
            self.kind = kind
            for (i, p) in parameters.enumerated() { self.parameters[p.name] = (i, p.sort) }
            for (i, n) in nonterminals.enumerated() { self.nonterminals[n.name] = (i, n.sort) }
        }
    }
}

extension SyGuSReader {
    /// Operators whose n arguments (n > 2) associate to the left, as SMT-LIB declares them.
    static let leftAssociative: Set<String> = ["and", "or", "xor", "+", "-", "*", "bvand", "bvor", "bvxor", "bvadd", "bvmul", "str.++"]
    /// Operators whose n arguments (n > 2) mean the conjunction of adjacent pairs.
    static let chainable: Set<String> = ["=", "<", "<=", ">", ">="]
    /// Names in `Builtins` that belong to the list DSL, not to SMT-LIB: a SyGuS file may
    /// define its own functions with these names, and never calls the built-ins.
    static let listDSLNames: Set<String> = [
        "if", "gt?", "eq?", "map", "fold", "unfold", "range", "index", "length", "cons", "car", "cdr",
        "empty?", "empty", "is-prime", "is-square",
    ]

    /// Whether `name` is an SMT-LIB operator that `Builtins` implements.
    static func isSMTBuiltin(_ name: String) -> Bool {
        !listDSLNames.contains(name) && !Builtins.entries(named: name).isEmpty
    }

    /// Reads a term: resolves every name and checks every operator's argument sorts.
    func term(_ e: SExpression, in scope: Scope) throws(SyGuSError) -> Term {
        switch e.kind {
        case .string(let text):
            guard text.unicodeScalars.count <= SyGuSProblem.maximumStringLength else {
                throw SyGuSError("string literal of \(text.unicodeScalars.count) characters; the limit is \(SyGuSProblem.maximumStringLength)", at: e.position)
            }
            return .leaf(.constant(.string(StringValue(smtLiteral: text))), .string)
        case .symbol(let name):
            return try symbol(name, at: e.position, in: scope)
        case .list(let items):
            return try application(items, e, in: scope)
        }
    }

    @inline(never)
    private func symbol(_ name: String, at position: SourcePosition, in scope: Scope) throws(SyGuSError) -> Term {
        if let local = scope.locals[name] { return local }
        if let p = scope.parameters[name] { return .leaf(.parameter(p.index), p.sort) }
        if let n = scope.nonterminals[name] { return .leaf(.nonterminal(n.index), n.sort) }
        if let v = variableIndex[name] {
            guard scope.kind == .constraint else {
                throw SyGuSError("declared variable '\(name)' cannot appear in \(scope.kind.place); only the function's parameters can", at: position)
            }
            return .leaf(.variable(v), problem.variables[v].sort)
        }
        if let literal = try Self.literal(name, at: position) { return literal }
        if let d = definitionIndex[name], problem.definitions[d].parameters.isEmpty {
            return .leaf(.definition(d, []), problem.definitions[d].returnSort)
        }
        if let f = functionIndex[name], problem.functions[f].parameters.isEmpty {
            try checkMaySynthesize(name, at: position, in: scope)
            return .leaf(.synthesized(f, []), problem.functions[f].returnSort)
        }
        if definitionIndex[name] != nil || functionIndex[name] != nil || Self.isSMTBuiltin(name) {
            throw SyGuSError("'\(name)' must be applied to arguments", at: position)
        }
        if scope.kind == .production {
            throw SyGuSError("unknown nonterminal or parameter '\(name)'", at: position)
        }
        throw SyGuSError("unknown variable '\(name)'", at: position)
    }

    /// A literal: `#x…`, `#b…`, a decimal numeral (`-5` too), `true`, `false`; `nil` for other names.
    static func literal(_ name: String, at position: SourcePosition) throws(SyGuSError) -> Term? {
        if name.hasPrefix("#") {
            guard let bits = BitVector(literal: name) else {
                throw SyGuSError("malformed bit-vector literal '\(JSONValue.excerpt(name))' (write #x… or #b…, at most 64 bits)", at: position)
            }
            return .leaf(.constant(.bitVector(bits)), .bitVector(width: bits.width))
        }
        let digits = name.hasPrefix("-") ? name.dropFirst() : Substring(name)
        if let first = digits.first, first.isASCIIDigit {
            guard digits.allSatisfy(\.isASCIIDigit) else {
                if digits.allSatisfy({ $0.isASCIIDigit || $0 == "." }) {
                    throw SyGuSError("unsupported literal '\(JSONValue.excerpt(name))': real numbers are not supported", at: position)
                }
                throw SyGuSError("malformed numeral '\(JSONValue.excerpt(name))'", at: position)
            }
            guard let value = Int(name) else {
                throw SyGuSError("integer literal '\(JSONValue.excerpt(name))' does not fit in 64 bits", at: position)
            }
            return .leaf(.constant(.int(value)), .int)
        }
        if name == "true" || name == "false" {
            return .leaf(.constant(.bool(name == "true")), .bool)
        }
        return nil
    }

    private func checkMaySynthesize(_ name: String, at position: SourcePosition, in scope: Scope) throws(SyGuSError) {
        guard scope.kind == .constraint else {
            throw SyGuSError("the function to synthesize '\(name)' cannot be called in \(scope.kind.place)", at: position)
        }
    }

    /// What a list term is: its head decides. Kept apart from `application` (as is `apply`)
    /// so that the frames of the recursion through nested terms stay small.
    private enum Form {
        case literal(Term)
        case letBinding
        case annotation
        case call(String)
    }

    private func application(_ items: [SExpression], _ e: SExpression, in scope: Scope) throws(SyGuSError) -> Term {
        switch try Self.form(of: items, e) {
        case .literal(let literal):
            return literal
        case .letBinding:
            return try letTerm(items, e, in: scope)
        case .annotation:
            return try term(items[1], in: scope)
        case .call(let name):
            var arguments: [Term] = []
            arguments.reserveCapacity(items.count - 1)
            for item in items.dropFirst() {
                arguments.append(try term(item, in: scope))
            }
            return try apply(name, arguments, operatorAt: items[0].position, at: e.position, in: scope)
        }
    }

    @inline(never)
    private static func form(of items: [SExpression], _ e: SExpression) throws(SyGuSError) -> Form {
        guard let head = items.first else {
            throw SyGuSError("expected a term, found ()", at: e.position)
        }
        guard let name = head.symbol else {
            if head.isForm("_") { throw SyGuSError("unsupported indexed operator \(head.excerpt)", at: head.position) }
            throw SyGuSError("expected an operator, found \(head.excerpt)", at: head.position)
        }
        switch name {
        case "_":
            return .literal(try indexedConstant(items, e))
        case "let":
            return .letBinding
        case "!":
            guard items.count >= 2 else { throw SyGuSError("expected (! TERM :ATTRIBUTE VALUE ...)", at: e.position) }
            return .annotation
        case "-" where items.count == 2:
            // (- 5) is the constant -5, not the negation of 5.
            if let digits = items[1].symbol, let first = digits.first, first.isASCIIDigit, digits.allSatisfy(\.isASCIIDigit) {
                guard let value = Int("-" + digits) else {
                    throw SyGuSError("integer literal '(- \(JSONValue.excerpt(digits)))' does not fit in 64 bits", at: e.position)
                }
                return .literal(.leaf(.constant(.int(value)), .int))
            }
        default:
            break
        }
        guard items.count >= 2 else {
            throw SyGuSError("'\(name)' is applied to no arguments; write it without parentheses", at: e.position)
        }
        return .call(name)
    }

    /// `name` applied to `arguments`: a `define-fun`, a function to synthesize or a built-in.
    @inline(never)
    private func apply(_ name: String, _ arguments: [Term], operatorAt head: SourcePosition, at position: SourcePosition,
                       in scope: Scope) throws(SyGuSError) -> Term {
        if let d = definitionIndex[name] {
            let definition = problem.definitions[d]
            try Self.checkArguments(of: name, definition.parameters.map(\.sort), arguments, at: position)
            return try Self.node(.definition(d, arguments.map(\.expression)), definition.returnSort, arguments, at: position)
        }
        if let f = functionIndex[name] {
            try checkMaySynthesize(name, at: head, in: scope)
            let function = problem.functions[f]
            try Self.checkArguments(of: name, function.parameters.map(\.sort), arguments, at: position)
            return try Self.node(.synthesized(f, arguments.map(\.expression)), function.returnSort, arguments, at: position)
        }
        if Self.isSMTBuiltin(name) {
            return try Self.builtin(name, arguments, at: position)
        }
        if scope.locals[name] != nil || scope.parameters[name] != nil || variableIndex[name] != nil {
            throw SyGuSError("'\(name)' is a variable, not a function, and cannot be applied", at: head)
        }
        if scope.nonterminals[name] != nil {
            throw SyGuSError("nonterminal '\(name)' cannot be applied to arguments", at: head)
        }
        throw SyGuSError("unknown operator '\(name)'", at: head)
    }

    /// `(let ((NAME TERM)...) BODY)`: the bindings are read in the outer scope (parallel, as
    /// in SMT-LIB) and substituted into the body. v1's typed bindings `(NAME SORT TERM)` are
    /// accepted and checked.
    private func letTerm(_ items: [SExpression], _ e: SExpression, in scope: Scope) throws(SyGuSError) -> Term {
        guard items.count == 3, let bindings = items[1].elements, !bindings.isEmpty else {
            throw SyGuSError("expected (let ((NAME TERM)...) TERM)", at: e.position)
        }
        var inner = scope
        var bound: Set<String> = []
        for binding in bindings {
            guard let parts = binding.elements, parts.count == 2 || parts.count == 3, let name = parts[0].symbol,
                  let valueText = parts.last else {
                throw SyGuSError("expected a let binding (NAME TERM), found \(binding.excerpt)", at: binding.position)
            }
            guard bound.insert(name).inserted else {
                throw SyGuSError("'\(name)' is bound twice in one let", at: parts[0].position)
            }
            let value = try term(valueText, in: scope)
            if parts.count == 3 {
                let declared = try Self.sort(parts[1])
                guard declared == value.sort else {
                    throw SyGuSError("let binding '\(name)' is declared \(declared.smtSort) but its term has sort \(value.sort.smtSort)", at: valueText.position)
                }
            }
            inner.locals[name] = value
        }
        return try term(items[2], in: inner)
    }

    /// `(_ bvN WIDTH)`: the bit-vector of value N.
    private static func indexedConstant(_ items: [SExpression], _ e: SExpression) throws(SyGuSError) -> Term {
        guard items.count == 3, let value = items[1].symbol, value.hasPrefix("bv"), let widthText = items[2].symbol else {
            throw SyGuSError("expected (_ bvN WIDTH)", at: e.position)
        }
        let digits = value.dropFirst(2)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), widthText.allSatisfy(\.isASCIIDigit) else {
            throw SyGuSError("expected (_ bvN WIDTH)", at: e.position)
        }
        guard let width = Int(widthText), (1...64).contains(width) else {
            throw SyGuSError("bit-vector width \(widthText) is outside 1...64", at: items[2].position)
        }
        guard let bits = UInt64(digits), bits <= BitVector.mask(width) else {
            throw SyGuSError("\(digits) does not fit in \(width) bits", at: items[1].position)
        }
        return .leaf(.constant(.bitVector(BitVector(bits, width: width))), .bitVector(width: width))
    }

    /// A built-in applied to `arguments`; n-ary forms become nested binary applications.
    static func builtin(_ name: String, _ arguments: [Term], at position: SourcePosition) throws(SyGuSError) -> Term {
        guard arguments.count > 2 else {
            return try resolved(name, arguments, at: position)
        }
        if leftAssociative.contains(name) {
            var result = arguments[0]
            for argument in arguments.dropFirst() {
                result = try resolved(name, [result, argument], at: position)
            }
            return result
        }
        if name == "=>" {
            var result = arguments[arguments.count - 1]
            for argument in arguments.dropLast().reversed() {
                result = try resolved(name, [argument, result], at: position)
            }
            return result
        }
        if chainable.contains(name) || name == "distinct" {
            var pairs: [Term] = []
            for i in arguments.indices.dropLast() {
                let partners = name == "distinct" ? Array(arguments[(i + 1)...]) : [arguments[i + 1]]
                for partner in partners {
                    pairs.append(try resolved(name, [arguments[i], partner], at: position))
                }
            }
            var result = pairs[0]
            for pair in pairs.dropFirst() {
                result = try resolved("and", [result, pair], at: position)
            }
            return result
        }
        return try resolved(name, arguments, at: position)
    }

    /// The built-in `name` at the arguments' sorts, or an error listing the sorts it accepts.
    private static func resolved(_ name: String, _ arguments: [Term], at position: SourcePosition) throws(SyGuSError) -> Term {
        let sorts = arguments.map(\.sort)
        guard let primitive = Builtins.primitive(named: name, argumentSorts: sorts), primitive.type.returnType.isSMTSort else {
            throw SyGuSError("'\(name)' expects arguments of sorts \(expectedSorts(of: name, given: sorts)) but got \(sortList(sorts))", at: position)
        }
        return try node(.builtin(primitive, arguments.map(\.expression)), primitive.type.returnType, arguments, at: position)
    }

    private static func checkArguments(of name: String, _ expected: [TypeExpr], _ arguments: [Term], at position: SourcePosition) throws(SyGuSError) {
        let sorts = arguments.map(\.sort)
        guard sorts == expected else {
            throw SyGuSError("'\(name)' expects arguments of sorts \(sortList(expected)) but got \(sortList(sorts))", at: position)
        }
    }

    /// An inner node over `children`, checked against the depth and size limits.
    static func node(_ expression: Expression, _ sort: TypeExpr, _ children: [Term], at position: SourcePosition) throws(SyGuSError) -> Term {
        let depth = 1 + (children.map(\.depth).max() ?? 0)
        let size = children.reduce(1) { $0 + $1.size }
        guard depth <= SyGuSProblem.maximumTermDepth else {
            throw SyGuSError("term nests deeper than \(SyGuSProblem.maximumTermDepth) levels once let bindings and n-ary operators are expanded", at: position)
        }
        guard size <= SyGuSProblem.maximumTermSize else {
            throw SyGuSError("term has more than \(SyGuSProblem.maximumTermSize) nodes once let bindings are expanded", at: position)
        }
        return Term(expression: expression, sort: sort, depth: depth, size: size)
    }

    /// `(Int Bool)`: sorts as a parenthesised list for messages.
    static func sortList(_ sorts: [TypeExpr]) -> String {
        "(" + sorts.map(\.smtSort).joined(separator: " ") + ")"
    }

    /// The argument sorts the built-in `name` accepts, as `(S S)` or `(Int Int) or (Int)`;
    /// bit-vector operators are shown at the width of the first bit-vector argument, if any.
    private static func expectedSorts(of name: String, given sorts: [TypeExpr]) -> String {
        let width = sorts.lazy.compactMap { sort -> Int? in
            if case .bitVector(let w) = sort { return w }
            return nil
        }.first
        var options: [String] = []
        for entry in Builtins.entries(named: name) {
            let option: String
            switch entry.signature {
            case .scheme(let scheme):
                option = sortList(scheme.arguments)
            case .bitVectorUnary, .bitVectorBinary, .bitVectorComparison:
                if let width {
                    option = sortList(entry.signature.type(width: width).arguments)
                } else {
                    let arity = entry.signature.type(width: 1).arguments.count
                    option = "(" + Array(repeating: "(_ BitVec N)", count: arity).joined(separator: " ") + ")"
                }
            }
            if !options.contains(option) { options.append(option) }
        }
        return options.joined(separator: " or ")
    }
}

extension TypeExpr {
    /// Whether the type is a sort of SyGuS terms: `Int`, `Bool`, `String` or a bit-vector.
    var isSMTSort: Bool {
        switch self {
        case .int, .bool, .string, .bitVector: return true
        case .list, .arrow, .variable: return false
        }
    }
}
