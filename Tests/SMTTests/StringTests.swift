import SMT
import Testing

@Suite struct StringTests {
    @Test func concatenationEquationIsSolved() throws {
        let z3 = try Context()
        let s = try z3.constant("s", sort: z3.stringSort)
        let solver = try z3.makeSolver()
        try solver.add(z3.apply("=", [z3.apply("str.++", [s, z3.string("ab")]), z3.string("xyab")]))
        let found = try #require(model(of: solver.check()))
        #expect(try found.evaluate(s).stringValue == "xy")
    }

    static let trickyStrings = [
        "", "abc", "a\\b", "\\", "x\\", "q\"q", "line\nbreak", "tab\there", "é", "\u{7f}", "\u{0}",
        "\\u{41}", "\\x41", "\\\\u{41}", "\u{80}\u{ff}", "\u{100}", "ĀÿĀ", "😀", "a😀b\\u{1}é",
        "\u{ffff}", "\u{10000}", "\u{2FFFF}", "\\\\u{", "日本語 text",
    ]

    @Test(arguments: trickyStrings)
    func literalRoundTrips(_ text: String) throws {
        let z3 = try Context()
        let literal = try z3.string(text)
        #expect(literal.stringValue == text)
        let length = try z3.simplify(z3.apply("str.len", [literal]))
        #expect(length.intValue == text.unicodeScalars.count)
    }

    @Test(arguments: trickyStrings)
    func modelValuesRoundTrip(_ text: String) throws {
        let z3 = try Context()
        let s = try z3.constant("s", sort: z3.stringSort)
        let solver = try z3.makeSolver()
        try solver.add(z3.apply("=", [s, z3.apply("str.++", [z3.string(text), z3.string("!")])]))
        let found = try #require(model(of: solver.check()))
        #expect(try found.evaluate(s).stringValue == text + "!")
    }

    @Test func charactersBeyondZ3AlphabetAreRejected() throws {
        let z3 = try Context()
        #expect(throws: SMTError.self) { try z3.string("\u{30000}") }
        #expect(throws: SMTError.self) { try z3.string("ok\u{10FFFF}") }
        #expect(try z3.string("still fine").stringValue == "still fine")
    }

    @Test func stringOperatorsEvaluate() throws {
        let z3 = try Context()
        func simplified(_ op: String, _ args: [Term]) throws -> Term { try z3.simplify(z3.apply(op, args)) }
        let hello = try z3.string("hello")
        #expect(try simplified("str.at", [hello, z3.int(1)]).stringValue == "e")
        #expect(try simplified("str.substr", [hello, z3.int(1), z3.int(3)]).stringValue == "ell")
        #expect(try simplified("str.indexof", [hello, z3.string("l"), z3.int(0)]).intValue == 2)
        #expect(try simplified("str.indexof", [hello, z3.string("l")]).intValue == 2)
        #expect(try simplified("str.replace", [hello, z3.string("l"), z3.string("L")]).stringValue == "heLlo")
        #expect(try simplified("str.replace_all", [hello, z3.string("l"), z3.string("L")]).stringValue == "heLLo")
        #expect(try simplified("str.prefixof", [z3.string("he"), hello]).boolValue == true)
        #expect(try simplified("str.suffixof", [z3.string("he"), hello]).boolValue == false)
        #expect(try simplified("str.contains", [hello, z3.string("ll")]).boolValue == true)
        #expect(try simplified("str.to_int", [z3.string("42")]).intValue == 42)
        #expect(try simplified("str.to.int", [z3.string("x")]).intValue == -1)
        #expect(try simplified("str.from_int", [z3.int(17)]).stringValue == "17")
        #expect(try simplified("int.to.str", [z3.int(-1)]).stringValue == "")
        #expect(try simplified("str.<", [z3.string("abc"), z3.string("abd")]).boolValue == true)
        #expect(try simplified("str.<=", [z3.string("b"), z3.string("a")]).boolValue == false)
        #expect(try simplified("str.++", [hello, z3.string(" "), z3.string("é😀")]).stringValue == "hello é😀")
    }
}
