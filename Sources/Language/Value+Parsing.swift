/// An error in a value written in text, with the column (1-based) where it was found.
public struct ValueSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var column: Int
    public var description: String { "column \(column): \(message)" }
}

extension Value {
    /// Reads a value literal: `42`, `-3`, `true`, `#x00ff`, `#b101`, `"text"` (a doubled quote
    /// is a quote, as in SMT-LIB), and lists `[1, 2, 3]` (nested at most 100 deep).
    public init(parsing text: String) throws(ValueSyntaxError) {
        var parser = ValueParser(Array(text.unicodeScalars))
        self = try parser.parseComplete()
    }
}

private struct ValueParser {
    let scalars: [Unicode.Scalar]
    var index = 0
    var depth = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    func error(_ message: String) -> ValueSyntaxError { ValueSyntaxError(message: message, column: index + 1) }

    mutating func skipSpace() {
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n" { index += 1 }
    }

    mutating func parseComplete() throws(ValueSyntaxError) -> Value {
        let value = try parse()
        skipSpace()
        if index < scalars.count { throw error("unexpected '\(scalars[index])' after the value") }
        return value
    }

    mutating func parse() throws(ValueSyntaxError) -> Value {
        skipSpace()
        guard index < scalars.count else { throw error("expected a value, found the end") }
        switch scalars[index] {
        case "[":
            depth += 1
            defer { depth -= 1 }
            if depth > 100 { throw error("list nested more than 100 deep") }
            index += 1
            var items: [Value] = []
            skipSpace()
            if index < scalars.count, scalars[index] == "]" {
                index += 1
                return .list(items)
            }
            while true {
                items.append(try parse())
                skipSpace()
                guard index < scalars.count else { throw error("'[' is never closed") }
                if scalars[index] == "]" { index += 1; return .list(items) }
                guard scalars[index] == "," else { throw error("expected ',' or ']'") }
                index += 1
            }
        case "\"":
            index += 1
            var text = String.UnicodeScalarView()
            while index < scalars.count {
                let c = scalars[index]
                index += 1
                if c == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        text.append("\"")
                        index += 1
                    } else {
                        return .string(StringValue(smtLiteral: String(text)))
                    }
                } else {
                    text.append(c)
                }
            }
            throw error("string is never closed")
        default:
            let start = index
            var word = String.UnicodeScalarView()
            while index < scalars.count, !" \t\n,[]\"".unicodeScalars.contains(scalars[index]) {
                word.append(scalars[index])
                index += 1
            }
            let text = String(word)
            if let bits = BitVector(literal: text) { return .bitVector(bits) }
            if let n = Int(text) { return .int(n) }
            if text == "true" || text == "false" { return .bool(text == "true") }
            if JSONValue.isIntegerBeyond64Bits(text) {
                throw ValueSyntaxError(message: "the integer \(JSONValue.excerpt(text)) is outside the 64-bit range", column: start + 1)
            }
            throw ValueSyntaxError(message: "'\(JSONValue.excerpt(text))' is not a value", column: start + 1)
        }
    }
}
