import Testing
import Language

private func typeError(_ text: String) -> String? {
    do {
        _ = try TypeExpr(parsing: text)
        return nil
    } catch {
        return error.description
    }
}

@Test(arguments: [
    ("int", TypeExpr.int),
    ("bool", .bool),
    ("string", .string),
    ("bv32", .bitVector(width: 32)),
    ("bv1", .bitVector(width: 1)),
    ("bv64", .bitVector(width: 64)),
    ("list(list(int))", .list(.list(.int))),
    ("t0 -> t1 -> t0", .function([.variable(0), .variable(1)], .variable(0))),
    ("(t0 -> t1) -> list(t0) -> list(t1)",
     .function([.arrow(.variable(0), .variable(1)), .list(.variable(0))], .list(.variable(1)))),
    ("list(t0 -> bool)", .list(.arrow(.variable(0), .bool))),
    ("((int -> int) -> int) -> int", .arrow(.arrow(.arrow(.int, .int), .int), .int)),
])
func typePrintsAndParsesBack(text: String, type: TypeExpr) throws {
    #expect(try TypeExpr(parsing: text) == type)
    #expect(type.description == text)
}

@Test(arguments: [
    ("list-of-int", TypeExpr.list(.int)),
    ("list-of-bool", .list(.bool)),
    ("list-of-list-of-int", .list(.list(.int))),
    ("list-of-str", .list(.string)),
    ("str", .string),
    ("  int->  list(  int )  ", .arrow(.int, .list(.int))),
    ("t0->t1", .arrow(.variable(0), .variable(1))),
    ("(int)", .int),
])
func alternativeSpellingsParse(text: String, type: TypeExpr) throws {
    #expect(try TypeExpr(parsing: text) == type)
}

@Test func dreamCoderSpellingPrintsInTheOneNotation() throws {
    #expect(try TypeExpr(parsing: "list-of-int -> list-of-int").description == "list(int) -> list(int)")
}

@Test(arguments: [
    ("bv0", "column 1: bit-vector width 0 is outside 1...64"),
    ("bv65", "column 1: bit-vector width 65 is outside 1...64"),
    ("int -> bv65", "column 8: bit-vector width 65 is outside 1...64"),
    ("foo", "column 1: unknown type 'foo'"),
    ("list(int", "column 9: expected ')'"),
    ("list int", "column 6: expected '('"),
    ("int ->", "column 7: expected a type, found the end"),
    ("", "column 1: expected a type, found the end"),
    ("int int", "column 5: unexpected 'i' in type"),
    ("-> int", "column 1: expected a type, found '-'"),
    ("list-of-foo", "column 1: unknown type 'list-of-foo'"),
    ("t-1", "column 1: unknown type 't-1'"),
])
func malformedTypesAreRejectedWithColumn(text: String, message: String) {
    #expect(typeError(text) == message)
}

@Test func deeplyNestedTypeIsRejected() {
    let deep = String(repeating: "list(", count: 10_000) + "int" + String(repeating: ")", count: 10_000)
    #expect(typeError(deep) == "column 1001: type nested too deeply")
}

@Test func curriedFunctionHelpers() {
    let map = TypeExpr.function([.arrow(.variable(0), .variable(1)), .list(.variable(0))], .list(.variable(1)))
    #expect(map.arguments == [.arrow(.variable(0), .variable(1)), .list(.variable(0))])
    #expect(map.returnType == .list(.variable(1)))
    #expect(map.isArrow && map.isPolymorphic)
    #expect(map.variables == [0, 1])
    #expect(map.mentions(1) && !map.mentions(2))
    #expect(TypeExpr.int.arguments.isEmpty && !TypeExpr.list(.int).isPolymorphic)
    #expect(TypeExpr.arrow(.variable(7), .list(.variable(3))).canonical.description == "t0 -> list(t1)")
}

@Test func unificationBindsVariablesBothWays() throws {
    var context = TypeContext()
    let a = context.fresh(), b = context.fresh()
    #expect(a == .variable(0) && b == .variable(1))
    try context.unify(.arrow(a, .list(.int)), .arrow(.bool, b))
    #expect(context.apply(a) == .bool)
    #expect(context.apply(b) == .list(.int))
    #expect(context.apply(.arrow(a, b)).description == "bool -> list(int)")
}

@Test func unificationFollowsChainsOfVariables() throws {
    var context = TypeContext()
    try context.unify(.variable(0), .variable(1))
    try context.unify(.variable(1), .list(.variable(2)))
    try context.unify(.variable(2), .int)
    #expect(context.apply(.variable(0)) == .list(.int))
    #expect(context.nextVariable == 3)
    try context.unify(.variable(0), .list(.int))
}

@Test func occursCheckRejectsInfiniteType() {
    var context = TypeContext()
    #expect(throws: TypeError.occursCheck(variable: 0, in: .list(.variable(0)))) {
        try context.unify(.variable(0), .list(.variable(0)))
    }
    #expect(TypeError.occursCheck(variable: 0, in: .list(.variable(0))).description
        == "type variable t0 occurs in list(t0) (infinite type)")
    var indirect = TypeContext()
    #expect(throws: TypeError.occursCheck(variable: 1, in: .arrow(.int, .variable(1)))) {
        try indirect.unify(.variable(0), .variable(1))
        try indirect.unify(.variable(1), .arrow(.int, .variable(0)))
    }
}

@Test func mismatchNamesBothTypesAfterSubstitution() {
    var context = TypeContext()
    #expect(throws: TypeError.mismatch(.int, .bool)) {
        try context.unify(.variable(0), .int)
        try context.unify(.list(.variable(0)), .list(.bool))
    }
    #expect(throws: TypeError.mismatch(.bitVector(width: 32), .bitVector(width: 64))) {
        var c = TypeContext()
        try c.unify(.bitVector(width: 32), .bitVector(width: 64))
    }
    #expect(TypeError.mismatch(.int, .arrow(.int, .int)).description == "type int does not match int -> int")
}

@Test func instantiateUsesFreshVariables() throws {
    var context = TypeContext(nextVariable: 5)
    let map = try TypeExpr(parsing: "(t0 -> t1) -> list(t0) -> list(t1)")
    #expect(context.instantiate(map).description == "(t5 -> t6) -> list(t5) -> list(t6)")
    #expect(context.instantiate(map).description == "(t7 -> t8) -> list(t7) -> list(t8)")
    #expect(context.instantiate(.int) == .int)
    #expect(context.fresh() == .variable(9))
}

@Test(arguments: [
    ("int -> int", "t0 -> t0", true),
    ("int -> bool", "t0 -> t0", false),
    ("int -> bool", "t0 -> t1", true),
    ("list(int)", "list(t0)", true),
    ("list(t3)", "t0", true),
    ("t1 -> t1", "t0 -> t0", true),
    ("t1 -> t2", "t0 -> t0", false),
    ("t0", "int", false),
    ("bv32 -> bv32", "bv64 -> bv64", false),
    ("(int -> bool) -> list(int) -> list(bool)", "(t0 -> t1) -> list(t0) -> list(t1)", true),
    ("(int -> bool) -> list(bool) -> list(bool)", "(t0 -> t1) -> list(t0) -> list(t1)", false),
])
func instanceOfScheme(type: String, scheme: String, expected: Bool) throws {
    #expect(try TypeExpr(parsing: type).isInstance(of: TypeExpr(parsing: scheme)) == expected)
}
