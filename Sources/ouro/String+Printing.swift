extension String {
    /// The text with control characters (U+0000–U+001F, U+007F–U+009F) written as escapes
    /// (`\n`, `\t`, `\u{1B}`), so that a name taken from a file cannot move the cursor, clear the
    /// screen or hide part of a line when printed to a terminal.
    var escapingControlCharacters: String {
        var escaped = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}":
                escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
