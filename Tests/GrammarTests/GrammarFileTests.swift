import Grammar
import Language
import Testing
import TestSupport

@Suite struct GrammarFileTests {
    static let bundled = ["bitvec", "lia", "lists", "strings"]

    @Test(arguments: bundled)
    func bundledGrammarRoundTripsThroughItsFileText(name: String) throws {
        let grammar = try Grammar(parsing: try TestSupport.text("Grammars/\(name).grammar"))
        #expect(grammar.name == name)
        #expect(!grammar.productions.isEmpty)
        let reread = try Grammar(parsing: grammar.fileText)
        #expect(reread == grammar)
        #expect(reread.fileText == grammar.fileText)
    }

    @Test func listsGrammarHoldsDreamCodersPrimitivesWithTheirTypes() throws {
        let grammar = try Grammar(parsing: try TestSupport.text("Grammars/lists.grammar"))
        let names = Set(grammar.primitives.map(\.name))
        let expected: Set = ["map", "fold", "unfold", "range", "index", "length", "if", "+", "-", "*", "mod",
                             "empty", "cons", "car", "cdr", "empty?", "0", "1", "gt?", "eq?", "is-prime", "is-square"]
        #expect(names == expected)
        let fold = try #require(grammar.primitives.first { $0.name == "fold" })
        #expect(fold.type.description == "list(t0) -> t1 -> (t0 -> t1 -> t1) -> t1")
    }

    @Test func readsWeightsConstantsAndDefines() throws {
        let grammar = try Grammar(parsing: """
            (grammar demo)
            (variable -0.5)
            (primitive + "int -> int -> int" -1.25)
            (primitive 1 "int")
            (primitive "a b" "string" 2)
            (primitive #x0f "bv8")
            (define inc "int -> int" (lambda (+ $0 1)) -3)
            (define twice (lambda (inc (inc $0))))
            """)
        #expect(grammar.variableLogWeight == -0.5)
        #expect(grammar.productions.map(\.description) == [
            "+ : int -> int -> int", "1 : int", "\"a b\" : string", "#x0f : bv8", "inc : int -> int", "twice : int -> int",
        ])
        #expect(grammar.productions.map(\.logWeight) == [-1.25, 0, 2, 0, -3, 0])
        let twice = try #require(grammar.abstractions.last)
        #expect(try Evaluator().run(.invented(twice), on: [.int(5)]) == .int(7))
        #expect(grammar.fileText == """
            (grammar demo)
            (variable -0.5)
            (primitive + "int -> int -> int" -1.25)
            (primitive 1 "int" 0.0)
            (primitive "a b" "string" 2.0)
            (primitive #x0f "bv8" 0.0)
            (define inc "int -> int" (lambda (+ $0 1)) -3.0)
            (define twice "int -> int" (lambda (inc (inc $0))) 0.0)

            """)
    }

    @Test func contextualWeightsRoundTripAndApplyToTheirSlot() throws {
        let grammar = try Grammar(parsing: """
            (primitive map "(t0 -> t1) -> list(t0) -> list(t1)")
            (primitive "-" "string" -1)
            (contextual (map "(t0 -> t1) -> list(t0) -> list(t1)") 1 $ 0.7)
            (contextual root 0 ("-" "string") 2.5)
            (contextual $ 0 (map "(t0 -> t1) -> list(t0) -> list(t1)") -3)
            """)
        #expect(grammar.contextualLogWeights.count == 3)
        let map = ProductionKey(name: "map", type: try TypeExpr(parsing: "(t0 -> t1) -> list(t0) -> list(t1)"))
        let dash = ProductionKey(name: "\"-\"", type: .string)
        #expect(grammar.logWeight(of: .variable, in: .argument(of: map, index: 1)) == 0.7)
        #expect(grammar.logWeight(of: .variable, in: .argument(of: map, index: 0)) == 0)
        #expect(grammar.logWeight(of: .production(dash), in: .root) == 2.5)
        #expect(grammar.logWeight(of: .production(dash), in: .variableArgument(index: 0)) == -1)
        #expect(try Grammar(parsing: grammar.fileText) == grammar)
    }

    @Test func bitVectorOperatorsTakeTheWidthTheyAreDeclaredAt() throws {
        let grammar = try Grammar(parsing: """
            (primitive bvadd "bv32 -> bv32 -> bv32")
            (primitive bvadd "bv64 -> bv64 -> bv64")
            """)
        #expect(grammar.productions.count == 2)
        #expect(Set(grammar.productions.map(\.key.type.description)) == ["bv32 -> bv32 -> bv32", "bv64 -> bv64 -> bv64"])
    }

    /// Each malformed grammar and the exact message it gets, position included.
    @Test(arguments: [
        ("(primitive bvfoo \"int\")", "1:12: unknown primitive 'bvfoo'"),
        ("(primitive bvadd \"int -> int\")", "1:18: primitive 'bvadd' cannot have type int -> int; it has type bvN -> bvN -> bvN"),
        ("(primitive map \"(t0 -> t1) -> lst(t0)\")", "1:31: unknown type 'lst'"),
        ("(primitive + \"int -> int -> int\" heavy)", "1:34: expected a weight (a finite number such as -1.5), found 'heavy'"),
        ("(primitive +)", "1:1: expected (primitive NAME \"TYPE\" [WEIGHT])"),
        ("(primitive 7 \"bool\")", "1:14: constant 7 has type int, not bool"),
        ("(rule + \"int\")", "1:2: unknown form 'rule'; expected grammar, variable, primitive, define or contextual"),
        ("(primitive 1 \"int\")\n(contextual root 0 (car \"list(t0) -> t0\") 1)", "2:20: no production 'car : list(t0) -> t0' is declared above"),
        ("(primitive 1 \"int\")\n(contextual (1 \"int\") 0 $ 1)", "2:23: '1' has no argument 0"),
        ("(primitive 1 \"int\")\n(primitive 1 \"int\")", "2:1: duplicate production '1 : int'"),
        ("(primitive + \"int -> int -> int\")\n(define f (lambda (f $0)))", "2:11: 'f' refers to itself; a define cannot be recursive"),
        ("(primitive + \"int -> int -> int\")\n(define f (+ $0 1))", "2:11: in the body of 'f': the body of 'f' refers to a variable bound outside it in (+ $0 1)"),
        ("(define f (lambda (car $0)))", "1:20: in the body of 'f': unknown operator 'car'"),
        ("(primitive + \"int -> int -> int\")\n(define f \"bool -> int\" (lambda (+ $0 1)))", "2:11: 'f' has type int -> int, not bool -> int"),
        ("(primitive + \"int -> int -> int\"", "1:1: '(' is never closed"),
        ("(primitive 1 \"int\"))", "1:20: unexpected ')'"),
        ("(primitive 1 \"int\")\n(grammar late)", "2:1: (grammar NAME) must be the first form"),
    ])
    func malformedGrammarGetsItsPositionAndMessage(text: String, message: String) {
        #expect {
            _ = try Grammar(parsing: text)
        } throws: { error in
            (error as? GrammarError)?.description == message
        }
        do {
            _ = try Grammar(parsing: text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func nestingPastTheDepthLimitIsRejectedWithAMessage() {
        let deep = String(repeating: "(", count: 100_000) + String(repeating: ")", count: 100_000)
        do {
            _ = try Grammar(parsing: deep)
            Issue.record("a 100,000-deep file was accepted")
        } catch {
            #expect(error.description == "1:1001: nesting deeper than 1000 levels")
        }
    }
}
