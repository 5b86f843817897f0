import Testing
import Language

private func programError(_ text: String, primitives: PrimitiveTable = .builtins()) -> String? {
    do {
        _ = try Program(parsing: text, primitives: primitives)
        return nil
    } catch {
        return error.description
    }
}

@Test(arguments: [
    "(lambda (map (lambda (+ $0 1)) $0))",
    "(lambda (lambda (fold $0 0 (lambda (lambda (+ $0 $1))))))",
    "(lambda (if (empty? $0) 0 (car $0)))",
    "((lambda (cons $0 empty)) 1)",
    "(lambda (str.++ (str.at $0 0) \"x\"))",
    "(bvadd #x0000000000000001 (bvneg #x00000000000000ff))",
    "(- 3)",
    "$3",
])
func programPrintsAsItWasWritten(text: String) throws {
    #expect(try Program(parsing: text).description == text)
}

@Test func lamIsReadAsLambda() throws {
    let p = try Program(parsing: "(lam $0)")
    #expect(p == .lambda(.variable(0)))
    #expect(p.description == "(lambda $0)")
    #expect(try Program(parsing: "(lam (lam (+ $1 $0)))").description == "(lambda (lambda (+ $1 $0)))")
}

@Test func printingFlattensApplicationSpines() throws {
    let plus = try #require(Builtins.primitive(named: "+", arity: 2))
    let one = Primitive.constant(.int(1), type: .int)
    let p = Program.application(.primitive(plus), [.variable(0), .primitive(one)])
    #expect(p == .apply(.apply(.primitive(plus), .variable(0)), .primitive(one)))
    #expect(p.description == "(+ $0 1)")
    #expect(try Program(parsing: "(+ $0 1)") == p)
}

