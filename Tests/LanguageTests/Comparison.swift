import Testing
import Language

/// One program run by the compiled evaluator and by the reference on the same inputs, with
/// the helpers that set such runs up.
struct Comparison {
    var compiled: Result<Value, EvaluationFailure>
    var reference: Result<Value, EvaluationFailure>
    /// The compiled evaluator's `steps` after the run.
    var steps: Int?
    var fallbacks: Int

    /// Runs `text`, read with `table`, on `inputs` with both evaluators; the program's own
    /// leaves are the compiled evaluator's.
    static func run(_ text: String, _ request: String, _ inputs: [Value] = [], stepLimit: Int = 1_000_000,
                    memoryLimit: Int = 1 << 24, table: PrimitiveTable = learned) throws -> Comparison {
        let program = try Program(parsing: text, primitives: table)
        let type = try TypeExpr(parsing: request)
        let leaves = leaves(of: program)
        let codes = try #require(ProgramCode.codes(of: program, leafIndex: { leaves.firstIndex(of: $0).map(Int32.init) }))
        let evaluator = CompiledEvaluator(leaves: leaves, stepLimit: stepLimit, memoryLimit: memoryLimit)
        evaluator.load(request: type, examples: [(inputs: inputs, output: placeholder(type.returnType))])
        let compiled = codes.withUnsafeBufferPointer { evaluator.run($0, example: 0) }
        let reference = Result { () throws(EvaluationFailure) -> Value in
            try Evaluator(stepLimit: stepLimit).run(program, on: inputs)
        }
        return Comparison(compiled: compiled, reference: reference, steps: evaluator.steps, fallbacks: evaluator.fallbacks)
    }

    /// The leaves (primitives and abstractions) of `program`, in order of first appearance.
    static func leaves(of program: Program) -> [Program] {
        var result: [Program] = []
        func visit(_ p: Program) {
            switch p {
            case .primitive, .invented: if !result.contains(p) { result.append(p) }
            case .variable: break
            case .lambda(let body): visit(body)
            case .apply(let f, let x): visit(f); visit(x)
            }
        }
        visit(program)
        return result
    }

    /// A value of `type` to stand for an example's output.
    static func placeholder(_ type: TypeExpr) -> Value {
        switch type {
        case .bool: return .bool(false)
        case .list: return .list([])
        default: return .int(0)
        }
    }

    /// The builtins and `definitions` (name, body), each body reading the ones before it.
    static func library(_ definitions: [(String, String)]) throws -> PrimitiveTable {
        var table = PrimitiveTable.builtins()
        for (name, body) in definitions {
            table.add(try Abstraction(name: name, body: Program(parsing: body, primitives: table)))
        }
        return table
    }

    /// Learned abstractions over the lists grammar: first order, nested, and higher order with
    /// the function argument given to `map` or `fold` or applied in the body.
    static let learned = try! library([
        ("fn_0", "(lambda (+ 1 $0))"),
        ("fn_2", "(lambda (lambda (map $0 (range $1))))"),
        ("fn_3", "(lambda (lambda (fold $0 empty (lambda (lambda (if ($3 $1) (cons $1 $0) $0))))))"),
        ("fn_4", "(lambda (lambda (fold $1 0 $0)))"),
        ("fn_5", "(lambda (fn_0 (fn_0 $0)))"),
        ("fn_6", "(lambda (lambda (fn_4 (map $1 $0) (lambda (lambda (+ $0 $1))))))"),
    ])
}
