extension JSONValue {
    /// The deepest array and object nesting the reader accepts; deeper input is an error.
    public static let maximumDepth = 1_000

    /// Reads one JSON document (RFC 8259): `null`, `true`, `false`, numbers, strings with
    /// escapes (`\uXXXX` with surrogate pairs), arrays and objects, surrounded by white space.
    /// A leading byte-order mark is skipped. Duplicate keys in an object are an error.
    ///
    /// The reader is iterative (an explicit stack of open arrays and objects), so no input
    /// overflows the stack; nesting deeper than `maximumDepth` is an error naming the position.
    ///
    /// `limits` bound the time and memory reading may take (the text's scalars and the tree,
    /// estimated as they are made); past either, the error's `isOverLimit` is set.
    public static func read(_ text: String, maximumDepth: Int = maximumDepth, limits: ReadingLimits = .none) throws(SyntaxError) -> JSONValue {
        if limits.bytes < Int.max / 8, text.utf8.count > limits.bytes / MemoryLayout<Unicode.Scalar>.stride {
            throw SyntaxError(limits.memoryMessage(), at: SourcePosition(line: 1, column: 1), isOverLimit: true)
        }
        var reader = JSONReader(text: text, maximumDepth: maximumDepth, limits: limits)
        return try reader.readDocument()
    }
}

/// The scanner behind `JSONValue.read`: works on Unicode scalars and tracks line and column.
private struct JSONReader {
    /// An array or object whose closing bracket is still to come. Its elements so far are
    /// `items[firstItem...]` (and, for an object, its keys `keys[firstKey...]`), so that adding
    /// an element never copies a container.
    private struct Open {
        var isObject: Bool
        var start: SourcePosition
        var firstItem: Int
        var firstKey: Int
    }

    private let scalars: [Unicode.Scalar]
    private let maximumDepth: Int
    private let limits: ReadingLimits
    /// Values read so far, and the bytes the tree may take before reading stops.
    private var values = 0
    private let valueLimit: Int
    private var index = 0
    private var line = 1
    private var column = 1

    init(text: String, maximumDepth: Int, limits: ReadingLimits) {
        self.scalars = Array(text.unicodeScalars)
        self.maximumDepth = maximumDepth
        self.limits = limits
        // Each value read costs its tree node and, in a task reader, the value made of it.
        let perValue = MemoryLayout<JSONValue>.stride + 32
        let left = limits.bytes - min(limits.bytes, scalars.count * MemoryLayout<Unicode.Scalar>.stride)
        valueLimit = limits.bytes == .max ? .max : left / perValue
    }

    /// Counts one more value; past the memory bound, or at the deadline (looked at every
    /// 4,096 values), reading stops.
    private mutating func count() throws(SyntaxError) {
        values += 1
        if values > valueLimit { throw SyntaxError(limits.memoryMessage(), at: position, isOverLimit: true) }
        if values & 4_095 == 0, let deadline = limits.deadline, ContinuousClock.now >= deadline {
            throw SyntaxError(ReadingLimits.timeMessage, at: position, isOverLimit: true)
        }
    }

    private var position: SourcePosition { SourcePosition(line: line, column: column) }
    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipSpace() {
        while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(message, at: position)
    }

    /// How the scalar at the reading position reads in a message: `'x'`, `U+0007`, `the end`.
    private var found: String {
        guard let c = current else { return "the end" }
        return Self.describe(c)
    }

