extension String {
    /// The text with control characters (C0, DEL and C1: U+0000–U+001F, U+007F–U+009F) written
    /// as `\u001B`, the way a JSON task file spells them, so that names and text from input
    /// files print whole and cannot move the cursor, recolour or retitle the terminal.
    /// With `keepingLineBreaks`, line feeds and tabs stay as they are (for multi-line messages).
    public func escapingControlCharacters(keepingLineBreaks: Bool = false) -> String {
        guard unicodeScalars.contains(where: { Self.isControl($0) }) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            if Self.isControl(scalar) && !(keepingLineBreaks && (scalar == "\n" || scalar == "\t")) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
