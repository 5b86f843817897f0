/// An error in a type written in text, with the column (1-based) where it was found.
public struct TypeSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var column: Int
    public var description: String { "column \(column): \(message)" }
}

extension TypeExpr {
    /// Reads a type in the text notation: `int`, `bool`, `string`, `bv64`, `list(t)`,
    /// `t0 -> t1`, `(t0 -> t1) -> list(t0)`, type variables `t0`, `t1`, ….
    ///
    /// Also accepts DreamCoder's raw spellings `list-of-int`, `list-of-bool`, `list-of-list-of-int`.
    public init(parsing text: String) throws(TypeSyntaxError) {
        var parser = TypeParser(text)
        self = try parser.parseComplete()
    }
}

private struct TypeParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var depth = 0
    private static let maximumDepth = 200

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    private func error(_ message: String) -> TypeSyntaxError {
        TypeSyntaxError(message: message, column: index + 1)
    }

    private mutating func skipSpace() {
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
    }

    mutating func parseComplete() throws(TypeSyntaxError) -> TypeExpr {
        let type = try parseArrow()
        skipSpace()
        if index < scalars.count {
            throw error("unexpected '\(scalars[index])' in type")
        }
        return type
    }

    private mutating func parseArrow() throws(TypeSyntaxError) -> TypeExpr {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw error("type nested too deeply") }
        let left = try parseAtom()
        skipSpace()
        if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] == ">" {
            index += 2
            return .arrow(left, try parseArrow())
        }
        return left
    }

    private mutating func parseAtom() throws(TypeSyntaxError) -> TypeExpr {
        skipSpace()
        guard index < scalars.count else { throw error("expected a type, found the end") }
        if scalars[index] == "(" {
            index += 1
            let inner = try parseArrow()
            try expect(")")
            return inner
        }
        let start = index
        var name = ""
        while index < scalars.count {
            let c = scalars[index]
            guard c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" && !(index + 1 < scalars.count && scalars[index + 1] == ">") else { break }
            name.unicodeScalars.append(c)
            index += 1
        }
        if name.isEmpty { throw error("expected a type, found '\(scalars[index])'") }
        if name.hasPrefix("list-of-") {
            return .list(try Self.dreamCoderType(String(name.dropFirst("list-of-".count)), column: start + 1))
        }
        switch name {
        case "int": return .int
        case "bool": return .bool
        case "string", "str": return .string
        case "list":
            try expect("(")
            let element = try parseArrow()
            try expect(")")
            return .list(element)
        default:
            if name.hasPrefix("bv"), let width = Int(name.dropFirst(2)) {
                guard (1...64).contains(width) else {
                    throw TypeSyntaxError(message: "bit-vector width \(width) is outside 1...64", column: start + 1)
                }
                return .bitVector(width: width)
            }
            if name.hasPrefix("t"), let v = Int(name.dropFirst()), v >= 0 {
                return .variable(v)
            }
            throw TypeSyntaxError(message: "unknown type '\(name)'", column: start + 1)
        }
    }

    private static func dreamCoderType(_ name: String, column: Int) throws(TypeSyntaxError) -> TypeExpr {
        if name.hasPrefix("list-of-") {
            return .list(try dreamCoderType(String(name.dropFirst("list-of-".count)), column: column))
        }
        switch name {
        case "int": return .int
        case "bool": return .bool
        case "str", "string": return .string
        default: throw TypeSyntaxError(message: "unknown type 'list-of-\(name)'", column: column)
        }
    }

    private mutating func expect(_ c: Unicode.Scalar) throws(TypeSyntaxError) {
        skipSpace()
        guard index < scalars.count, scalars[index] == c else {
            throw error("expected '\(c)'")
        }
        index += 1
    }
}
