import Testing
import Language

private func s(_ text: String) -> Value { .string(text) }

@Test(arguments: [
    ("abc", 1, "b"), ("abc", 0, "a"), ("abc", 2, "c"),
    ("abc", 3, ""), ("abc", -1, ""), ("", 0, ""), ("abc", .max, ""), ("é😀", 1, "😀"),
])
func strAt(text: String, index: Int, expected: String) throws {
    #expect(try Operation.strAt.evaluate(s(text), .int(index)) == s(expected))
}

@Test(arguments: [
    ("abcdef", 1, 3, "bcd"), ("abcdef", 4, 10, "ef"), ("abcdef", 0, 6, "abcdef"),
    ("abcdef", -1, 2, ""), ("abcdef", 6, 1, ""), ("abcdef", 2, 0, ""), ("abcdef", 2, -1, ""),
    ("abcdef", 3, .max, "def"), ("abcdef", .min, .max, ""), ("", 0, 1, ""),
])
func strSubstr(text: String, offset: Int, length: Int, expected: String) throws {
    #expect(try Operation.strSubstring.evaluate(s(text), .int(offset), .int(length)) == s(expected))
}

@Test(arguments: [
    ("abcabc", "bc", 0, 1), ("abcabc", "bc", 2, 4), ("abcabc", "bc", 5, -1), ("abcabc", "bc", -1, -1),
    ("abcabc", "", 3, 3), ("abcabc", "", 6, 6), ("abcabc", "", 7, -1), ("abcabc", "", -1, -1),
    ("", "", 0, 0), ("abc", "abcd", 0, -1), ("aaa", "aa", 1, 1), ("abc", "c", .max, -1),
])
func strIndexOf(text: String, needle: String, from: Int, expected: Int) throws {
    #expect(try Operation.strIndexOf.evaluate(s(text), s(needle), .int(from)) == .int(expected))
}

@Test(arguments: [
    ("abcabc", "bc", "X", "aXabc", "aXaX"),
    ("abc", "", "X", "Xabc", "abc"),
    ("", "", "x", "x", ""),
    ("abc", "z", "X", "abc", "abc"),
    ("aaa", "aa", "b", "ba", "ba"),
    ("abab", "ab", "abab", "ababab", "abababab"),
    ("abc", "abc", "", "", ""),
])
func strReplaceAndReplaceAll(text: String, needle: String, by: String, first: String, all: String) throws {
    #expect(try Operation.strReplace.evaluate(s(text), s(needle), s(by)) == s(first))
    #expect(try Operation.strReplaceAll.evaluate(s(text), s(needle), s(by)) == s(all))
}

@Test(arguments: [
    ("", -1), ("12a", -1), ("007", 7), ("0", 0), ("-1", -1), ("+1", -1), (" 1", -1),
    ("9223372036854775807", Int.max), ("00000000000000000000000042", 42), ("\u{663}", -1),
])
func strToInt(text: String, expected: Int) throws {
    #expect(try Operation.strToInt.evaluate(s(text)) == .int(expected))
}

@Test func strToIntBeyond64BitsIsAnOverflowFailure() {
    #expect(throws: EvaluationFailure.overflow) { try Operation.strToInt.evaluate(s("9223372036854775808")) }
}

@Test(arguments: [(-1, ""), (Int.min, ""), (0, "0"), (123, "123"), (Int.max, "9223372036854775807")])
func strFromInt(n: Int, expected: String) throws {
    #expect(try Operation.strFromInt.evaluate(.int(n)) == s(expected))
}

@Test func prefixSuffixAndContains() throws {
    #expect(try Operation.strPrefixOf.evaluate(s("ab"), s("abc")) == .bool(true))
    #expect(try Operation.strPrefixOf.evaluate(s(""), s("")) == .bool(true))
    #expect(try Operation.strPrefixOf.evaluate(s("abc"), s("ab")) == .bool(false))
    #expect(try Operation.strSuffixOf.evaluate(s("bc"), s("abc")) == .bool(true))
    #expect(try Operation.strSuffixOf.evaluate(s("ab"), s("abc")) == .bool(false))
    #expect(try Operation.strContains.evaluate(s("abc"), s("")) == .bool(true))
    #expect(try Operation.strContains.evaluate(s(""), s("a")) == .bool(false))
    #expect(try Operation.strContains.evaluate(s("abc"), s("bc")) == .bool(true))
}

@Test func orderIsByCodePoint() throws {
    #expect(try Operation.strLess.evaluate(s("a"), s("b")) == .bool(true))
    #expect(try Operation.strLess.evaluate(s(""), s("a")) == .bool(true))
    #expect(try Operation.strLess.evaluate(s("ab"), s("a")) == .bool(false))
    #expect(try Operation.strLess.evaluate(s("Z"), s("a")) == .bool(true))
    #expect(try Operation.strLess.evaluate(s("z"), s("é")) == .bool(true))
    #expect(try Operation.strLessOrEqual.evaluate(s("a"), s("a")) == .bool(true))
    #expect(try Operation.strLess.evaluate(s("a"), s("a")) == .bool(false))
}

@Test func lengthAndEqualityCountCodePointsNotCharacters() throws {
    #expect(try Operation.strLength.evaluate(s("é😀")) == .int(2))
    #expect(try Operation.strLength.evaluate(s("e\u{301}")) == .int(2))
    // Equal as Swift strings (canonically equivalent), different as SMT-LIB strings.
    #expect("é" == "e\u{301}")
    #expect(try Operation.equal.evaluate(s("é"), s("e\u{301}")) == .bool(false))
    #expect(try Operation.strConcat.evaluate(s("a\""), s("😀")) == s("a\"😀"))
}

@Test func stringLiteralsEscapeEverythingButPrintableASCII() {
    let value = StringValue("a\"b\\c\u{e9}\n\u{1F600}")
    #expect(value.literal == #""a""b\u{5c}c\u{e9}\u{a}\u{1f600}""#)
    #expect(StringValue(smtLiteral: #"a"b\u{5c}c\u{e9}\u{a}\u{1f600}"#) == value)
    #expect(StringValue(smtLiteral: #"\u00e9\u{0}\u{2FFFF}"#).codePoints == [0xE9, 0, 0x2FFFF])
    // Not escapes: a backslash alone, too many digits, beyond U+2FFFF, a malformed \u.
    #expect(StringValue(smtLiteral: #"\n"#).codePoints.count == 2)
    #expect(StringValue(smtLiteral: #"\u{123456}"#).string == #"\u{123456}"#)
    #expect(StringValue(smtLiteral: #"\u{30000}"#).string == #"\u{30000}"#)
    #expect(StringValue(smtLiteral: #"\u12"#).string == #"\u12"#)
}
