import Testing
import Language

@Test func overloadedNamesResolveByArity() throws {
    #expect(Builtins.entries(named: "-").count == 2)
    #expect(Builtins.primitive(named: "-", arity: 1)?.type == .arrow(.int, .int))
    #expect(Builtins.primitive(named: "-", arity: 2)?.type == .function([.int, .int], .int))
    #expect(Builtins.primitive(named: "-")?.type == .function([.int, .int], .int))
    #expect(Builtins.primitive(named: "bvadd", bitVectorWidth: 8)?.type.description == "bv8 -> bv8 -> bv8")
    #expect(Builtins.primitive(named: "nope") == nil)
}

@Test func primitivesAtAGivenType() throws {
    #expect(Builtins.primitive(named: "-", type: .arrow(.int, .int))?.implementation == .operation(.negate))
    #expect(Builtins.primitive(named: "=", type: try TypeExpr(parsing: "string -> string -> bool")) != nil)
    #expect(Builtins.primitive(named: "=", type: try TypeExpr(parsing: "string -> int -> bool")) == nil)
    #expect(Builtins.primitive(named: "bvult", type: try TypeExpr(parsing: "bv16 -> bv16 -> bool")) != nil)
    #expect(Builtins.primitive(named: "bvult", type: try TypeExpr(parsing: "bv16 -> bv8 -> bool")) == nil)
    #expect(Builtins.primitive(named: "bvadd", type: try TypeExpr(parsing: "bv16 -> bv16 -> bool")) == nil)
}

@Test func primitivesForArgumentSorts() throws {
    let bv8 = TypeExpr.bitVector(width: 8)
    #expect(Builtins.primitive(named: "bvadd", argumentSorts: [bv8, bv8])?.type.description == "bv8 -> bv8 -> bv8")
    #expect(Builtins.primitive(named: "bvadd", argumentSorts: [bv8, .int]) == nil)
    #expect(Builtins.primitive(named: "ite", argumentSorts: [.bool, .int, .int])?.type.description == "bool -> int -> int -> int")
    #expect(Builtins.primitive(named: "=", argumentSorts: [.bitVector(width: 32), .bitVector(width: 32)])?.type.description
        == "bv32 -> bv32 -> bool")
    #expect(Builtins.primitive(named: "-", argumentSorts: [.int])?.implementation == .operation(.negate))
    #expect(Builtins.primitive(named: "true", argumentSorts: [])?.implementation == .constant(.bool(true)))
}

@Test func literalsOfEveryKind() {
    #expect(Builtins.literal("#x0f")?.type == .bitVector(width: 8))
    #expect(Builtins.literal("-12")?.implementation == .constant(.int(-12)))
    #expect(Builtins.literal("false")?.implementation == .constant(.bool(false)))
    #expect(Builtins.literal("-") == nil)
    #expect(Builtins.literal("+1") == nil)
    #expect(Builtins.literal("99999999999999999999") == nil)
}

@Test func smtLIBNamesMatchTheCatalogue() {
    for instance in BuiltinInstance.all where instance.name != "str.to.int" && instance.name != "int.to.str" {
        #expect(instance.operation.smtLIBName == instance.name, "\(instance)")
    }
    for operation in BuiltinInstance.listOperations {
        #expect(operation.smtLIBName == nil)
    }
}

@Test func primitivesCompareByNameAndType() {
    let a = Primitive(name: "f", type: .int, implementation: .opaque)
    let b = Primitive(name: "f", type: .int, implementation: .constant(.int(1)))
    let c = Primitive(name: "f", type: .bool, implementation: .opaque)
    #expect(a == b)
    #expect(a != c)
    #expect(Primitive.opaque("g").type == .variable(0))
    #expect(Builtins.primitive(named: "fold")?.arity == 3)
    #expect(Primitive.constant(.string("a\"b"), type: .string).name == #""a""b""#)
}
