import Language
import Tasks
import Testing

@Suite struct DefaultGrammarTests {
    @Test func linearIntegerGrammarHasArithmeticIteAndComparisons() {
        let grammar = SyGuSGrammar.defaultGrammar(logic: "LIA", parameters: [SortedName("x", .int), SortedName("y", .int)], returnSort: .int)
        let ints = [TypeExpr.int, .int], bools = [TypeExpr.bool, .bool]
        #expect(grammar == SyGuSGrammar(nonterminals: [
            .init(name: "Start", sort: .int, productions: [
                .parameter(0), .parameter(1), int(0), int(1),
                call("+", ints, .nonterminal(0), .nonterminal(0)),
                call("-", ints, .nonterminal(0), .nonterminal(0)),
                call("ite", [.bool, .int, .int], .nonterminal(1), .nonterminal(0), .nonterminal(0)),
            ], allowsAnyConstant: true, allowsAnyVariable: true),
            .init(name: "StartBool", sort: .bool, productions: [
                call("=", ints, .nonterminal(0), .nonterminal(0)),
                call("<=", ints, .nonterminal(0), .nonterminal(0)),
                call("<", ints, .nonterminal(0), .nonterminal(0)),
                call(">=", ints, .nonterminal(0), .nonterminal(0)),
                call(">", ints, .nonterminal(0), .nonterminal(0)),
                call("not", [.bool], .nonterminal(1)),
                call("and", bools, .nonterminal(1), .nonterminal(1)),
                call("or", bools, .nonterminal(1), .nonterminal(1)),
            ], allowsAnyConstant: true, allowsAnyVariable: true),
        ]))
    }

    @Test func integerLogicsShareTheLinearGrammar() {
        let lia = SyGuSGrammar.defaultGrammar(logic: "LIA", parameters: [SortedName("x", .int)], returnSort: .int)
        for logic in ["CLIA", "NIA", "QF_LIA"] {
            #expect(SyGuSGrammar.defaultGrammar(logic: logic, parameters: [SortedName("x", .int)], returnSort: .int) == lia)
        }
    }

    @Test func boolFunctionStartsAtTheBoolNonterminal() {
        let grammar = SyGuSGrammar.defaultGrammar(logic: "LIA", parameters: [SortedName("x", .int)], returnSort: .bool)
        #expect(grammar.nonterminals.map(\.name) == ["Start", "StartInt"])
        #expect(grammar.nonterminals.map(\.sort) == [.bool, .int])
        #expect(grammar.nonterminals[0].productions.first == call("=", [.int, .int], .nonterminal(1), .nonterminal(1)))
        #expect(grammar.nonterminals[1].productions.last == call("ite", [.bool, .int, .int], .nonterminal(0), .nonterminal(1), .nonterminal(1)))
    }

    @Test func bitVectorGrammarHasEveryBitVectorOperatorAtTheWidth() {
        let grammar = SyGuSGrammar.defaultGrammar(logic: "BV", parameters: [SortedName("x", bv8)], returnSort: bv8)
        #expect(grammar.nonterminals.map(\.name) == ["Start", "StartBool"])
        let start = grammar.nonterminals[0].productions, bool = grammar.nonterminals[1].productions
        #expect(Array(start.prefix(4)) == [.parameter(0), bits(0, 8), bits(1, 8), bits(0xFF, 8)])
        #expect(start.last == call("ite", [.bool, bv8, bv8], .nonterminal(1), .nonterminal(0), .nonterminal(0)))
        let operators = start.compactMap { production -> String? in
            if case .builtin(let primitive, _) = production { return primitive.name }
            return nil
        }
        #expect(operators == ["bvnot", "bvneg", "bvand", "bvor", "bvxor", "bvnand", "bvnor", "bvxnor", "bvadd", "bvsub", "bvmul",
                              "bvudiv", "bvurem", "bvsdiv", "bvsrem", "bvsmod", "bvshl", "bvlshr", "bvashr", "ite"])
        #expect(bool.first == call("=", [bv8, bv8], .nonterminal(0), .nonterminal(0)))
        #expect(bool.contains(call("bvslt", [bv8, bv8], .nonterminal(0), .nonterminal(0))))
        #expect(bool.count == 12)
    }

    @Test func stringGrammarHasStringOperatorsIntsAndPredicates() {
        let grammar = SyGuSGrammar.defaultGrammar(logic: "SLIA", parameters: [SortedName("s", .string)], returnSort: .string)
        #expect(grammar.nonterminals.map(\.name) == ["Start", "StartBool", "StartInt"])
        let start = grammar.nonterminals[0].productions, bool = grammar.nonterminals[1].productions, int = grammar.nonterminals[2].productions
        #expect(Array(start.prefix(3)) == [.parameter(0), string(""), string(" ")])
        #expect(start.contains(call("str.replace", [.string, .string, .string], .nonterminal(0), .nonterminal(0), .nonterminal(0))))
        #expect(Array(int.prefix(5)) == [Expression.constant(.int(0)), .constant(.int(1)), .constant(.int(-1)),
                                         call("+", [.int, .int], .nonterminal(2), .nonterminal(2)),
                                         call("-", [.int, .int], .nonterminal(2), .nonterminal(2))])
        #expect(int.contains(call("str.len", [.string], .nonterminal(0))))
        for predicate in ["str.prefixof", "str.suffixof", "str.contains", "="] {
            #expect(bool.contains(call(predicate, [.string, .string], .nonterminal(0), .nonterminal(0))))
        }
        #expect(!bool.contains(call("<", [.int, .int], .nonterminal(2), .nonterminal(2))))
    }

    @Test func synthFunWithoutGrammarGetsTheLogicsDefault() throws {
        let problem = try SyGuSProblem(parsing: "(set-logic BV)\n(synth-fun f ((x (_ BitVec 8))) (_ BitVec 8))")
        #expect(problem.functions[0].grammar == SyGuSGrammar.defaultGrammar(logic: "BV", parameters: [SortedName("x", bv8)], returnSort: bv8))
        #expect(!problem.functions[0].hasExplicitGrammar)
    }
}
