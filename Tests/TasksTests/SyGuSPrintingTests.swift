import Language
import Tasks
import Testing

@Suite struct SyGuSPrintingTests {
    @Test func sortsPrintInSMTLIBSpelling() {
        #expect([TypeExpr.int, .bool, .string, bv64, .bitVector(width: 3)].map(\.smtSort) == ["Int", "Bool", "String", "(_ BitVec 64)", "(_ BitVec 3)"])
    }

    @Test func answerIsADefineFunOverTheParameterNames() throws {
        let problem = try SyGuSProblem(parsing: "(set-logic BV)\n(synth-fun f ((x (_ BitVec 64))) (_ BitVec 64))")
        let body = call("bvand", [bv64, bv64], .parameter(0), call("bvsub", [bv64, bv64], .parameter(0), bits(1, 64)))
        #expect(problem.answer(function: 0, body: body)
                == "(define-fun f ((x (_ BitVec 64))) (_ BitVec 64) (bvand x (bvsub x #x0000000000000001)))")
    }

    @Test func answerWithSeveralParametersAndLiteralsOfEachSort() throws {
        let problem = try SyGuSProblem(parsing: "(set-logic SLIA)\n(synth-fun g ((s String) (n Int) (b Bool)) String)")
        let body = call("ite", [.bool, .string, .string], .parameter(2),
                        call("str.++", [.string, .string], .parameter(0), string("a\"b\u{e9}")),
                        call("str.at", [.string, .int], .parameter(0), call("+", [.int, .int], .parameter(1), int(-5))))
        #expect(problem.answer(function: 0, body: body)
                == "(define-fun g ((s String) (n Int) (b Bool)) String (ite b (str.++ s \"a\"\"b\\u{e9}\") (str.at s (+ n (- 5)))))")
    }

    @Test func textNamesVariablesDefinitionsFunctionsAndNonterminals() throws {
        let problem = try SyGuSProblem(parsing: """
            (define-fun inc ((a Int)) Int (+ a 1))
            (synth-fun f ((p Int)) Int ((Start Int) (B Bool)) ((Start Int (p (inc Start) (ite B Start Start))) (B Bool (true))))
            (declare-var x Int)
            (constraint (= (f (inc x)) 5))
            """)
        #expect(problem.text(of: problem.constraints[0], function: nil) == "(= (f (inc x)) 5)")
        let productions = problem.functions[0].grammar.nonterminals[0].productions
        #expect(productions.map { problem.text(of: $0, function: 0) } == ["p", "(inc Start)", "(ite B Start Start)"])
        #expect(problem.text(of: problem.definitions[0].body, parameterNames: ["a"]) == "(+ a 1)")
        #expect(problem.text(of: .parameter(3), function: nil) == "_arg_3")
    }

    @Test func printedConstraintsReadBackToTheSameExpressions() throws {
        let text = """
            (declare-var s String)
            (declare-var n Int)
            (declare-var v (_ BitVec 7))
            (constraint (= (str.++ s "q""uote \\u{1F600}") (str.substr s (- 3) (- n))))
            (constraint (distinct (bvadd v #b0000001) (_ bv9 7)))
            (constraint (and (< n 0 4) (=> (> n 1) (>= n -9223372036854775808))))
            """
        let problem = try SyGuSProblem(parsing: text)
        let declarations = text.split(separator: "\n").prefix(3).joined(separator: "\n")
        let printed = declarations + "\n" + problem.constraints.map { "(constraint \(problem.text(of: $0, function: nil)))" }.joined(separator: "\n")
        #expect(try SyGuSProblem(parsing: printed) == problem)
    }

    @Test func summaryCountsWhatTheProblemHolds() throws {
        let problem = try SyGuSProblem(parsing: SyGuSParsingTests.hackersDelight)
        #expect(problem.summary == "SyGuS problem (logic BV): 1 function to synthesize, 1 variable, 1 definition, 1 constraint")
        #expect(try SyGuSProblem(parsing: "").summary == "SyGuS problem (logic not set): 0 functions to synthesize, 0 variables, 0 definitions, 0 constraints")
    }
}