    private static func describe(_ c: Unicode.Scalar) -> String {
        if c.value < 0x20 || c.value == 0x7F || c.properties.generalCategory == .format
            || c.properties.generalCategory == .lineSeparator || c.properties.generalCategory == .paragraphSeparator {
            let hex = String(c.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "'\(c)'"
    }

    mutating func readDocument() throws(SyntaxError) -> JSONValue {
        if current == "\u{FEFF}" { index += 1 }
        let value = try readValue()
        skipSpace()
        if current != nil {
            throw error("unexpected \(found) after the JSON value")
        }
        return value
    }

    private mutating func readValue() throws(SyntaxError) -> JSONValue {
        var stack: [Open] = []
        var items: [JSONValue] = []
        var keys: [(key: String, position: SourcePosition)] = []
        while true {
            // Read the start of a value: a scalar, or an opening bracket (pushed).
            skipSpace()
            let start = position
            var value: JSONValue
            switch current {
            case nil:
                if let open = stack.last { throw unclosed(open) }
                throw error("expected a JSON value, found the end")
            case "[", "{":
                let isObject = current == "{"
                if stack.count >= maximumDepth { throw error("arrays and objects nested deeper than \(maximumDepth) levels") }
                advance()
                skipSpace()
                if current == (isObject ? "}" : "]") {
                    advance()
                    value = JSONValue(isObject ? .object([]) : .array([]), at: start)
                } else {
                    let open = Open(isObject: isObject, start: start, firstItem: items.count, firstKey: keys.count)
                    if isObject { keys.append(try readKey(in: open)) }
                    stack.append(open)
                    continue
                }
            case "\"":
                value = JSONValue(.string(try readString()), at: start)
            case let c? where c == "-" || ("0"..."9").contains(c):
                value = JSONValue(.number(try readNumber()), at: start)
            case let c? where c.properties.isAlphabetic:
                value = JSONValue(try readWord(), at: start)
            case let c?:
                throw error("expected a JSON value, found \(Self.describe(c))")
            }
            try count()
            // Close every container the value completes; stop at one that wants another value.
            while let open = stack.last {
                items.append(value)
                skipSpace()
                let closing: Unicode.Scalar = open.isObject ? "}" : "]"
                if current == closing {
                    advance()
                    stack.removeLast()
                    value = try finish(open, &items, &keys)
                    continue
                }
                guard current == "," else {
                    if current == nil { throw unclosed(open) }
                    let element = open.isObject ? "an object member" : "an array element"
                    throw error("expected ',' or '\(closing)' after \(element), found \(found)")
                }
                advance()
                skipSpace()
                if current == closing {
                    throw error("expected a \(open.isObject ? "key" : "value") after ',', found '\(closing)' (JSON allows no trailing comma)")
                }
                if open.isObject { keys.append(try readKey(in: open)) }
                break
            }
            if stack.isEmpty { return value }
        }
    }

    /// The finished array or object `open`, its elements taken off the ends of `items` and `keys`.
    private func finish(_ open: Open, _ items: inout [JSONValue], _ keys: inout [(key: String, position: SourcePosition)]) throws(SyntaxError) -> JSONValue {
        defer {
            items.removeSubrange(open.firstItem...)
            if open.isObject { keys.removeSubrange(open.firstKey...) }
        }
        guard open.isObject else { return JSONValue(.array(Array(items[open.firstItem...])), at: open.start) }
        let members = zip(keys[open.firstKey...], items[open.firstItem...]).map {
            JSONValue.Member(key: $0.key, keyPosition: $0.position, value: $1)
        }
        try Self.checkDistinctKeys(members)
        return JSONValue(.object(members), at: open.start)
    }

    private func unclosed(_ open: Open) -> SyntaxError {
        SyntaxError(open.isObject ? "'{' is never closed" : "'[' is never closed", at: open.start)
    }

    /// Rejects an object that names a key twice, at the second occurrence.
    private static func checkDistinctKeys(_ members: [JSONValue.Member]) throws(SyntaxError) {
        guard members.count > 1 else { return }
        var seen: Set<String> = []
        for member in members where !seen.insert(member.key).inserted {
            throw SyntaxError("duplicate key \(JSONValue.quoted(member.key))", at: member.keyPosition)
        }
    }

    /// Reads `"key" :` (white space already skipped).
    private mutating func readKey(in open: Open) throws(SyntaxError) -> (key: String, position: SourcePosition) {
        let keyPosition = position
        guard current == "\"" else {
            if current == nil { throw unclosed(open) }
            throw error("expected a string key, found \(found)")
        }
        let key = try readString()
        skipSpace()
        guard current == ":" else {
            if current == nil { throw unclosed(open) }
            throw error("expected ':' after the key \(JSONValue.quoted(key)), found \(found)")
        }
        advance()
        return (key, keyPosition)
    }

    /// Reads `"…"` with JSON's escapes; raw control characters and lone surrogates are errors.
    private mutating func readString() throws(SyntaxError) -> String {
        let start = position
        advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let c = current else { throw SyntaxError("string is never closed", at: start) }
            switch c {
            case "\"":
                advance()
                return String(text)
            case "\\":
                text.append(try readEscape())
            default:
                if c.value < 0x20 {
                    throw error("control character \(Self.describe(c)) in a string (write it escaped, e.g. \\n)")
                }
                text.append(c)
                advance()
            }
        }
    }

    /// Reads one escape (the reading position is at the backslash) and returns its scalar.
    private mutating func readEscape() throws(SyntaxError) -> Unicode.Scalar {
        let start = position
        advance()
        guard let c = current else { throw SyntaxError("string is never closed", at: start) }
        let simple: Unicode.Scalar?
        switch c {
        case "\"": simple = "\""
        case "\\": simple = "\\"
        case "/": simple = "/"
        case "b": simple = "\u{08}"
        case "f": simple = "\u{0C}"
        case "n": simple = "\n"
        case "r": simple = "\r"
        case "t": simple = "\t"
        case "u": simple = nil
        default: throw SyntaxError("unknown escape '\\\(c)' in a string", at: start)
        }
        advance()
        if let simple { return simple }
        let unit = try readHex(escapeAt: start)
        switch unit {
        case 0xD800...0xDBFF:
            // A high surrogate must be followed by `\u` and a low surrogate.
            guard current == "\\", index + 1 < scalars.count, scalars[index + 1] == "u" else {
                throw SyntaxError("unpaired surrogate \\u\(Self.hex4(unit)) in a string", at: start)
            }
            let lowStart = position
            advance()
            advance()
            let low = try readHex(escapeAt: lowStart)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw SyntaxError("unpaired surrogate \\u\(Self.hex4(unit)) in a string", at: start)
            }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
        case 0xDC00...0xDFFF:
            throw SyntaxError("unpaired surrogate \\u\(Self.hex4(unit)) in a string", at: start)
        default:
            return Unicode.Scalar(unit)!
        }
    }

