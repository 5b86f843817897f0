import Grammar
import Language
import Testing

@Suite struct GrammarOverloadTests {
    private let twoWidths = """
        (primitive bvnot "bv64 -> bv64" 0)
        (primitive bvnot "bv32 -> bv32" 0)
        (primitive bvand "bv64 -> bv64 -> bv64" 0)
        (primitive bvand "bv32 -> bv32 -> bv32" 0)
        (primitive ite "bool -> int -> int -> int" 0)
        (primitive ite "bool -> string -> string -> string" 0)
        (primitive = "int -> int -> bool" 0)
        """

    /// An overloaded name in a `define` takes the overload its declared type (or, without
    /// one, its constants) calls for.
    @Test func defineBodiesResolveOverloadsByType() throws {
        let grammar = try Grammar(parsing: twoWidths + """

            (define narrow "bv32 -> bv32" (lambda (bvnot $0)))
            (define wide "bv64 -> bv64" (lambda (bvnot $0)))
            (define mask (lambda (bvand $0 #x000000ff)))
            (define pick "int -> string -> string -> string" (lambda (lambda (lambda (ite (= $2 0) $1 $0)))))
            """)
        let types = Dictionary(uniqueKeysWithValues: grammar.abstractions.map { ($0.name, $0.type.description) })
        #expect(types == ["narrow": "bv32 -> bv32", "wide": "bv64 -> bv64", "mask": "bv32 -> bv32", "pick": "int -> string -> string -> string"])
        #expect(try Grammar(parsing: grammar.fileText) == grammar)
    }

    @Test func aBodyNoOverloadFitsIsStillAnError() {
        #expect {
            try Grammar(parsing: twoWidths + "\n(define bad \"bv16 -> bv16\" (lambda (bvnot $0)))")
        } throws: { error in
            (error as? GrammarError)?.description.contains("'bad' has type bv64 -> bv64, not bv16 -> bv16") == true
        }
    }

    /// Readings multiply: two overloaded leaves with two overloads each give four; past the
    /// limit only the first reading is tried (a body of many overloaded names cannot make the
    /// reader search without bound).
    @Test func readingsAreBounded() throws {
        let grammar = try Grammar(parsing: twoWidths)
        let table = grammar.primitiveTable
        let two = try Program(parsing: "(lambda (bvand (bvnot $0) $0))", primitives: table)
        #expect(Set(two.overloadReadings(in: table)).count == 4)
        var body = "$0"
        for _ in 0..<20 { body = "(bvnot \(body))" }
        let many = try Program(parsing: "(lambda \(body))", primitives: table)
        #expect(many.overloadReadings(in: table) == [many])
        #expect(throws: GrammarError.self) { try Grammar(parsing: twoWidths + "\n(define deep \"bv16 -> bv16\" (lambda \(body)))") }
    }
}
