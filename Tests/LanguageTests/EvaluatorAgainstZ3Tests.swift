import Testing
import Language
import SMT

// Differential tests: for every first-order built-in (bit-vectors, integers and the core,
// strings), the Swift semantics (`Operation.evaluate`) must agree with Z3's simplification of
// the same ground term on seeded random inputs with the edge values mixed in.

/// One first-order built-in at concrete types, as the differential tests run it.
struct BuiltinInstance: CustomStringConvertible, Sendable {
    let name: String
    let operation: Operation
    let arguments: [TypeExpr]
    let result: TypeExpr

    var description: String {
        "\(name) : \(TypeExpr.function(arguments, result))"
    }

    /// The operations of DreamCoder's list domain (and its spellings of core operations),
    /// which Z3 has no counterpart for.
    static let listOperations: Set<Operation> = [
        .map, .fold, .unfold, .range, .index, .length, .cons, .car, .cdr, .isEmpty, .isPrime, .isSquare,
    ]
    static let listAliases: Set<String> = ["if", "gt?", "eq?"]

    /// Every first-order entry of `Builtins.entries` at the types the tests use: bit-vector
    /// operations at widths 64, 32 and 8; `=`, `distinct` and `ite` at every sort.
    static let all: [BuiltinInstance] = {
        var instances: [BuiltinInstance] = []
        for entry in Builtins.entries {
            guard case .operation(let operation) = entry.implementation,
                  !listOperations.contains(operation), !listAliases.contains(entry.name) else { continue }
            var types: [TypeExpr]
            switch entry.signature {
            case .scheme(let scheme) where scheme.isPolymorphic:
                let sorts: [TypeExpr] = [.int, .bool, .string, .bitVector(width: 32), .bitVector(width: 8)]
                types = sorts.map { sort in substituting(sort, in: scheme) }
            case .scheme(let type):
                types = [type]
            case .bitVectorUnary, .bitVectorBinary, .bitVectorComparison:
                types = [64, 32, 8].map { entry.signature.type(width: $0) }
            }
            instances += types.map {
                BuiltinInstance(name: entry.name, operation: operation, arguments: $0.arguments, result: $0.returnType)
            }
        }
        return instances
    }()

    /// `type` with every type variable replaced by `sort` (the polymorphic first-order
    /// built-ins, `=`, `distinct` and `ite`, have one variable).
    private static func substituting(_ sort: TypeExpr, in type: TypeExpr) -> TypeExpr {
        switch type {
        case .variable: return sort
        case .list(let element): return .list(substituting(sort, in: element))
        case .arrow(let a, let b): return .arrow(substituting(sort, in: a), substituting(sort, in: b))
        case .int, .bool, .string, .bitVector: return type
        }
    }

    var isBitVectorOperation: Bool { name.hasPrefix("bv") }
    var isStringOperation: Bool { name.hasPrefix("str.") || name == "int.to.str" }
}

/// Random arguments for one built-in: edge values often, small values often, anything else
/// otherwise; integers only where the exact result fits in 64 bits.
struct ArgumentGenerator {
    var random: SplitMix64
    let instance: BuiltinInstance

    /// The largest magnitude of an integer argument for which the operation cannot overflow.
    private var integerBound: Int {
        switch instance.operation {
        case .add, .subtract: return (1 << 62) - 1
        case .multiply: return 1 << 31
        case .negate, .abs: return .max
        default: return .max
        }
    }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    mutating func arguments() -> [Value] {
        var values: [Value] = []
        for (position, type) in instance.arguments.enumerated() {
            values.append(value(of: type, position: position, previous: values))
        }
        return values
    }

    private mutating func value(of type: TypeExpr, position: Int, previous: [Value]) -> Value {
        switch type {
        case .bool: return .bool(Bool.random(using: &random))
        case .int: return .int(integer(position: position, previous: previous))
        case .bitVector(let width): return .bitVector(bits(width: width), width: width)
        case .string:
            // A later string argument is often a piece of the first, so that contains,
            // indexof and replace find what they look for.
            if position > 0, case .string(let first)? = previous.first, !first.isEmpty, chance(0.35) {
                let start = Int.random(in: 0..<first.count, using: &random)
                let end = Int.random(in: start...first.count, using: &random)
                return .string(StringValue(codePoints: Array(first.codePoints[start..<end])))
            }
            if instance.operation == .strToInt, chance(0.5) { return .string(digits()) }
            return .string(text())
        default: preconditionFailure("no generator for \(type)")
        }
    }

    private static let integerEdges = [
        0, 1, -1, 2, -2, 10, Int.max, Int.min, Int.max - 1, Int.min + 1,
        1 << 31, -(1 << 31), 1 << 32, -(1 << 32), 1 << 62, -(1 << 62),
    ]

