import CZ3

/// Translation between Swift strings and Z3 4.8.12 string literals.
///
/// Z3 4.8.12 (default `encoding=unicode`) has characters U+0000...U+2FFFF. Its C API is
/// awkward in three ways, worked around here:
/// - `Z3_mk_string` reads escapes (`\u{h..h}` with 1-5 hex digits, `\uhhhh`) but not `\\`,
///   and takes raw bytes above 0x7F as (sign-extended) characters. So ``encode(_:)`` writes
///   printable ASCII other than `\` as itself and every other scalar as `\u{h}`.
/// - `Z3_get_string` writes `\` unescaped, so its output is ambiguous.
/// - `Z3_get_lstring` is exact for characters below U+0100 (one Latin-1 byte each) but
///   garbles larger ones into `\\u{` followed by wrong digits. ``decode(_:)`` uses it when
///   that marker is absent and otherwise reads the literal one character at a time.
enum Z3StringCodec {
    /// The largest character Z3 4.8.12 accepts.
    static let maximumScalar: UInt32 = 0x2FFFF

    /// Z3_mk_string input that denotes exactly `value`, or an error naming the first scalar
    /// outside Z3's alphabet.
    static func encode(_ value: String) throws(SMTError) -> String {
        var encoded = ""
        encoded.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x20...0x7E where scalar != "\\":
                encoded.unicodeScalars.append(scalar)
            case 0...maximumScalar:
                encoded += "\\u{" + String(scalar.value, radix: 16) + "}"
            default:
                throw .invalidArgument(
                    "U+\(String(scalar.value, radix: 16, uppercase: true)) in \(value.debugDescription) "
                        + "is outside Z3's string alphabet U+0000...U+2FFFF")
            }
        }
        return encoded
    }

    /// The Swift string denoted by the string literal `term`.
    static func decode(_ term: Term) throws(SMTError) -> String {
        let bytes = lstringBytes(term)
        let garbledMarker: [UInt8] = [0x5C, 0x5C, 0x75, 0x7B]  // \\u{
        if !contains(bytes, garbledMarker) {
            return latin1(bytes)
        }
        return try decodeCharacterByCharacter(term)
    }

    /// The bytes of `Z3_get_lstring`, copied out of Z3's buffer.
    private static func lstringBytes(_ term: Term) -> [UInt8] {
        var length: UInt32 = 0
        guard let pointer = Z3_get_lstring(term.context.raw, term.raw, &length) else { return [] }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
    }

    private static func latin1(_ bytes: [UInt8]) -> String {
        var result = String.UnicodeScalarView()
        for byte in bytes { result.append(Unicode.Scalar(byte)) }
        return String(result)
    }

    private static func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count)
        where bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            return true
        }
        return false
    }

    /// Slow path for literals with characters at or above U+0100: simplifies `str.at` at each
    /// index and reads each single-character literal alone, where `Z3_get_string` is exact.
    private static func decodeCharacterByCharacter(_ term: Term) throws(SMTError) -> String {
        let context = term.context
        let length = try context.simplify(context.apply("str.len", [term]))
        guard let count = length.intValue else {
            throw .invalidArgument("the string literal \(term) has no numeric length")
        }
        var result = String.UnicodeScalarView()
        for index in 0..<count {
            let character = try context.simplify(context.apply("str.at", [term, context.int(index)]))
            let bytes = lstringBytes(character)
            if bytes.count == 1 {
                result.append(Unicode.Scalar(bytes[0]))
            } else if let scalar = parseEscape(Z3_get_string(context.raw, character.raw)) {
                result.append(scalar)
            } else {
                throw .invalidArgument("cannot decode character \(index) of the string literal \(term)")
            }
        }
        return String(result)
    }

    /// Parses Z3's `\u{h..h}` rendering of one character.
    private static func parseEscape(_ text: UnsafePointer<CChar>?) -> Unicode.Scalar? {
        guard let text else { return nil }
        let rendered = String(cString: text)
        guard rendered.hasPrefix("\\u{"), rendered.hasSuffix("}") else { return nil }
        let digits = rendered.dropFirst(3).dropLast()
        return UInt32(digits, radix: 16).flatMap(Unicode.Scalar.init)
    }
}
