import Language
import Tasks
import Testing

@Suite struct SyGuSParsingTests {
    static let hackersDelight = """
        (set-logic BV)

        (define-fun hd01 ((x (_ BitVec 32))) (_ BitVec 32)
            (bvand x (bvsub x #x00000001)))
        (synth-fun f ((x (_ BitVec 32))) (_ BitVec 32)
            ((Start (_ BitVec 32)))
            ((Start (_ BitVec 32) ((bvand Start Start) (bvsub Start Start) (bvor Start Start) (bvadd Start Start) (bvxor Start Start) x #x00000000 #xFFFFFFFF #x00000001))))

        (declare-var x (_ BitVec 32))
        (constraint (= (hd01 x) (f x)))

        (check-synth)
        """

    @Test func hackersDelightFileReadsIntoFunctionGrammarDefinitionAndConstraint() throws {
        let problem = try SyGuSProblem(parsing: Self.hackersDelight)
        let binary = [bv32, bv32]
        #expect(problem.logic == "BV")
        #expect(problem.variables == [SortedName("x", bv32)])
        #expect(problem.definitions == [FunctionDefinition(
            name: "hd01", parameters: [SortedName("x", bv32)], returnSort: bv32,
            body: call("bvand", binary, .parameter(0), call("bvsub", binary, .parameter(0), bits(1, 32))))])
        let start = SyGuSGrammar.Nonterminal(name: "Start", sort: bv32, productions: [
            call("bvand", binary, .nonterminal(0), .nonterminal(0)),
            call("bvsub", binary, .nonterminal(0), .nonterminal(0)),
            call("bvor", binary, .nonterminal(0), .nonterminal(0)),
            call("bvadd", binary, .nonterminal(0), .nonterminal(0)),
            call("bvxor", binary, .nonterminal(0), .nonterminal(0)),
            .parameter(0), bits(0, 32), bits(0xFFFF_FFFF, 32), bits(1, 32),
        ])
        #expect(problem.functions == [SynthesisFunction(
            name: "f", parameters: [SortedName("x", bv32)], returnSort: bv32,
            grammar: SyGuSGrammar(nonterminals: [start]), hasExplicitGrammar: true)])
        #expect(problem.constraints == [call("=", binary, .definition(0, [.variable(0)]), .synthesized(0, [.variable(0)]))])
        #expect(problem.ignoredOptions.isEmpty)
    }

    @Test func equalityResolvesToTheEqualOperationAtTheArgumentSorts() throws {
        let problem = try SyGuSProblem(parsing: Self.hackersDelight)
        guard case .builtin(let equal, _) = problem.constraints.first else {
            Issue.record("constraint is not a built-in application")
            return
        }
        #expect(equal.name == "=")
        #expect(equal.type == .function([bv32, bv32], .bool))
        #expect(equal.implementation == .operation(.equal))
    }

    @Test func version2GrammarWithBoolNonterminalConstantAndVariable() throws {
        let problem = try SyGuSProblem(parsing: """
            (set-logic BV)
            (synth-fun f ((x (_ BitVec 64)) (y (_ BitVec 64)) (b Bool)) (_ BitVec 64)
              ((Start (_ BitVec 64)) (B Bool))
              ((Start (_ BitVec 64) (x (ite B Start Start) (Constant (_ BitVec 64)) (Variable (_ BitVec 64))))
               (B Bool ((bvult Start Start) (Variable Bool)))))
            """)
        let grammar = try #require(problem.functions.first?.grammar)
        #expect(grammar.nonterminals == [
            .init(name: "Start", sort: bv64, productions: [
                .parameter(0), call("ite", [.bool, bv64, bv64], .nonterminal(1), .nonterminal(0), .nonterminal(0)), .parameter(1),
            ], allowsAnyConstant: true, allowsAnyVariable: true),
            .init(name: "B", sort: .bool, productions: [
                call("bvult", [bv64, bv64], .nonterminal(0), .nonterminal(0)), .parameter(2),
            ], allowsAnyVariable: true),
        ])
    }

    @Test func version1GrammarPutsStartFirstAndReadsProductions() throws {
        let problem = try SyGuSProblem(parsing: """
            (set-logic SLIA)
            (synth-fun f ((name String)) String
                ((ntInt Int (0 1 (- 1) (str.len ntString)))
                 (Start String (ntString))
                 (ntString String (name " " (str.++ ntString ntString) (str.substr ntString ntInt ntInt)))))
            (declare-var name String)
            (constraint (= (f "Nancy FreeHafer") "Nancy"))
            """)
        let function = try #require(problem.functions.first)
        #expect(function.hasExplicitGrammar)
        #expect(function.grammar.nonterminals == [
            .init(name: "Start", sort: .string, productions: [.nonterminal(2)]),
            .init(name: "ntInt", sort: .int, productions: [int(0), int(1), int(-1), call("str.len", [.string], .nonterminal(2))]),
            .init(name: "ntString", sort: .string, productions: [
                .parameter(0), string(" "),
                call("str.++", [.string, .string], .nonterminal(2), .nonterminal(2)),
                call("str.substr", [.string, .int, .int], .nonterminal(2), .nonterminal(1), .nonterminal(1)),
            ]),
        ])
        #expect(problem.constraints == [call("=", [.string, .string], .synthesized(0, [string("Nancy FreeHafer")]), string("Nancy"))])
    }

    @Test func repeatedProductionIsListedOnce() throws {
        let problem = try SyGuSProblem(parsing: """
            (synth-fun f () Int ((Start Int)) ((Start Int (1 0 1 (+ Start Start) (+ Start Start)))))
            """)
        #expect(problem.functions[0].grammar.nonterminals[0].productions == [int(1), int(0), call("+", [.int, .int], .nonterminal(0), .nonterminal(0))])
    }

    @Test func defineFunBodiesUseParametersAndEarlierDefinitions() throws {
        let problem = try SyGuSProblem(parsing: """
            (set-logic LIA)
            (define-fun double ((n Int)) Int (+ n n))
            (define-fun quadruple ((m Int)) Int (double (double m)))
            (define-fun seven () Int 7)
            (synth-fun f ((x Int)) Int ((Start Int)) ((Start Int (x seven (double Start)))))
            (declare-var a Int)
            (constraint (= (f a) (quadruple seven)))
            """)
        #expect(problem.definitions.map(\.body) == [
            call("+", [.int, .int], .parameter(0), .parameter(0)),
            .definition(0, [.definition(0, [.parameter(0)])]),
            int(7),
        ])
        #expect(problem.functions[0].grammar.nonterminals[0].productions == [.parameter(0), .definition(2, []), .definition(0, [.nonterminal(0)])])
        #expect(problem.constraints == [call("=", [.int, .int], .synthesized(0, [.variable(0)]), .definition(1, [.definition(2, [])]))])
    }

    @Test func severalFunctionsToSynthesizeAreCalledByIndex() throws {
        let problem = try SyGuSProblem(parsing: """
            (set-logic LIA)
            (synth-fun f ((x Int)) Int)
            (synth-fun g ((x Int) (y Int)) Bool)
            (declare-var a Int)
            (constraint (g (f a) a))
            """)
        #expect(problem.functions.map(\.name) == ["f", "g"])
        #expect(problem.functions.map(\.hasExplicitGrammar) == [false, false])
        #expect(problem.constraints == [.synthesized(1, [.synthesized(0, [.variable(0)]), .variable(0)])])
    }

    @Test func literalsOfEverySort() throws {
        let problem = try SyGuSProblem(parsing: """
            (declare-var s String)
            (constraint (= #b101 (_ bv5 3)))
            (constraint (= #x0F (_ bv15 8)))
            (constraint (= (- 5) -5))
            (constraint (= (- 9223372036854775808) (- 9223372036854775807 1)))
            (constraint (= s "say ""hi"" \\u{48}\\u0049"))
            (constraint (not false))
            (constraint true)
            """)
        #expect(problem.constraints == [
            call("=", [.bitVector(width: 3), .bitVector(width: 3)], bits(5, 3), bits(5, 3)),
            call("=", [bv8, bv8], bits(15, 8), bits(15, 8)),
            call("=", [.int, .int], int(-5), int(-5)),
            call("=", [.int, .int], int(.min), call("-", [.int, .int], int(.max), int(1))),
            call("=", [.string, .string], .variable(0), string("say \"hi\" HI")),
            call("not", [.bool], .constant(.bool(false))),
            .constant(.bool(true)),
        ])
    }

    @Test func unaryMinusOfATermIsNegation() throws {
        let problem = try SyGuSProblem(parsing: "(declare-var x Int)\n(constraint (= (- x) (- 0 x)))")
        guard case .builtin(_, let sides) = problem.constraints.first, case .builtin(let negate, _) = sides.first else {
            Issue.record("unexpected constraint \(problem.constraints)")
            return
        }
        #expect(negate.implementation == .operation(.negate))
        #expect(sides == [call("-", [.int], .variable(0)), call("-", [.int, .int], int(0), .variable(0))])
    }

    @Test func letBindingsAreParallelAndSubstituted() throws {
        let problem = try SyGuSProblem(parsing: """
            (declare-var x Int)
            (define-fun g ((n Int)) Int (let ((m (+ n 1))) (+ m m)))
            (constraint (let ((a 1) (b 2)) (let ((a b) (b a) (c x)) (= (- a b) c))))
            """)
        let plus = [TypeExpr.int, .int]
        let m = call("+", plus, .parameter(0), int(1))
        #expect(problem.definitions[0].body == call("+", plus, m, m))
        #expect(problem.constraints == [call("=", plus, call("-", plus, int(2), int(1)), .variable(0))])
    }

    @Test func namedAnnotationsAreStripped() throws {
        let problem = try SyGuSProblem(parsing: "(declare-var x Int)\n(constraint (! (> x 0) :named positive))")
        #expect(problem.constraints == [call(">", [.int, .int], .variable(0), int(0))])
    }

    @Test func naryOperatorsBecomeBinaryApplications() throws {
        let problem = try SyGuSProblem(parsing: """
            (declare-var p Bool)
            (declare-var q Bool)
            (declare-var r Bool)
            (declare-var x Int)
            (declare-var y Int)
            (declare-var z Int)
            (constraint (and p q r))
            (constraint (=> p q r))
            (constraint (= (+ x y z) (* x y z)))
            (constraint (< x y z))
            (constraint (distinct x y z))
            """)
        let bools = [TypeExpr.bool, .bool], ints = [TypeExpr.int, .int]
        let (p, q, r, x, y, z) = (Expression.variable(0), Expression.variable(1), Expression.variable(2),
                                  Expression.variable(3), Expression.variable(4), Expression.variable(5))
        #expect(problem.constraints == [
            call("and", bools, call("and", bools, p, q), r),
            call("=>", bools, p, call("=>", bools, q, r)),
            call("=", ints, call("+", ints, call("+", ints, x, y), z), call("*", ints, call("*", ints, x, y), z)),
            call("and", bools, call("<", ints, x, y), call("<", ints, y, z)),
            call("and", bools, call("and", bools, call("distinct", ints, x, y), call("distinct", ints, x, z)), call("distinct", ints, y, z)),
        ])
    }

    @Test func equalityOfMoreThanTwoIsTheConjunctionOfAdjacentPairs() throws {
        let problem = try SyGuSProblem(parsing: "(declare-var s String)\n(constraint (= s \"a\" s \"a\"))")
        let strings = [TypeExpr.string, .string], bools = [TypeExpr.bool, .bool]
        let s = Expression.variable(0)
        #expect(problem.constraints == [call("and", bools,
            call("and", bools, call("=", strings, s, string("a")), call("=", strings, string("a"), s)),
            call("=", strings, s, string("a")))])
    }

    @Test func optionsAndInfoAreRecordedAndIgnored() throws {
        let problem = try SyGuSProblem(parsing: """
            (set-info :status sat)
            (set-option :produce-models true)
            (set-logic LIA)
            (check-synth)
            """)
        #expect(problem.ignoredOptions == [":status sat", ":produce-models true"])
        #expect(problem.logic == "LIA")
        #expect(problem.functions.isEmpty && problem.constraints.isEmpty)
    }

    @Test func quotedSymbolsAreNames() throws {
        let problem = try SyGuSProblem(parsing: "(declare-var |a b| Int)\n(constraint (= |a b| 1))")
        #expect(problem.variables == [SortedName("a b", .int)])
        #expect(problem.text(of: problem.constraints[0], function: nil) == "(= |a b| 1)")
    }

    @Test func deeplyNestedTermWithinTheLimitReads() throws {
        let depth = 900
        let text = "(declare-var x Int)\n(constraint (= " + String(repeating: "(+ 1 ", count: depth) + "x" + String(repeating: ")", count: depth) + " 0))"
        let problem = try SyGuSProblem(parsing: text)
        #expect(problem.constraints[0].size == 2 * depth + 3)
    }
}
