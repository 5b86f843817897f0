/// A JSON value read from text, with the position where it starts, so that messages about
/// a file's content (a task file's schema, a corpus's programs) can point at the offending value.
///
/// Numbers keep their spelling (`12`, `-3`, `1.5e3`): the task reader decides what a number
/// means from the type it expects, so a huge integer becomes a message there, not a rounded
/// `Double` here. An object keeps its members in order; the reader rejects duplicate keys.
public struct JSONValue: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSONValue])
        case object([Member])
    }

    /// One `"key": value` member of an object.
    public struct Member: Hashable, Sendable {
        public var key: String
        public var keyPosition: SourcePosition
        public var value: JSONValue
    }

    public var kind: Kind
    public var position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    /// The member named `key`, when this is an object that has one.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// How the value reads in a message: `a string`, `an array`, `the number 1.5`, `null`.
    public var summary: String {
        switch kind {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let text): return "the number \(Self.excerpt(text))"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Whether `text` is a decimal integer (optionally negative) too large for 64 bits.
    public static func isIntegerBeyond64Bits(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return Int(text) == nil && !digits.isEmpty && digits.allSatisfy { ("0"..."9").contains($0) }
    }

    /// `text`, cut to its first 24 characters (with `…`) so that a message stays one line.
    public static func excerpt(_ text: String, limit: Int = 24) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    /// `text` as a JSON string literal, for naming keys and task names in messages.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
