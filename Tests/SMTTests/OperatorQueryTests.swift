import SMT
import Testing

/// `SMTOperators` answers exactly what `Context.apply` accepts.
@Suite struct OperatorQueryTests {
    @Test func supportsNamesTheirArities() {
        #expect(SMTOperators.supports(name: "bvadd", arity: 2))
        #expect(SMTOperators.supports(name: "bvadd", arity: 3))
        #expect(!SMTOperators.supports(name: "bvadd", arity: 1))
        #expect(SMTOperators.supports(name: "-", arity: 1))
        #expect(SMTOperators.supports(name: "str.indexof", arity: 2))
        #expect(SMTOperators.supports(name: "str.indexof", arity: 3))
        #expect(!SMTOperators.supports(name: "str.indexof", arity: 4))
        #expect(SMTOperators.supports(name: "abs", arity: 1))
        #expect(!SMTOperators.supports(name: "map", arity: 2))
        #expect(SMTOperators.names.contains("str.replace_all"))
        #expect(SMTOperators.names == SMTOperators.names.sorted())
    }

    @Test func everyListedOperatorApplies() throws {
        let z3 = try Context()
        for name in SMTOperators.names {
            let arity = (1...3).first { SMTOperators.supports(name: name, arity: $0) }
            #expect(arity != nil, "\(name) accepts no arity from 1 to 3")
        }
        #expect(throws: SMTError.unknownOperator("bvadd", arity: 1)) { try z3.apply("bvadd", [z3.bv64(1)]) }
    }
}
