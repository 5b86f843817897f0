/// An error in a program's text, with the position of the offending part: the shared
/// `SyntaxError` of every reader.
public typealias ProgramSyntaxError = SyntaxError

extension Program {
    /// The deepest program (as `depth` counts) a reader builds. An application `(f x1 … xn)`
    /// is n nested applications, so a long argument list counts as much as deep parentheses;
    /// deeper programs are rejected rather than risking a stack overflow in the code that walks them.
    public static let maximumDepth = 2_000

    /// Reads a program from text such as `(lambda (map (lambda (+ $0 1)) $0))`.
    /// `lam` is accepted for `lambda` (Stitch's spelling).
    public init(parsing text: String, primitives: PrimitiveTable = .builtins()) throws(ProgramSyntaxError) {
        try self.init(try SExpression.read(text), primitives: primitives)
    }

    /// Converts an S-expression into a program, resolving names through `primitives`.
    /// Programs deeper than `maximumDepth` are rejected.
    public init(_ expression: SExpression, primitives: PrimitiveTable) throws(ProgramSyntaxError) {
        self = try Program.convert(expression, primitives, argumentCount: 0, depth: 1)
    }

    /// Converts `e`, which becomes a node at `depth` in the program.
    private static func convert(
        _ e: SExpression, _ table: PrimitiveTable, argumentCount: Int, depth: Int
    ) throws(ProgramSyntaxError) -> Program {
        guard depth <= maximumDepth else {
            throw ProgramSyntaxError("program nested deeper than \(maximumDepth) levels (each argument of an application counts as one)", at: e.position)
        }
        switch e.kind {
        case .string(let text):
            if case .opaque = table.unknownNames { return .primitive(.opaque(SExpression(.string(text), at: e.position).description)) }
            let value = StringValue(smtLiteral: text)
            return .primitive(Primitive(name: value.literal, type: .string, implementation: .constant(.string(value))))
        case .symbol(let name):
            if name.hasPrefix("$") {
                guard let index = Int(name.dropFirst()), index >= 0 else {
                    throw ProgramSyntaxError("malformed variable '\(name)'", at: e.position)
                }
                return .variable(index)
            }
            if name == "lambda" || name == "lam" {
                throw ProgramSyntaxError("'\(name)' must be followed by a body, as in (\(name) BODY)", at: e.position)
            }
            guard let leaf = table.resolve(name, argumentCount: argumentCount) else {
                if JSONValue.isIntegerBeyond64Bits(name) {
                    throw ProgramSyntaxError("the integer \(JSONValue.excerpt(name)) is outside the 64-bit range", at: e.position)
                }
                throw ProgramSyntaxError("unknown operator '\(JSONValue.excerpt(name))'", at: e.position)
            }
            return leaf
        case .list(let items):
            guard let head = items.first else {
                throw ProgramSyntaxError("empty application '()'", at: e.position)
            }
            if let keyword = head.symbol, keyword == "lambda" || keyword == "lam" {
                guard items.count == 2 else {
                    throw ProgramSyntaxError("'\(keyword)' takes exactly one body (variables are de Bruijn indices $0, $1, …)", at: e.position)
                }
                return .lambda(try convert(items[1], table, argumentCount: 0, depth: depth + 1))
            }
            guard items.count >= 2 else {
                throw ProgramSyntaxError("application of '\(head)' to no arguments", at: e.position)
            }
            // In (f x1 … xn), f lies n applications down and xk lies n - k + 1 down.
            let count = items.count - 1
            let function = try convert(head, table, argumentCount: count, depth: depth + count)
            var arguments: [Program] = []
            arguments.reserveCapacity(count)
            for (k, item) in items.dropFirst().enumerated() {
                arguments.append(try convert(item, table, argumentCount: 0, depth: depth + count - k))
            }
            return .application(function, arguments)
        }
    }
}
