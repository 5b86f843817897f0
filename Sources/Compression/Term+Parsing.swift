import Language

extension Term {
    /// The largest de Bruijn index a corpus term may use (free-variable sets are 64-bit masks).
    public static let maximumVariableIndex = 62

    /// The deepest term a reader accepts, counting every curried application and lambda:
    /// the same limit as `Program.maximumDepth`, so a corpus read untyped reads typed too.
    public static let maximumDepth = Program.maximumDepth

    /// Reads a term written in Stitch's notation: `(lam BODY)` or `(lambda BODY)`, `$i`,
    /// applications `(f a b)`, and, when `allowsArguments` (abstraction bodies), `#i`.
    /// Any other atom is an opaque primitive name (`0.5`, `'-'`, `3x1`, `fn_3`).
    public init(parsing text: String, allowsArguments: Bool = false) throws(SyntaxError) {
        try self.init(SExpression.read(text), allowsArguments: allowsArguments)
    }

    /// Converts a read S-expression; errors carry the position of the offending atom or list.
    public init(_ expression: SExpression, allowsArguments: Bool = false) throws(SyntaxError) {
        self = try Term.convert(expression, allowsArguments: allowsArguments, depth: 1)
    }

    /// Converts `expression`, which becomes a node at `depth` in the term (counted as
    /// `Program` counts it: `(f x1 … xn)` puts f n applications down and xk n - k + 1 down).
    private static func convert(_ expression: SExpression, allowsArguments: Bool, depth: Int) throws(SyntaxError) -> Term {
        guard depth <= maximumDepth else {
            throw SyntaxError("program nested deeper than \(maximumDepth) levels (each argument of an application counts as one)", at: expression.position)
        }
        switch expression.kind {
        case .string:
            return .primitive(expression.description)
        case .symbol(let name):
            return try atom(name, at: expression.position, allowsArguments: allowsArguments)
        case .list(let items):
            guard let head = items.first else {
                throw SyntaxError("empty application '()'", at: expression.position)
            }
            if let keyword = head.symbol, keyword == "lam" || keyword == "lambda" {
                guard items.count == 2 else {
                    throw SyntaxError("'(\(keyword) BODY)' takes exactly one body, found \(items.count - 1)", at: expression.position)
                }
                return .lambda(try convert(items[1], allowsArguments: allowsArguments, depth: depth + 1))
            }
            guard items.count >= 2 else {
                throw SyntaxError("an application needs a function and at least one argument: '\(expression)'", at: expression.position)
            }
            let count = items.count - 1
            var term = try convert(head, allowsArguments: allowsArguments, depth: depth + count)
            for (k, item) in items.dropFirst().enumerated() {
                term = .application(term, try convert(item, allowsArguments: allowsArguments, depth: depth + count - k))
            }
            return term
        }
    }

    private static func atom(_ name: String, at position: SourcePosition, allowsArguments: Bool) throws(SyntaxError) -> Term {
        if name == "lam" || name == "lambda" {
            throw SyntaxError("'\(name)' must open a form '(\(name) BODY)'", at: position)
        }
        guard let marker = name.first, marker == "$" || marker == "#", name.count > 1 else {
            return .primitive(name)
        }
        let digits = name.dropFirst()
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let index = Int(digits) else {
            // `#t`, `$foo`: not an index, so an ordinary primitive name.
            return .primitive(name)
        }
        if marker == "#" {
            guard allowsArguments else {
                throw SyntaxError("abstraction argument '\(name)' outside an abstraction body", at: position)
            }
            return .argument(index)
        }
        guard index <= maximumVariableIndex else {
            throw SyntaxError("variable '\(name)' is beyond the largest supported index $\(maximumVariableIndex)", at: position)
        }
        return .variable(index)
    }
}
