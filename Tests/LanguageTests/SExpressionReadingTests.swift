import Testing
import Language

/// Reads `text`, returning the error the reader throws (or `nil` when it reads).
private func syntaxError(_ text: String, maximumDepth: Int = SExpression.defaultMaximumDepth) -> SyntaxError? {
    do {
        _ = try SExpression.readAll(text, maximumDepth: maximumDepth)
        return nil
    } catch {
        return error
    }
}

@Test func readsNestedListsWithPositions() throws {
    let e = try SExpression.read("(define-fun f ((x (_ BitVec 8))) (_ BitVec 8)\n  (bvadd x #x01))")
    #expect(e.description == "(define-fun f ((x (_ BitVec 8))) (_ BitVec 8) (bvadd x #x01))")
    let items = try #require(e.elements)
    try #require(items.count == 5)
    #expect(items[0].symbol == "define-fun")
    #expect(items[0].position == SourcePosition(line: 1, column: 2))
    #expect(items[2].elements?.first?.elements?.last?.description == "(_ BitVec 8)")
    #expect(items[4].position == SourcePosition(line: 2, column: 3))
    #expect(items[4].elements?[2].position.description == "2:12")
    #expect(e.isForm("define-fun"))
    #expect(!items[4].isForm("define-fun"))
}

@Test func readsEmptyListAndSeveralTopLevelExpressions() throws {
    let all = try SExpression.readAll("() a\t\"s\"\r\n(b)")
    #expect(all.map(\.description) == ["()", "a", "\"s\"", "(b)"])
    #expect(all[0].elements == [])
    #expect(all[3].position == SourcePosition(line: 2, column: 1))
    #expect(try SExpression.readAll("  ; only a comment\n").isEmpty)
}

@Test func readsStringWithDoubledQuotes() throws {
    let e = try SExpression.read(#"(say "a""b" """" "")"#)
    let items = try #require(e.elements)
    #expect(items[1].kind == .string(#"a"b"#))
    #expect(items[2].kind == .string(#"""#))
    #expect(items[3].kind == .string(""))
    #expect(e.description == #"(say "a""b" """" "")"#)
}

@Test func stringsKeepSemicolonsParenthesesAndNewlines() throws {
    let e = try SExpression.read("\"a;b)(\nc\"")
    #expect(e.kind == .string("a;b)(\nc"))
}

@Test func quotedSymbolsBecomePlainSymbolsAndPrintBackBetweenBars() throws {
    let e = try SExpression.read("(|x y| |plain| |(;)| ||)")
    let items = try #require(e.elements)
    #expect(items.map(\.kind) == [.symbol("x y"), .symbol("plain"), .symbol("(;)"), .symbol("")])
    #expect(e.description == "(|x y| plain |(;)| ||)")
    #expect(try SExpression.read(e.description).elements?.map(\.kind) == items.map(\.kind))
}

@Test func quoteBeforeCombiningMarkIsStillDoubled() throws {
    let text = "\"\u{301}x"
    let printed = SExpression(.string(text), at: SourcePosition(line: 1, column: 1)).description
    #expect(printed == "\"\"\"\u{301}x\"")
    #expect(try SExpression.read(printed).kind == .string(text))
}

@Test func commentsRunToTheEndOfTheLine() throws {
    let all = try SExpression.readAll("""
        ; a header comment
        (a ; inside a list ) (
         b) ; trailing
        c;no space
        """)
    #expect(all.map(\.description) == ["(a b)", "c"])
    #expect(all[1].position == SourcePosition(line: 4, column: 1))
}

@Test func symbolsKeepTheirRawSpelling() throws {
    let e = try SExpression.read("(bvadd #x0F -3 $0 str.++ =>)")
    #expect(e.elements?.compactMap(\.symbol) == ["bvadd", "#x0F", "-3", "$0", "str.++", "=>"])
}

@Test func positionsCountUnicodeScalars() throws {
    let e = try SExpression.read("(\"é😀\" x)")
    #expect(e.elements?[1].position == SourcePosition(line: 1, column: 7))
}

@Test func unclosedParenthesisNamesWhereItOpened() {
    #expect(syntaxError("(a (b c)")?.description == "1:1: '(' is never closed")
    #expect(syntaxError("(a\n  (b (c)")?.description == "2:3: '(' is never closed")
}

@Test func strayClosingParenthesisIsReportedWhereItStands() {
    #expect(syntaxError("(a b))")?.description == "1:6: unexpected ')'")
    #expect(syntaxError("x\n )")?.description == "2:2: unexpected ')'")
}

@Test func unclosedStringNamesItsOpeningQuote() {
    #expect(syntaxError("(a \"bc)")?.description == "1:4: string literal is never closed")
    #expect(syntaxError("\"a\"\"")?.description == "1:1: string literal is never closed")
    #expect(syntaxError("(|ab)")?.description == "1:2: quoted symbol is never closed")
}

@Test func readOneRejectsNothingAndTrailingText() {
    #expect(throws: SyntaxError("expected an expression, found nothing", at: SourcePosition(line: 1, column: 1))) {
        try SExpression.read(" ; nothing\n")
    }
    #expect(throws: SyntaxError("unexpected text after the expression", at: SourcePosition(line: 1, column: 5))) {
        try SExpression.read("(a) b")
    }
}

@Test func hundredThousandOpenParenthesesAreRejectedWithoutCrashing() {
    let deep = String(repeating: "(", count: 100_000) + String(repeating: ")", count: 100_000)
    #expect(syntaxError(deep)?.description == "1:1001: nesting deeper than 1000 levels")
    #expect(syntaxError(String(repeating: "(", count: 100_000))?.description == "1:1001: nesting deeper than 1000 levels")
}

@Test func nestingExactlyAtTheLimitIsAccepted() throws {
    let limit = SExpression.defaultMaximumDepth
    let text = String(repeating: "(", count: limit) + "x" + String(repeating: ")", count: limit)
    let e = try SExpression.read(text)
    #expect(e.description == text)
    #expect(syntaxError("((x))", maximumDepth: 1)?.description == "1:2: nesting deeper than 1 levels")
}
