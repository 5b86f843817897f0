import Language
import Tasks
import Testing
@testable import Search

/// The bottom-up search's word and string kernels against the operator catalogue: every row of
/// the core, integer, bit-vector and string theories has a kernel at every sort the search
/// stores (but for the few the list below names), and each kernel computes what the row's
/// reference semantics compute — the same values, failing on the same examples — on many
/// inputs. A new row without a kernel fails here until it has one or joins the list.
@Suite struct KernelOracleTests {
    /// Operations the search computes value by value, with the row's semantics.
    static let referenceOnly: Set<Operation> = [.strReplaceAll, .strLess, .strLessOrEqual]

    static let theories: Set<Operators.Theory> = [.core, .integers, .bitVectors, .strings]
    static let sorts: [TypeExpr] = [.int, .bool, .string, .bitVector(width: 1), .bitVector(width: 8), .bitVector(width: 64)]
    static let widths = [1, 8, 31, 32, 64]

    /// One row at one of its types.
    struct Instance: CustomTestStringConvertible, Sendable {
        var row: Operators.Row
        var type: TypeExpr
        var testDescription: String { "\(row.name) : \(type)" }
    }

    /// Each row at each of its instances whose sorts the search stores.
    static let instances: [Instance] = Operators.rows
        .filter { theories.contains($0.theory) }
        .flatMap { row in instances(of: row).map { Instance(row: row, type: $0) } }

    private static func instances(of row: Operators.Row) -> [TypeExpr] {
        switch row.signature {
        case .scheme(let scheme) where scheme.isPolymorphic: return sorts.map { scheme.replacingVariables(with: $0) }
        case .scheme(let type): return [type]
        case .bitVectorUnary, .bitVectorBinary, .bitVectorComparison: return widths.map { row.signature.type(width: $0) }
        }
    }

    @Test func everyRowHasAKernelOrIsListed() {
        for instance in Self.instances {
            let (row, type) = (instance.row, instance.type)
            let kinds = type.arguments.compactMap(ValueKind.init)
            let result = ValueKind(type.returnType)!
            let kernel = (result.isWord && WordKernels.supports(row.operation, kinds))
                || BottomUpEnumerator.hasStringKernel(row.operation, kinds)
            #expect(kernel != Self.referenceOnly.contains(row.operation), "\(row.name) : \(type)")
        }
    }

    @Test(arguments: instances)
    func kernelAgreesWithTheRow(_ instance: Instance) throws {
        let (row, type) = (instance.row, instance.type)
        let primitive = try #require(Builtins.primitive(named: row.name, argumentSorts: type.arguments))
        var random = SplitMix64(seed: SplitMix64.seed(for: "\(row.name) \(type)"))
        let inputs = (0..<400).map { _ in type.arguments.map { random.kernelSample(of: $0) } }
        let expected = inputs.map { arguments in
            Result { () throws(EvaluationFailure) -> Value in
                switch arguments.count {
                case 1: return try row.operation.evaluate(arguments[0])
                case 2: return try row.operation.evaluate(arguments[0], arguments[1])
                default: return try row.operation.evaluate(arguments[0], arguments[1], arguments[2])
                }
            }
        }
        // Every example the row computes, in one vector; then the ones it fails on, one at a time.
        let succeeding = zip(inputs, expected).compactMap { input, result in (try? result.get()).map { (input, $0) } }
        let outputs = try run(primitive, type, succeeding.map(\.0))
        #expect(outputs == succeeding.map(\.1), "\(row.name) : \(type)")
        let failing = zip(inputs, expected).filter { (try? $0.1.get()) == nil }.prefix(40)
        for (input, result) in failing {
            #expect(try run(primitive, type, [input]) == nil, "\(row.name) \(input) gives \(result) in its row")
        }
    }

    /// The outputs of `primitive` applied to the parameters on `inputs`, as the search stores
    /// them, or `nil` when the search keeps no program (some example failed).
    private func run(_ primitive: Primitive, _ type: TypeExpr, _ inputs: [[Value]]) throws -> [Value]? {
        guard !inputs.isEmpty else { return [] }
        let production = Expression.builtin(primitive, type.arguments.indices.map { .parameter($0) })
        let grammar = SyGuSGrammar(nonterminals: [.init(name: "S", sort: type.returnType, productions: [production])])
        let enumerator = try BottomUpEnumerator(grammar: grammar, definitions: [], parameterSorts: type.arguments, inputs: inputs)
        var outputs: [Value]?
        _ = enumerator.run(maximumCost: 1) { id in
            outputs = inputs.indices.map { enumerator.value(of: id, example: $0) }
            return true
        }
        return outputs
    }
}

extension TypeExpr {
    fileprivate func replacingVariables(with sort: TypeExpr) -> TypeExpr {
        switch self {
        case .variable: return sort
        case .list(let element): return .list(element.replacingVariables(with: sort))
        case .arrow(let a, let b): return .arrow(a.replacingVariables(with: sort), b.replacingVariables(with: sort))
        case .int, .bool, .string, .bitVector: return self
        }
    }
}

extension SplitMix64 {
    /// A value of `sort` for the kernel tests: edge values often, small ones often; strings
    /// over a few characters (digits among them), now and then near the length limit.
    fileprivate mutating func kernelSample(of sort: TypeExpr) -> Value {
        let r = next() % 100
        switch sort {
        case .int:
            let edges = [0, 1, -1, 2, -2, 10, Int.max, Int.min, Int.max - 1, Int.min + 1, 1 << 32, -(1 << 32), 3_037_000_499]
            if r < 25 { return .int(edges[Int(next() % UInt64(edges.count))]) }
            if r < 85 { return .int(Int(next() % 13) - 4) }
            return .int(Int(bitPattern: UInt(next())))
        case .bool:
            return .bool(r < 50)
        case .bitVector(let width):
            let mask = BitVector.mask(width), sign: UInt64 = 1 << UInt64(width - 1)
            let edges: [UInt64] = [0, 1, 2, mask, mask - 1, sign, sign - 1, sign + 1, UInt64(width), UInt64(width + 1)]
            return .bitVector((r < 40 ? edges[Int(next() % UInt64(edges.count))] : next()) & mask, width: width)
        case .string:
            if r < 2 { return .string(StringValue(codePoints: Array(repeating: 0x61, count: 60_000))) }
            if r < 20 {
                let digits = Int(next() % 21)
                return .string(StringValue((0..<digits).map { _ in String(next() % 10) }.joined()))
            }
            let alphabet: [UInt32] = Array("ab-1".unicodeScalars.map(\.value)) + [0xE9, 0x1F600]
            return .string(StringValue(codePoints: (0..<Int(next() % 6)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }))
        default:
            preconditionFailure("the search stores no \(sort)")
        }
    }
}
