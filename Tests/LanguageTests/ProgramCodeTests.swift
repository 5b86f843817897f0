import Testing
import Language

/// Leaves `map`, `+`, `1`, `fold`, `empty`, `cons`, as a grammar's productions would list them.
private let leaves: [Program] = ["map", "+", "1", "fold", "empty", "cons"].map { name in
    .primitive(Builtins.literal(name) ?? Builtins.primitive(named: name)!)
}

private func index(_ leaf: Program) -> Int32? {
    leaves.firstIndex(of: leaf).map(Int32.init)
}

@Test func codesArePreorderWithLeavesLambdasAndVariables() throws {
    let program = try Program(parsing: "(lambda (map (lambda (+ $0 1)) $0))")
    let codes = try #require(ProgramCode.codes(of: program, leafIndex: index))
    #expect(codes == [-1, 0, -1, 1, -2, 2, -2])
    #expect(ProgramCode.program(from: codes, leaves: leaves) == program)
}

@Test func variableCodesPackIndexAndArity() {
    #expect(ProgramCode.variable(0, arity: 0) == -2)
    #expect(ProgramCode.variable(3, arity: 2) == -52)
    #expect(ProgramCode.decode(-52) == .variable(index: 3, arity: 2))
    #expect(ProgramCode.decode(-2 - 15) == .variable(index: 0, arity: 15))
    #expect(ProgramCode.decode(-1) == .lambda)
    #expect(ProgramCode.decode(5) == .leaf(5))
}

@Test func foldAndAppliedVariablesRoundTrip() throws {
    let program = try Program(parsing: "(lambda (lambda (fold $0 empty (lambda (lambda (cons ($3 $1) $0))))))")
    let codes = try #require(ProgramCode.codes(of: program, leafIndex: index))
    #expect(codes == [-1, -1, 3, -2, 4, -1, -1, 5, ProgramCode.variable(3, arity: 1), -18, -2])
    #expect(ProgramCode.program(from: codes, leaves: leaves) == program)
}

@Test func onlySaturatedSpinesOfKnownLeavesHaveCodes() throws {
    // A partial application, an over-application, a λ applied to a value, a leaf not in the table.
    for text in ["(lambda (map (+ 1) $0))", "(+ 1 1 1)", "((lambda $0) 1)", "(lambda (car $0))"] {
        #expect(ProgramCode.codes(of: try Program(parsing: text), leafIndex: index) == nil, "\(text)")
    }
}

@Test func wellFormedCodesAreExactlyOneTree() {
    let arities = leaves.map(ProgramCode.arity(ofLeaf:))
    #expect(arities == [2, 2, 0, 3, 0, 2])
    #expect(ProgramCode.isWellFormed([-1, 0, -1, 1, -2, 2, -2], leafArities: arities))
    #expect(!ProgramCode.isWellFormed([-1, 0, -1, 1, -2, 2], leafArities: arities))      // an argument missing
    #expect(!ProgramCode.isWellFormed([2, 2], leafArities: arities))                     // a code too many
    #expect(!ProgramCode.isWellFormed([6], leafArities: arities))                        // no such leaf
    #expect(!ProgramCode.isWellFormed([], leafArities: arities))
}
