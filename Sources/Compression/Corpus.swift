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
        if isJSON(text) {
            let document = try JSONValue.read(text)
            guard case .array(let items) = document.kind else {
                throw SyntaxError("expected an array of program strings, found \(document.summary)", at: document.position)
            }
            if items.count > maximumPrograms {
                throw SyntaxError("more than \(maximumPrograms) programs", at: document.position)
            }
            programs.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                guard case .string(let string) = item.kind else {
                    throw SyntaxError("expected a program string, found \(item.summary)", at: item.position)
                }
                do {
                    programs.append(try parse(string))
                } catch {
                    throw SyntaxError("program \(index + 1), at \(error.position) of its text: \(error.message)", at: item.position)
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

    /// Whether a corpus file's text is JSON (it opens with `[` or `{`; else it has one
    /// program per line).
    public static func isJSON(_ text: String) -> Bool {
        let first = text.unicodeScalars.first { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{FEFF}") }
        return first == "[" || first == "{"
    }
}
