import Language
import Tasks
import Testing

/// Grammars far larger than any benchmark's read with exactly the productions they give:
/// repeated productions dropped, the nonterminals that derive finite terms found, in time
/// linear in the grammar (a list scan per production made 100,000 constants take minutes).
@Suite struct SyGuSGrammarScaleTests {
    @Test func aGrammarOfOneHundredThousandConstantsKeepsEachOnce() throws {
        let constants = (0..<100_000).map(String.init).joined(separator: " ")
        let problem = try SyGuSProblem(parsing: """
            (set-logic LIA)
            (synth-fun f ((x Int)) Int ((Start Int)) ((Start Int (x \(constants) 7 x (+ Start Start)))))
            (check-synth)
            """)
        let productions = problem.functions[0].grammar.nonterminals[0].productions
        #expect(productions.count == 100_002)
        #expect(productions[1] == .constant(.int(0)) && productions[100_000] == .constant(.int(99_999)))
    }

    /// `N0` needs `N1`, …, `N(n-1)` needs `Nn`, and only `Nn` has a leaf: the fixed point
    /// walks the chain once.
    static func chain(_ n: Int, leaf: Bool) -> String {
        let declarations = (0...n).map { "(N\($0) Int)" }.joined(separator: " ")
        let rules = (0..<n).map { "(N\($0) Int ((+ N\($0 + 1) N\($0 + 1))))" }.joined(separator: " ")
        let last = leaf ? "(N\(n) Int (x))" : "(N\(n) Int ((+ N0 N\(n))))"
        return "(set-logic LIA)\n(synth-fun f ((x Int)) Int (\(declarations)) (\(rules) \(last)))\n(check-synth)"
    }

    @Test func aLongChainOfNonterminalsDerivesFiniteTermsOnlyWithALeaf() throws {
        let problem = try SyGuSProblem(parsing: Self.chain(20_000, leaf: true))
        #expect(problem.functions[0].grammar.nonterminals.count == 20_001)
        #expect(throws: SyGuSError.self) { try SyGuSProblem(parsing: Self.chain(20_000, leaf: false)) }
    }
}
