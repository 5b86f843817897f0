import Testing
import Language

private func valueError(_ text: String) -> String? {
    do {
        _ = try Value(parsing: text)
        return nil
    } catch {
        return error.description
    }
}

@Test(arguments: [
    ("42", Value.int(42)),
    ("-3", .int(-3)),
    ("true", .bool(true)),
    ("#x00ff", .bitVector(0xff, width: 16)),
    ("#b101", .bitVector(5, width: 3)),
    (#""a""b""#, .string(#"a"b"#)),
    (#""\u{e9}""#, .string("é")),
    ("[]", .list([])),
    ("[1, [true, \"x\"], #x0f]", .list([.int(1), .list([.bool(true), .string("x")]), .bitVector(0xf, width: 8)])),
])
func valueLiteralsParse(text: String, value: Value) throws {
    #expect(try Value(parsing: text) == value)
}

@Test(arguments: [
    (Value.list([.int(1), .int(-2)]), "[1, -2]"),
    (.list([.string("a\"b"), .bitVector(0xff, width: 16)]), #"["a""b", #x00ff]"#),
    (.list([.list([]), .bool(false)]), "[[], false]"),
])
func valueDescriptionParsesBack(value: Value, text: String) throws {
    #expect(value.description == text)
    #expect(try Value(parsing: text) == value)
}

@Test(arguments: [
    ("[1, 2", "column 6: '[' is never closed"),
    ("[1 2]", "column 4: expected ',' or ']'"),
    ("\"ab", "column 4: string is never closed"),
    ("foo", "column 1: 'foo' is not a value"),
    ("#x+f", "column 1: '#x+f' is not a value"),
    ("1 2", "column 3: unexpected '2' after the value"),
    ("", "column 1: expected a value, found the end"),
    (String(repeating: "[", count: 101), "column 101: list nested more than 100 deep"),
])
func malformedValuesAreRejectedWithColumn(text: String, message: String) {
    #expect(valueError(text) == message)
}
