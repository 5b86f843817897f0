/// An error found while reading S-expressions, with the position of the offending text.
public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition
    /// Whether the input was refused for passing `ReadingLimits` (its time or memory), not
    /// for being malformed.
    public var isOverLimit: Bool

    public init(_ message: String, at position: SourcePosition, isOverLimit: Bool = false) {
        self.message = message
        self.position = position
        self.isOverLimit = isOverLimit
    }

    public var description: String { "\(position): \(message)" }
}

extension SExpression {
    /// The deepest list nesting any reader accepts by default. Deeper input is rejected
    /// with a message rather than risking a stack overflow in the code that walks the tree.
    public static let defaultMaximumDepth = 1_000

    /// Reads every S-expression in `text`. `;` starts a comment that runs to the end of the line.
    ///
    /// The reader is iterative (an explicit stack), so it never overflows on deep input; lists
    /// nested deeper than `maximumDepth` are an error.
    public static func readAll(
        _ text: String, maximumDepth: Int = defaultMaximumDepth
    ) throws(SyntaxError) -> [SExpression] {
        var reader = SExpressionReader(text: text, maximumDepth: maximumDepth)
        return try reader.readAll()
    }

    /// Reads exactly one S-expression from `text`.
    public static func read(
        _ text: String, maximumDepth: Int = defaultMaximumDepth
    ) throws(SyntaxError) -> SExpression {
        let all = try readAll(text, maximumDepth: maximumDepth)
        guard let first = all.first else {
            throw SyntaxError("expected an expression, found nothing", at: SourcePosition(line: 1, column: 1))
        }
        if all.count > 1 {
            throw SyntaxError("unexpected text after the expression", at: all[1].position)
        }
        return first
    }
}

/// The scanner behind `SExpression.readAll`: works on Unicode scalars and tracks line and column.
struct SExpressionReader {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private let maximumDepth: Int

    init(text: String, maximumDepth: Int) {
        self.scalars = Array(text.unicodeScalars)
        self.maximumDepth = maximumDepth
    }

    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipSpaceAndComments() {
        while index < scalars.count {
            let c = scalars[index]
            if c == ";" {
                while index < scalars.count && scalars[index] != "\n" { advance() }
            } else if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                advance()
            } else {
                return
            }
        }
    }

    private static func isDelimiter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "(", ")", " ", "\t", "\n", "\r", "\u{0C}", "\"", ";": return true
        default: return false
        }
    }

    /// A control character outside a string literal: binary data, not text.
    private static func isControl(_ c: Unicode.Scalar) -> Bool {
        (c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" && c != "\u{0C}") || c.value == 0x7F
    }

    private static func codePoint(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    mutating func readAll() throws(SyntaxError) -> [SExpression] {
        var top: [SExpression] = []
        // Open lists: their start positions and the elements read so far.
        var stack: [(position: SourcePosition, items: [SExpression])] = []
        while true {
            skipSpaceAndComments()
            guard index < scalars.count else { break }
            let start = position
            let c = scalars[index]
            var finished: SExpression?
            switch c {
            case "(":
                advance()
                if stack.count >= maximumDepth {
                    throw SyntaxError("nesting deeper than \(maximumDepth) levels", at: start)
                }
                stack.append((start, []))
            case ")":
                advance()
                guard let open = stack.popLast() else {
                    throw SyntaxError("unexpected ')'", at: start)
                }
                finished = SExpression(.list(open.items), at: open.position)
            case "\"":
                finished = SExpression(.string(try readString()), at: start)
            case "|":
                finished = SExpression(.symbol(try readQuotedSymbol()), at: start)
            default:
                var name = String.UnicodeScalarView()
                while index < scalars.count && !Self.isDelimiter(scalars[index]) {
                    if Self.isControl(scalars[index]) {
                        throw SyntaxError("unexpected control character \(Self.codePoint(scalars[index])) (is this a text file?)", at: position)
                    }
                    name.append(scalars[index])
                    advance()
                }
                finished = SExpression(.symbol(String(name)), at: start)
            }
            if let expression = finished {
                if stack.isEmpty {
                    top.append(expression)
                } else {
                    stack[stack.count - 1].items.append(expression)
                }
            }
        }
        if let open = stack.last {
            throw SyntaxError("'(' is never closed", at: open.position)
        }
        return top
    }

    /// Reads `"…"`; a doubled quote stands for one quote (SMT-LIB 2.6).
    private mutating func readString() throws(SyntaxError) -> String {
        let start = position
        advance()
        var text = String.UnicodeScalarView()
        while index < scalars.count {
            let c = scalars[index]
            advance()
            if c == "\"" {
                if index < scalars.count && scalars[index] == "\"" {
                    text.append("\"")
                    advance()
                } else {
                    return String(text)
                }
            } else {
                text.append(c)
            }
        }
        throw SyntaxError("string literal is never closed", at: start)
    }

    private mutating func readQuotedSymbol() throws(SyntaxError) -> String {
        let start = position
        advance()
        var text = String.UnicodeScalarView()
        while index < scalars.count {
            let c = scalars[index]
            advance()
            if c == "|" { return String(text) }
            text.append(c)
        }
        throw SyntaxError("quoted symbol is never closed", at: start)
    }
}
