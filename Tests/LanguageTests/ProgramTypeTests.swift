import Testing
import Language

private func typeOf(_ text: String) throws -> String {
    try Program(parsing: text).inferType().description
}

private func typeErrorOf(_ text: String) throws -> String? {
    let p = try Program(parsing: text)
    do {
        _ = try p.inferType()
        return nil
    } catch {
        return error.description
    }
}

@Test(arguments: [
    ("(lambda (map (lambda (+ $0 1)) $0))", "list(int) -> list(int)"),
    ("(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))", "list(int) -> int"),
    ("map", "(t0 -> t1) -> list(t0) -> list(t1)"),
    ("fold", "list(t0) -> t1 -> (t0 -> t1 -> t1) -> t1"),
    ("unfold", "t0 -> (t0 -> bool) -> (t0 -> t1) -> (t0 -> t0) -> list(t1)"),
    ("(map car)", "list(list(t0)) -> list(t0)"),
    ("(lambda $0)", "t0 -> t0"),
    ("(lambda (lambda $1))", "t0 -> t1 -> t0"),
    ("(lambda (lambda (fold $1 $0 (lambda (lambda (cons $1 $0))))))", "list(t0) -> list(t0) -> list(t0)"),
    ("(lambda (unfold $0 (lambda (eq? $0 0)) (lambda (is-prime $0)) (lambda (- $0 1))))", "int -> list(bool)"),
    ("(lambda (if (empty? $0) empty (cdr $0)))", "list(t0) -> list(t0)"),
    ("(lambda (index 0 (range $0)))", "int -> int"),
    ("(lambda (str.indexof $0 \"a\" 0))", "string -> int"),
    ("(lambda (bvult $0 #x0000000000000001))", "bv64 -> bool"),
    ("(= empty empty)", "bool"),
])
func inferredTypes(text: String, type: String) throws {
    #expect(try typeOf(text) == type)
}

@Test(arguments: [
    ("(+ 1 \"a\")", "argument \"a\" has type string where int is expected in (+ 1 \"a\")"),
    ("(car 1)", "argument 1 has type int where list(t0) is expected in (car 1)"),
    ("(lambda (car (+ $0 1)))", "argument (+ $0 1) has type int where list(t0) is expected in (car (+ $0 1))"),
    ("(lambda (map $0 (+ $0 1)))", "argument $0 has type t0 -> t1 where int is expected in (+ $0)"),
    ("(1 2)", "1 has type int and cannot be applied to 2 in (1 2)"),
    ("(lambda ($0 $0))", "applying $0 : t0 to $0 : t0 needs an infinite type in ($0 $0)"),
    ("(lambda (cons $0 $0))", "argument $0 has type t0 where list(t0) is expected (no finite type fits both) in (cons $0 $0)"),
    ("(lambda (if $0 1 \"x\"))", "argument \"x\" has type string where int is expected in (if $0 1 \"x\")"),
    ("(= 1 #x01)", "argument #x01 has type bv8 where int is expected in (= 1 #x01)"),
    ("(bvadd #x01 #x01)", "argument #x01 has type bv8 where bv64 is expected in (bvadd #x01)"),
    ("(lambda $1)", "variable $1 is not bound in $1"),
])
func illTypedProgramsNameTheOffendingSubterm(text: String, message: String) throws {
    #expect(try typeErrorOf(text) == message)
}

@Test func typeErrorCarriesTheSubterm() throws {
    let p = try Program(parsing: "(lambda (+ (car $0) \"a\"))")
    let error = try #require(throws: ProgramTypeError.self) { try p.inferType() }
    #expect(error.subterm.description == "(+ (car $0) \"a\")")
    #expect(error.message == "argument \"a\" has type string where int is expected")
}

@Test func environmentGivesTheTypesOfFreeVariables() throws {
    let p = try Program(parsing: "(cons $1 $0)")
    #expect(try p.inferType(environment: [.int, .list(.int)]) == .list(.int))
    #expect(throws: ProgramTypeError.self) { try p.inferType(environment: [.bool, .list(.int)]) }
}

@Test func checkAgainstARequest() throws {
    let p = try Program(parsing: "(lambda (map (lambda (+ $0 1)) $0))")
    try p.check(against: try TypeExpr(parsing: "list(int) -> list(int)"))
    try Program(parsing: "(lambda $0)").check(against: .arrow(.string, .string))
    #expect(throws: ProgramTypeError(message: "the program has type list(int) -> list(int), not int -> int", subterm: p)) {
        try p.check(against: .arrow(.int, .int))
    }
}

@Test func polymorphicPrimitivesAreInstantiatedAtEachUse() throws {
    #expect(try typeOf("(lambda (cons (length $0) (map length (cons $0 empty))))") == "list(t0) -> list(int)")
    #expect(try typeOf("(lambda (lambda (= (car $0) (car (car $1)))))") == "list(list(t0)) -> list(t0) -> bool")
}
