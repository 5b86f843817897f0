import Testing
@testable import Language

/// The compiled evaluator's instructions are fast kernels for the catalogue's core, integer
/// and list rows: every such row has one, and each computes what the row's reference
/// semantics compute — the same value or the same failure, out of steps at the same point —
/// on many inputs. A new row of these theories without an instruction fails here.
@Suite struct CompiledKernelTests {
    static let theories: Set<Operators.Theory> = [.core, .integers, .lists]

    /// λ-arguments for the higher-order rows, by type (type variables at `int`).
    static let functions: [TypeExpr: [String]] = [
        .arrow(.int, .int): ["(lambda (+ $0 1))", "(lambda (* $0 $0))", "(lambda (- 0 $0))"],
        .arrow(.int, .bool): ["(lambda (gt? $0 2))", "(lambda (eq? (mod $0 3) 0))"],
        .function([.int, .int], .int): ["(lambda (lambda (+ $0 $1)))", "(lambda (lambda (- $1 $0)))"],
    ]

    static let stepLimits = [1_000_000, 1_000, 40, 4]

    @Test func everyCoreIntegerAndListRowHasAnInstruction() {
        for row in Operators.rows where Self.theories.contains(row.theory) {
            #expect(CompiledNode.Instruction(row.operation) != nil, "\(row.operation) has no compiled instruction")
        }
    }

    @Test(arguments: Operators.rows.filter { theories.contains($0.theory) }.map(\.operation))
    func instructionAgreesWithTheRow(_ operation: Operation) throws {
        let row = Operators.row(operation)
        var samples = OperatorSamples(seed: row.name)
        // The compiled subset compares integers and Booleans; list operations run at `int`.
        for type in row.instances(sorts: row.theory == .lists ? [.int] : [.int, .bool]) {
            let firstOrder = type.arguments.filter { !$0.isArrow }
            let request = TypeExpr.function(firstOrder, type.returnType)
            // The row's primitive at this instance, so that `=` is known to compare integers or Booleans.
            let primitive = try #require(Builtins.primitive(named: row.name, type: type))
            let table = PrimitiveTable(primitives: [primitive], unknownNames: .builtins(bitVectorWidth: 64))
            for trial in 0..<300 {
                let text = program(row.name, type.arguments, choice: trial)
                let inputs = firstOrder.map { samples.value(of: $0) }
                let stepLimit = Self.stepLimits[trial % Self.stepLimits.count]
                let run = try Comparison.run(text, request.description, inputs, stepLimit: stepLimit,
                                             memoryLimit: 64 << 20, table: table)
                #expect(run.fallbacks == 0, "\(text) on \(inputs) did not run compiled")
                if run.compiled != run.reference {
                    Issue.record("\(text) on \(inputs) with \(stepLimit) steps: compiled \(run.compiled), reference \(run.reference)")
                    return
                }
            }
        }
    }

    /// `(lambda … (name a0 a1 …))`: first-order arguments are the λ's variables in order,
    /// function arguments come from `functions`, the `choice`-th in turn.
    private func program(_ name: String, _ arguments: [TypeExpr], choice: Int) -> String {
        let firstOrder = arguments.filter { !$0.isArrow }.count
        var next = firstOrder
        let spelled = arguments.map { argument -> String in
            if argument.isArrow {
                let pool = Self.functions[argument] ?? []
                return pool[(choice / 4) % pool.count]
            }
            next -= 1
            return "$\(next)"
        }
        let body = "(\(name) \(spelled.joined(separator: " ")))"
        return String(repeating: "(lambda ", count: firstOrder) + body + String(repeating: ")", count: firstOrder)
    }
}
