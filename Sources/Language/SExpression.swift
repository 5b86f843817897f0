/// A position in a text file: 1-based line and column (columns count Unicode scalars).
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// An S-expression read from text, with the position where it starts.
///
/// The one surface syntax of Ouroboros: grammar files, programs and SyGuS problems are all
/// read into `SExpression`s first. Atoms keep their raw spelling (`bvadd`, `#x0F`, `-3`, `$0`);
/// string literals (`"a""b"`) are unquoted (SMT-LIB doubles a quote inside a string);
/// `|quoted symbols|` become plain symbols.
public struct SExpression: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case symbol(String)
        case string(String)
        case list([SExpression])
    }

    public var kind: Kind
    public var position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    /// The symbol's name, or `nil` when this is not a symbol.
    public var symbol: String? {
        if case .symbol(let name) = kind { return name }
        return nil
    }

    /// The elements, or `nil` when this is not a list.
    public var elements: [SExpression]? {
        if case .list(let items) = kind { return items }
        return nil
    }

    /// Whether this is a list whose first element is the symbol `head`.
    public func isForm(_ head: String) -> Bool {
        elements?.first?.symbol == head
    }

    public var description: String {
        switch kind {
        case .symbol(let name):
            // A name read from `|a b|` (or empty) only reads back as one symbol between bars.
            let needsBars = name.isEmpty || name.unicodeScalars.contains { "()\"; \t\n\r\u{0C}".unicodeScalars.contains($0) }
            return needsBars && !name.contains("|") ? "|\(name)|" : name
        case .string(let text):
            // Scalar by scalar: a quote followed by a combining mark is one `Character`.
            var quoted = "\""
            for scalar in text.unicodeScalars {
                if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
            }
            return quoted + "\""
        case .list(let items): return "(" + items.map(\.description).joined(separator: " ") + ")"
        }
    }
}
