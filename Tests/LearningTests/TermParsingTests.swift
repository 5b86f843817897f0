import Language
import Testing
@testable import Compression

@Suite struct TermParsingTests {
    @Test func readsLambdasVariablesAndCurriedApplications() throws {
        let term = try Term(parsing: "(lam (fold $0 (cons 1 empty) (lambda (lam (cons $1 $0)))))")
        let expected = Term.lambda(.apply(.primitive("fold"), [
            .variable(0),
            .apply(.primitive("cons"), [.primitive("1"), .primitive("empty")]),
            .lambda(.lambda(.apply(.primitive("cons"), [.variable(1), .variable(0)]))),
        ]))
        #expect(term == expected)
        #expect(term.description == "(lam (fold $0 (cons 1 empty) (lam (lam (cons $1 $0)))))")
        #expect(term.cost == 1 + 3 + 100 + 100 + (2 + 300) + (2 + 2 + 300))
    }

    @Test func everyOtherAtomIsAnOpaquePrimitive() throws {
        let term = try Term(parsing: "(M 0.5 '-' 3x1 #t $x dreamcoder_abstraction_7)")
        #expect(term.spine.arguments == ["0.5", "'-'", "3x1", "#t", "$x", "dreamcoder_abstraction_7"].map { Term.primitive($0) })
    }

    @Test func argumentsAreReadOnlyInAbstractionBodies() throws {
        #expect(try Term(parsing: "(foo #1 #0)", allowsArguments: true) == .apply(.primitive("foo"), [.argument(1), .argument(0)]))
        #expect(throws: SyntaxError("abstraction argument '#0' outside an abstraction body", at: SourcePosition(line: 1, column: 6))) {
            try Term(parsing: "(foo #0)")
        }
    }

    @Test func malformedTermsNameThePosition() {
        #expect(throws: SyntaxError("empty application '()'", at: SourcePosition(line: 1, column: 4))) {
            try Term(parsing: "(f ())")
        }
        #expect(throws: SyntaxError("'(lam BODY)' takes exactly one body, found 2", at: SourcePosition(line: 1, column: 1))) {
            try Term(parsing: "(lam $0 $0)")
        }
        #expect(throws: SyntaxError("an application needs a function and at least one argument: '(f)'", at: SourcePosition(line: 1, column: 1))) {
            try Term(parsing: "(f)")
        }
        #expect(throws: SyntaxError("variable '$63' is beyond the largest supported index $62", at: SourcePosition(line: 1, column: 4))) {
            try Term(parsing: "(f $63)")
        }
        #expect(throws: SyntaxError("'lam' must open a form '(lam BODY)'", at: SourcePosition(line: 1, column: 4))) {
            try Term(parsing: "(f lam)")
        }
    }

    @Test func jsonCorpusErrorsNameTheProgramAndPosition() {
        #expect(throws: SyntaxError("expected a program string, found the number 3", at: SourcePosition(line: 2, column: 3))) {
            try Corpus(parsing: "[\"(f a)\",\n  3]")
        }
        #expect(throws: SyntaxError("program 2, at 1:4 of its text: empty application '()'", at: SourcePosition(line: 1, column: 11))) {
            try Corpus(parsing: "[\"(f a)\", \"(g ())\"]")
        }
        #expect(throws: SyntaxError("string is never closed", at: SourcePosition(line: 1, column: 2))) {
            try Corpus(parsing: "[\"(f a)")
        }
        #expect(throws: SyntaxError("'[' is never closed", at: SourcePosition(line: 1, column: 1))) {
            try Corpus(parsing: "[\"(f a)\"")
        }
        #expect(throws: SyntaxError("expected an array of program strings, found an object", at: SourcePosition(line: 1, column: 1))) {
            try Corpus(parsing: "{\"programs\": []}")
        }
    }

    @Test func jsonCorpusDecodesEscapes() throws {
        let corpus = try Corpus(parsing: #"["(f \"ab\"\n\t\u00e9 \ud83d\ude00 a\/b)"]"#)
        #expect(corpus.programs == [.apply(.primitive("f"), [.primitive("\"ab\""), .primitive("é"), .primitive("😀"), .primitive("a/b")])])
    }

    @Test func textCorpusHasOneProgramPerLineAndSkipsCommentsAndBlanks() throws {
        let corpus = try Corpus(parsing: "; two programs\n(f a)\n\n  (lam (g $0))\n")
        #expect(corpus.programs == [.apply(.primitive("f"), [.primitive("a")]), .lambda(.apply(.primitive("g"), [.variable(0)]))])
        #expect(throws: SyntaxError("empty application '()'", at: SourcePosition(line: 3, column: 4))) {
            try Corpus(parsing: "(f a)\n(f b)\n(f ())\n")
        }
    }
}