    private mutating func integer(position: Int, previous: [Value]) -> Int {
        let bound = integerBound
        // Positions and lengths of string operations: mostly around the string's length.
        if instance.isStringOperation, instance.operation != .strFromInt, chance(0.8) {
            return Int.random(in: -2...8, using: &random)
        }
        if chance(0.2) {
            let edges = Self.integerEdges.filter { $0.magnitude <= bound.magnitude }
            return edges.randomElement(using: &random)!
        }
        if chance(0.4) { return Int.random(in: -10...10, using: &random) }
        return Int.random(in: -bound...bound, using: &random)
    }

    private mutating func bits(width: Int) -> UInt64 {
        let mask = BitVector.mask(width)
        let sign: UInt64 = 1 << UInt64(width - 1)
        let edges: [UInt64] = [0, 1, 2, mask, mask - 1, sign, sign - 1, sign + 1, UInt64(width - 1), UInt64(width), UInt64(width + 1)]
        if chance(0.3) { return edges.randomElement(using: &random)! & mask }
        if chance(0.2) { return UInt64.random(in: 0...UInt64(width + 2), using: &random) & mask }
        return random.next() & mask
    }

    /// Mostly the alphabet `ab-1 `; sometimes a quote, a backslash, digits or characters
    /// beyond ASCII (up to U+2FFFF, the largest Z3 4.8.12 has).
    private mutating func text() -> StringValue {
        let common: [UInt32] = Array("ab-1 ".unicodeScalars.map(\.value))
        let rare: [UInt32] = [0x5C, 0x22, 0x30, 0x39, 0x7A, 0x41, 0x00, 0x7F, 0xE9, 0xFF, 0x100, 0x1F600, 0x2FFFF]
        let length = Int.random(in: 0...6, using: &random)
        return StringValue(codePoints: (0..<length).map { _ in
            chance(0.9) ? common.randomElement(using: &random)! : rare.randomElement(using: &random)!
        })
    }

    /// A string of up to 18 decimal digits, so that its value fits in 64 bits.
    private mutating func digits() -> StringValue {
        let length = Int.random(in: 0...18, using: &random)
        return StringValue((0..<length).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined())
    }
}

/// Runs `instance` on `count` random inputs against Z3 and records every disagreement.
private func compareWithZ3(_ instance: BuiltinInstance, count: Int, in z3: Context) throws {
    let seed = SplitMix64.seed(for: instance.description)
    var generator = ArgumentGenerator(random: SplitMix64(seed: seed), instance: instance)
    var disagreements = 0
    var tested = 0
    while tested < count {
        let arguments = generator.arguments()
        if skipped(instance.operation, arguments) { continue }
        tested += 1
        let term = "(\(instance.name) \(arguments.map(\.description).joined(separator: " ")))"
        let swift: Value
        do {
            swift = try evaluate(instance.operation, arguments)
        } catch {
            Issue.record("\(instance), seed \(seed), case \(tested): \(term) failed in Swift with \(error)")
            disagreements += 1
            if disagreements >= 5 { return }
            continue
        }
        let simplified = try groundValue(z3.apply(instance.name, arguments.map { try smtTerm($0, in: z3) }), in: z3)
        let expected = readBack(simplified, as: instance.result)
        if expected != swift {
            Issue.record("""
                \(instance), seed \(seed), case \(tested): \(term) is \(swift) in Swift \
                but Z3 simplifies it to \(simplified)
                """)
            disagreements += 1
            if disagreements >= 5 { return }
        }
    }
}

/// Inputs the differential test leaves to the dedicated tests below: LIA division by zero
/// (unspecified in SMT-LIB, left uninterpreted by Z3) and the one overflowing quotient.
private func skipped(_ operation: Operation, _ arguments: [Value]) -> Bool {
    guard operation == .div || operation == .mod, case .int(let a) = arguments[0], case .int(let b) = arguments[1] else {
        return false
    }
    return b == 0 || (operation == .div && a == .min && b == -1)
}

private func evaluate(_ operation: Operation, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
    switch arguments.count {
    case 1: return try operation.evaluate(arguments[0])
    case 2: return try operation.evaluate(arguments[0], arguments[1])
    default: return try operation.evaluate(arguments[0], arguments[1], arguments[2])
    }
}

private func smtTerm(_ value: Value, in z3: Context) throws -> Term {
    switch value {
    case .bool(let b): return z3.bool(b)
    case .int(let n): return try z3.int(n)
    case .bitVector(let v): return try z3.bitVector(v.bits, width: v.width)
    case .string(let s): return try z3.string(s.string)
    default: preconditionFailure("\(value) has no SMT term")
    }
}

/// Z3's value of the ground term `term`. One `simplify` pass can leave a residue over
/// literals, such as `(ite (and (= 1111868423889986869 0) (= "1" "")) 0 (- 1))` for
/// `(str.indexof "" "1" 1111868423889986869)`, so the term is simplified until it is a literal.
private func groundValue(_ term: Term, in z3: Context) throws -> Term {
    var current = term
    for _ in 0..<8 {
        let next = try z3.simplify(current)
        if next == current { break }
        current = next
    }
    return current
}