@Test(arguments: [
    ("#x00ff", Value.bitVector(0xff, width: 16), TypeExpr.bitVector(width: 16)),
    ("#b101", .bitVector(5, width: 3), .bitVector(width: 3)),
    ("#xFFFFFFFFFFFFFFFF", .bitVector(.max, width: 64), .bitVector(width: 64)),
    ("-3", .int(-3), .int),
    ("9223372036854775807", .int(.max), .int),
    ("true", .bool(true), .bool),
    (#""a""b""#, .string(#"a"b"#), .string),
    (#""\u{e9}\u00e9""#, .string("éé"), .string),
    (#""back\slash""#, .string(#"back\slash"#), .string),
])
func literalsBecomeConstants(text: String, value: Value, type: TypeExpr) throws {
    let p = try Program(parsing: text)
    guard case .primitive(let primitive) = p, case .constant(let constant) = primitive.implementation else {
        Issue.record("\(text) read as \(p)")
        return
    }
    #expect(constant == value)
    #expect(primitive.type == type)
    #expect(try p.inferType() == type)
    #expect(try Evaluator().run(p, on: []) == value)
}

@Test(arguments: [
    ("#x00ff", "#x00ff"),
    ("#b101", "#b101"),
    ("-3", "-3"),
    ("-0", "0"),
    (#""a""b""#, #""a""b""#),
    (#""\u{e9}""#, #""\u{e9}""#),
    (#""back\slash""#, #""back\u{5c}slash""#),
])
func literalsPrintInCanonicalSpelling(text: String, printed: String) throws {
    #expect(try Program(parsing: text).description == printed)
}

@Test func signedDigitsAreNotBitVectorLiterals() {
    #expect(BitVector(literal: "#x+f") == nil)
    #expect(BitVector(literal: "#b-0") == nil)
    #expect(BitVector(literal: "#x") == nil)
    #expect(BitVector(literal: "#x0g") == nil)
    #expect(BitVector(literal: "#b102") == nil)
    #expect(BitVector(literal: "#x" + String(repeating: "0", count: 17)) == nil)
    #expect(BitVector(literal: "#b" + String(repeating: "1", count: 64)) == BitVector(.max, width: 64))
    #expect(programError("#x+f") == "1:1: unknown operator '#x+f'")
}

@Test func unknownOperatorNamesLineAndColumn() {
    #expect(programError("(lambda (bvfoo $0 1))") == "1:10: unknown operator 'bvfoo'")
    #expect(programError("(lambda\n  (map (lambda (frobnicate $0)) $0))") == "2:17: unknown operator 'frobnicate'")
    #expect(programError("(+ 1 2)", primitives: PrimitiveTable()) == "1:2: unknown operator '+'")
}

@Test(arguments: [
    ("()", "1:1: empty application '()'"),
    ("(car)", "1:1: application of 'car' to no arguments"),
    ("(lambda)", "1:1: 'lambda' takes exactly one body (variables are de Bruijn indices $0, $1, …)"),
    ("(lambda (x) $0)", "1:1: 'lambda' takes exactly one body (variables are de Bruijn indices $0, $1, …)"),
    ("(map lam $0)", "1:6: 'lam' must be followed by a body, as in (lam BODY)"),
    ("(car $x)", "1:6: malformed variable '$x'"),
    ("$-1", "1:1: malformed variable '$-1'"),
    ("(lambda (+ $0 1)", "1:1: '(' is never closed"),
    ("(+ 1 2) 3", "1:9: unexpected text after the expression"),
])
func malformedProgramsAreRejectedWithPosition(text: String, message: String) {
    #expect(programError(text) == message)
}

@Test func equalProgramsHashAlike() throws {
    let a = try Program(parsing: "(lambda (map (lambda (+ $0 1)) $0))")
    let b = try Program(parsing: "(lam (map (lam (+ $0 1)) $0))")
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    let set: Set<Program> = [a, b, try Program(parsing: "(lambda (map (lambda (+ 1 $0)) $0))")]
    #expect(set.count == 2)
}

@Test func programsDifferInStructureOrPrimitiveType() throws {
    #expect(try Program(parsing: "(+ 1 2)") != Program(parsing: "(+ 2 1)"))
    #expect(try Program(parsing: "(lambda $0)") != Program(parsing: "(lambda (lambda $0))"))
    let bv64 = try Program(parsing: "(bvadd #x00000001 #x00000001)")
    let bv32 = try Program(parsing: "(bvadd #x00000001 #x00000001)", primitives: .builtins(bitVectorWidth: 32))
    #expect(bv64 != bv32)
    #expect(bv64.description == bv32.description)
    #expect(try bv32.inferType() == .bitVector(width: 32))
}

@Test func overloadedMinusIsChosenByArgumentCount() throws {
    #expect(try Evaluator().run(Program(parsing: "(- 3)"), on: []) == .int(-3))
    #expect(try Evaluator().run(Program(parsing: "(- 3 1)"), on: []) == .int(2))
    #expect(try Program(parsing: "(- 3)").inferType() == .int)
}

@Test func structuralQueries() throws {
    let p = try Program(parsing: "(lambda (map (lambda (+ $0 1)) $0))")
    #expect(p.size == 11)
    #expect(p.depth == 7)
    #expect(p.primitives.map(\.name) == ["map", "+", "1"])
    #expect(!p.hasFreeVariables())
    #expect(try Program(parsing: "(lambda $1)").hasFreeVariables())
    let (head, arguments) = try Program(parsing: "(fold $0 0 $1)").spine
    #expect(head.description == "fold")
    #expect(arguments.map(\.description) == ["$0", "0", "$1"])
}

@Test func opaqueTableKeepsEveryName() throws {
    let text = "(lambda (frob (bar $0) \"x\" 12))"
    let p = try Program(parsing: text, primitives: .opaque)
    #expect(p.description == text)
    #expect(p.primitives.allSatisfy { $0.implementation == .opaque })
    #expect(throws: EvaluationFailure.opaquePrimitive("frob")) { try Evaluator().run(p, on: [.int(1)]) }
    #expect(try p.inferType().description == "t0 -> t1")
}

@Test func abstractionsPrintByNameAndEvaluate() throws {
    let increment = try Abstraction(name: "inc", body: Program(parsing: "(lambda (+ $0 1))"))
    #expect(increment.type == .arrow(.int, .int))
    let table = PrimitiveTable(abstractions: [increment], unknownNames: .builtins(bitVectorWidth: 64))
    let p = try Program(parsing: "(lambda (map inc $0))", primitives: table)
    #expect(p.description == "(lambda (map inc $0))")
    #expect(try p.inferType().description == "list(int) -> list(int)")
    #expect(try Evaluator().run(p, on: [.list([.int(1), .int(2)])]) == .list([.int(2), .int(3)]))
}

@Test func abstractionWithOpenBodyIsRejected() throws {
    let body = try Program(parsing: "(+ $0 1)")
    #expect(throws: ProgramTypeError(message: "the body of 'bad' refers to a variable bound outside it", subterm: body)) {
        try Abstraction(name: "bad", body: body)
    }
}

@Test func longApplicationWithinTheDepthLimitIsAccepted() throws {
    let arguments = Program.maximumDepth - 1
    let p = try Program(parsing: "(+" + String(repeating: " 1", count: arguments) + ")", primitives: .opaque)
    #expect(p.depth == Program.maximumDepth)
    #expect(p.size == 2 * arguments + 1)
    #expect(p.spine.arguments.count == arguments)
    #expect(p.hashValue == p.hashValue)
    #expect(try p.inferType() == .variable(0))
}

@Test func applicationTooLongToWalkSafelyIsRejected() {
    let message = "1:2: program nested deeper than 2000 levels (each argument of an application counts as one)"
    #expect(programError("(+" + String(repeating: " 1", count: Program.maximumDepth) + ")") == message)
    #expect(programError("(+" + String(repeating: " 1", count: 100_000) + ")") == message)
}

@Test func hundredThousandOpenParenthesesAreAProgramSyntaxError() {
    #expect(programError(String(repeating: "(", count: 100_000)) == "1:1001: nesting deeper than 1000 levels")
}
