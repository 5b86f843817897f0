import Language
import Testing

@Suite struct BuiltinResolutionTests {
    @Test func bitVectorOperatorTakesItsWidthFromTheArguments() {
        let primitive = Builtins.primitive(named: "bvadd", argumentSorts: [bv8, bv8])
        #expect(primitive?.type == .function([bv8, bv8], bv8))
        #expect(primitive?.implementation == .operation(.bvadd))
        #expect(Builtins.primitive(named: "bvult", argumentSorts: [bv32, bv32])?.type == .function([bv32, bv32], .bool))
    }

    @Test func mismatchedSortsOrCountsResolveToNothing() {
        #expect(Builtins.primitive(named: "bvadd", argumentSorts: [bv8, bv32]) == nil)
        #expect(Builtins.primitive(named: "bvadd", argumentSorts: [bv8, .int]) == nil)
        #expect(Builtins.primitive(named: "bvadd", argumentSorts: [bv8]) == nil)
        #expect(Builtins.primitive(named: "=", argumentSorts: [.int, .bool]) == nil)
        #expect(Builtins.primitive(named: "bvfoo", argumentSorts: [bv8, bv8]) == nil)
    }

    @Test func overloadsAreChosenByTheArguments() {
        #expect(Builtins.primitive(named: "-", argumentSorts: [.int])?.implementation == .operation(.negate))
        #expect(Builtins.primitive(named: "-", argumentSorts: [.int, .int])?.implementation == .operation(.subtract))
    }

    @Test func schemesUnifyToTheResultSort() {
        #expect(Builtins.primitive(named: "ite", argumentSorts: [.bool, .string, .string])?.type == .function([.bool, .string, .string], .string))
        #expect(Builtins.primitive(named: "=", argumentSorts: [bv64, bv64])?.type == .function([bv64, bv64], .bool))
        #expect(Builtins.primitive(named: "ite", argumentSorts: [.int, .int, .int]) == nil)
    }

    @Test func namesWithoutArgumentsResolveToConstants() {
        let primitive = Builtins.primitive(named: "true", argumentSorts: [])
        #expect(primitive?.type == .bool)
        #expect(primitive?.implementation == .constant(.bool(true)))
    }

    @Test func argumentTypeVariablesAreKeptApartFromTheSchemes() {
        // cons : t0 -> list(t0) -> list(t0), applied at t0 and list(t1): t0 := t1.
        let primitive = Builtins.primitive(named: "cons", argumentSorts: [.variable(1), .list(.variable(1))])
        #expect(primitive?.type == .function([.variable(1), .list(.variable(1))], .list(.variable(1))))
    }
}