/// The literal `term` as a value of `type`, or `nil` when it is no literal of that sort.
private func readBack(_ term: Term, as type: TypeExpr) -> Value? {
    switch type {
    case .bool: return term.boolValue.map(Value.bool)
    case .int: return term.intValue.map(Value.int)
    case .bitVector(let width): return term.bitVectorValue.map { .bitVector($0, width: width) }
    case .string: return term.stringValue.map { .string(StringValue($0)) }
    default: return nil
    }
}

@Test func bitVectorOperationsAgreeWithZ3() throws {
    let z3 = try Context()
    for instance in BuiltinInstance.all where instance.isBitVectorOperation {
        guard case .bitVector(let width) = instance.arguments[0] else { continue }
        try compareWithZ3(instance, count: width == 8 ? 400 : 1_000, in: z3)
    }
}

@Test func integerAndCoreOperationsAgreeWithZ3() throws {
    let z3 = try Context()
    for instance in BuiltinInstance.all where !instance.isBitVectorOperation && !instance.isStringOperation {
        try compareWithZ3(instance, count: 1_000, in: z3)
    }
}

@Test func stringOperationsAgreeWithZ3() throws {
    let z3 = try Context()
    for instance in BuiltinInstance.all where instance.isStringOperation {
        try compareWithZ3(instance, count: 1_000, in: z3)
    }
}

@Test func everyFirstOrderBuiltinIsComparedWithZ3() {
    let names = Set(BuiltinInstance.all.map(\.name))
    #expect(names == [
        "=", "distinct", "ite", "not", "and", "or", "xor", "=>",
        "+", "-", "*", "div", "mod", "abs", "<", "<=", ">", ">=",
        "str.++", "str.len", "str.at", "str.substr", "str.indexof", "str.replace", "str.replace_all",
        "str.prefixof", "str.suffixof", "str.contains", "str.to_int", "str.to.int", "str.from_int",
        "int.to.str", "str.<", "str.<=",
        "bvnot", "bvneg", "bvand", "bvor", "bvxor", "bvnand", "bvnor", "bvxnor",
        "bvadd", "bvsub", "bvmul", "bvudiv", "bvurem", "bvsdiv", "bvsrem", "bvsmod",
        "bvshl", "bvlshr", "bvashr", "bvult", "bvule", "bvugt", "bvuge", "bvslt", "bvsle", "bvsgt", "bvsge",
    ])
    #expect(BuiltinInstance.all.filter { $0.name == "bvadd" }.map(\.description)
        == ["bvadd : bv64 -> bv64 -> bv64", "bvadd : bv32 -> bv32 -> bv32", "bvadd : bv8 -> bv8 -> bv8"])
    #expect(BuiltinInstance.all.filter { $0.name == "ite" }.map(\.description).first == "ite : bool -> int -> int -> int")
    #expect(BuiltinInstance.all.filter { $0.name == "-" }.map(\.description) == ["- : int -> int -> int", "- : int -> int"])
}

@Test(arguments: [
    (Operation.add, [Value.int(.max), .int(1)], "9223372036854775808"),
    (.subtract, [.int(.min), .int(1)], "(- 9223372036854775809)"),
    (.multiply, [.int(.min), .int(-1)], "9223372036854775808"),
    (.multiply, [.int(1 << 32), .int(1 << 31)], "9223372036854775808"),
    (.multiply, [.int(.max), .int(.max)], "85070591730234615847396907784232501249"),
    (.abs, [.int(.min)], "9223372036854775808"),
    (.negate, [.int(.min)], "9223372036854775808"),
    (.div, [.int(.min), .int(-1)], "9223372036854775808"),
])
func overflowIsAFailureWhereZ3HasTheUnboundedResult(operation: Operation, arguments: [Value], z3Result: String) throws {
    #expect(throws: EvaluationFailure.overflow) { try evaluate(operation, arguments) }
    let z3 = try Context()
    let instance = try #require(BuiltinInstance.all.first { $0.operation == operation && $0.arguments.count == arguments.count })
    let simplified = try groundValue(z3.apply(instance.name, arguments.map { try smtTerm($0, in: z3) }), in: z3)
    #expect(simplified.description == z3Result)
    #expect(simplified.intValue == nil)
}

@Test func integerDivisionByZeroIsAFailure() {
    var random = SplitMix64(seed: 0x0D1F)
    for _ in 0..<1_000 {
        let a = Int.random(in: .min ... .max, using: &random)
        #expect(throws: EvaluationFailure.divisionByZero) { try Operation.div.evaluate(.int(a), .int(0)) }
        #expect(throws: EvaluationFailure.divisionByZero) { try Operation.mod.evaluate(.int(a), .int(0)) }
    }
}
