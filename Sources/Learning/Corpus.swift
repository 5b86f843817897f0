import Language

/// A corpus of programs to compress, read from Stitch's format (a JSON array of program
/// strings) or from plain text with one program per line (blank lines and `;` comments skipped).
///
/// Errors name the position in the file: for a JSON corpus, the program's string and the
/// column inside that program.
public struct Corpus: Sendable {
    public var programs: [Term]

    public init(programs: [Term]) {
        self.programs = programs
    }

    /// The largest corpus, in programs, a reader accepts.
    public static let maximumPrograms = 1_000_000

    public init(parsing text: String) throws(SyntaxError) {
        programs = try Corpus.read(text) { text throws(SyntaxError) in try Term(parsing: text) }
    }

    /// Reads the program texts of a corpus file (a JSON array of strings, or one per line)
    /// with `parse`; its errors are placed in the file: a line's column, or a JSON string's
    /// position with the position inside the program in the message.
    public static func read<Program>(
        _ text: String, parse: (String) throws(SyntaxError) -> Program
    ) throws(SyntaxError) -> [Program] {
        var programs: [Program] = []
        var scanner = JSONStringArrayScanner(text: text)
        if scanner.startsWithArray {
            let strings = try scanner.readStringArray()
            programs.reserveCapacity(strings.count)
            for (index, (string, position)) in strings.enumerated() {
                do {
                    programs.append(try parse(string))
                } catch {
                    throw SyntaxError("program \(index + 1), at \(error.position) of its text: \(error.message)", at: position)
                }
            }
            return programs
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            if content.isEmpty || content.first == ";" { continue }
            if programs.count >= maximumPrograms {
                throw SyntaxError("more than \(maximumPrograms) programs", at: SourcePosition(line: number + 1, column: 1))
            }
            do {
                programs.append(try parse(String(line)))
            } catch {
                throw SyntaxError(error.message, at: SourcePosition(line: number + 1, column: error.position.column))
            }
        }
        return programs
    }

    /// Whether a corpus file's text is a JSON array (else it has one program per line).
    public static func isJSON(_ text: String) -> Bool {
        JSONStringArrayScanner(text: text).startsWithArray
    }
}

/// Reads a JSON array of strings, tracking line and column for messages.
struct JSONStringArrayScanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    init(text: String) {
        scalars = Array(text.unicodeScalars)
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

    private mutating func skipWhitespace() {
        while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
    }

    /// Whether the first non-blank character is `[`.
    var startsWithArray: Bool {
        scalars.first { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r") } == "["
    }

    mutating func readStringArray() throws(SyntaxError) -> [(String, SourcePosition)] {
        skipWhitespace()
        guard current == "[" else { throw SyntaxError("expected '['", at: position) }
        advance()
        var strings: [(String, SourcePosition)] = []
        skipWhitespace()
        if current == "]" {
            advance()
        } else {
            while true {
                skipWhitespace()
                guard current == "\"" else {
                    throw SyntaxError(current == nil ? "unexpected end of file; expected a program string" : "expected a program string", at: position)
                }
                let start = position
                strings.append((try readString(), start))
                if strings.count > Corpus.maximumPrograms {
                    throw SyntaxError("more than \(Corpus.maximumPrograms) programs", at: start)
                }
                skipWhitespace()
                if current == "," {
                    advance()
                    continue
                }
                if current == "]" {
                    advance()
                    break
                }
                throw SyntaxError(current == nil ? "unexpected end of file; expected ',' or ']'" : "expected ',' or ']'", at: position)
            }
        }
        skipWhitespace()
        if current != nil { throw SyntaxError("unexpected text after the array", at: position) }
        return strings
    }

    private mutating func readString() throws(SyntaxError) -> String {
        let start = position
        advance()  // the opening quote
        var text = String.UnicodeScalarView()
        while true {
            guard let c = current else { throw SyntaxError("unterminated string", at: start) }
            if c == "\"" {
                advance()
                return String(text)
            }
            if c.value < 0x20 { throw SyntaxError("control character in a string", at: position) }
            if c != "\\" {
                text.append(c)
                advance()
                continue
            }
            let escapePosition = position
            advance()
            guard let e = current else { throw SyntaxError("unterminated string", at: start) }
            advance()
            switch e {
            case "\"": text.append("\"")
            case "\\": text.append("\\")
            case "/": text.append("/")
            case "b": text.append("\u{08}")
            case "f": text.append("\u{0C}")
            case "n": text.append("\n")
            case "r": text.append("\r")
            case "t": text.append("\t")
            case "u":
                var value = try readHex4(escapePosition)
                if (0xD800..<0xDC00).contains(value) {
                    guard current == "\\" else { throw SyntaxError("unpaired surrogate in \\u escape", at: escapePosition) }
                    advance()
                    guard current == "u" else { throw SyntaxError("unpaired surrogate in \\u escape", at: escapePosition) }
                    advance()
                    let low = try readHex4(escapePosition)
                    guard (0xDC00..<0xE000).contains(low) else { throw SyntaxError("unpaired surrogate in \\u escape", at: escapePosition) }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(value) else { throw SyntaxError("invalid \\u escape", at: escapePosition) }
                text.append(scalar)
            default:
                throw SyntaxError("invalid escape '\\\(e)'", at: escapePosition)
            }
        }
    }

    private mutating func readHex4(_ escapePosition: SourcePosition) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, c.isASCII, let digit = UInt32(String(c), radix: 16) else {
                throw SyntaxError("invalid \\u escape", at: escapePosition)
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }
}