    /// Reads the four hex digits of a `\u` escape.
    private mutating func readHex(escapeAt start: SourcePosition) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, let digit = Self.hexDigit(c) else {
                throw SyntaxError("'\\u' must be followed by four hex digits", at: start)
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private static func hexDigit(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x41...0x46: return c.value - 0x41 + 10
        case 0x61...0x66: return c.value - 0x61 + 10
        default: return nil
        }
    }

    private static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Reads a number in JSON's grammar, `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`,
    /// and returns its spelling.
    private mutating func readNumber() throws(SyntaxError) -> String {
        let start = position
        var text = String.UnicodeScalarView()
        func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { ("0"..."9").contains($0) } ?? false }
        if current == "-" {
            text.append("-")
            advance()
        }
        guard isDigit(current) else { throw error("expected a digit after '-', found \(found)") }
        if current == "0" {
            text.append("0")
            advance()
            if isDigit(current) { throw SyntaxError("a JSON number has no leading zeros", at: start) }
        } else {
            while isDigit(current) {
                text.append(current!)
                advance()
            }
        }
        if current == "." {
            text.append(".")
            advance()
            guard isDigit(current) else { throw error("expected a digit after '.', found \(found)") }
            while isDigit(current) {
                text.append(current!)
                advance()
            }
        }
        if current == "e" || current == "E" {
            text.append(current!)
            advance()
            if current == "+" || current == "-" {
                text.append(current!)
                advance()
            }
            guard isDigit(current) else { throw error("expected a digit in the exponent, found \(found)") }
            while isDigit(current) {
                text.append(current!)
                advance()
            }
        }
        return String(text)
    }

    /// Reads `true`, `false` or `null`; any other word is an error naming it.
    private mutating func readWord() throws(SyntaxError) -> JSONValue.Kind {
        let start = position
        var word = String.UnicodeScalarView()
        while let c = current, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" {
            word.append(c)
            advance()
        }
        switch String(word) {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        case let other:
            throw SyntaxError("unexpected word '\(JSONValue.excerpt(other))' (JSON's words are true, false and null)", at: start)
        }
    }
}
