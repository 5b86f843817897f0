import Foundation
import Grammar
import Language
import Search
import Testing
import TestSupport

/// The compiled evaluator against the reference `Evaluator` on every program of a top-down
/// enumeration: the same value or the same failure, on seeded random examples, at step limits
/// small enough that the budget runs out often.
@Suite struct CompiledEvaluatorOracleTests {
    static let lists = try! Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))

    /// The lists grammar with learned abstractions: first-order ones, higher-order ones whose
    /// function arguments the body passes to `map`/`fold` or applies itself, and nested ones.
    static let learned = try! Grammar(parsing: TestSupport.text("Grammars/lists.grammar") + """

        (define fn_0 "int -> int" (lambda (+ 1 $0)) -1.0)
        (define fn_1 "list(t0) -> t0" (lambda (index 0 $0)) -1.0)
        (define fn_2 "int -> (int -> t0) -> list(t0)" (lambda (lambda (map $0 (range $1)))) -1.0)
        (define fn_3 (lambda (lambda (fold $0 empty (lambda (lambda (if ($3 $1) (cons $1 $0) $0)))))) -1.0)
        (define fn_4 (lambda (lambda (fold $1 0 $0))) -1.0)
        (define fn_5 "int -> int" (lambda (fn_0 (fn_0 $0))) -1.0)
        (define fn_6 (lambda (lambda (fn_4 (map $1 $0) (lambda (lambda (+ $0 $1)))))) -1.0)
        (define fn_7 "list(int)" (range 5) -1.0)
        """)

    /// One request's enumeration: how many programs, the program whose outputs the examples
    /// show, and how many of them run under each evaluator.
    struct Case: CustomStringConvertible {
        var grammar: Grammar
        var name: String
        var request: String
        var count: Int
        var target: String

        var description: String { "\(name) \(request)" }
    }

    static let cases: [Case] = [
        Case(grammar: lists, name: "lists", request: "list(int) -> list(int)", count: 30_000, target: "(lambda (map (lambda (+ $0 1)) $0))"),
        Case(grammar: lists, name: "lists", request: "list(int) -> int", count: 25_000, target: "(lambda (length $0))"),
        Case(grammar: lists, name: "lists", request: "list(int) -> bool", count: 10_000, target: "(lambda (empty? $0))"),
        Case(grammar: lists, name: "lists", request: "int -> list(int)", count: 12_000, target: "(lambda (cons $0 empty))"),
        Case(grammar: lists, name: "lists", request: "list(int) -> list(int) -> list(int)", count: 10_000, target: "(lambda (lambda $0))"),
        Case(grammar: lists, name: "lists", request: "list(list(int)) -> list(int)", count: 5_000, target: "(lambda (map (lambda (length $0)) $0))"),
        Case(grammar: learned, name: "learned", request: "list(int) -> list(int)", count: 10_000, target: "(lambda (cons 1 $0))"),
        Case(grammar: learned, name: "learned", request: "list(int) -> int", count: 6_000, target: "(lambda (car $0))"),
        Case(grammar: learned, name: "learned", request: "int -> list(int)", count: 4_000, target: "(lambda (cons $0 empty))"),
    ]

    /// Step limits in turn: small ones so that the budget runs out at every point, and the solver's.
    static let stepLimits = [200, 700, 2_000, 5_000]

    @Test(arguments: cases)
    func compiledRunsAgreeWithTheReference(_ c: Case) throws {
        let request = try TypeExpr(parsing: c.request)
        let leaves = c.grammar.productions.map(\.program)
        var indexOfLeaf: [Program: Int32] = [:]
        for (index, leaf) in leaves.enumerated() { indexOfLeaf[leaf] = Int32(index) }
        var random = SplitMix64(seed: SplitMix64.seed(for: c.description))
        let target = try Program(parsing: c.target)
        let examples = (0..<8).map { _ in
            let inputs = request.arguments.map { random.oracleValue(of: $0) }
            let output = (try? Evaluator().run(target, on: inputs)) ?? random.oracleValue(of: request.returnType)
            return (inputs: inputs, output: output)
        }
        let compiled = Self.stepLimits.map { CompiledEvaluator(leaves: leaves, stepLimit: $0, memoryLimit: 64 << 20) }
        for evaluator in compiled { evaluator.load(request: request, examples: examples) }
        let references = Self.stepLimits.map { Evaluator(stepLimit: $0) }

        var checked = 0
        var fitting = 0
        var disagreement: String?
        _ = TopDownEnumerator(grammar: c.grammar, request: request).run { program, _ in
            guard let codes = ProgramCode.codes(of: program, leafIndex: { indexOfLeaf[$0] }) else {
                disagreement = "\(program) has no codes"
                return false
            }
            if ProgramCode.program(from: codes, leaves: leaves) != program {
                disagreement = "\(program) decodes to \(ProgramCode.program(from: codes, leaves: leaves))"
                return false
            }
            let which = checked % Self.stepLimits.count
            let (evaluator, reference) = (compiled[which], references[which])
            codes.withUnsafeBufferPointer { buffer in
                // Three examples in turn through `run`, all of them through `fits`.
                for k in 0..<3 {
                    let example = (checked * 3 + k) % examples.count
                    let expected = Result { () throws(EvaluationFailure) -> Value in
                        try reference.run(program, on: examples[example].inputs)
                    }
                    let actual = evaluator.run(buffer, example: example)
                    if actual != expected {
                        disagreement = "\(program) on \(examples[example].inputs) with \(reference.stepLimit) steps: "
                            + "compiled \(actual), reference \(expected)"
                        return
                    }
                    // The steps counted are the reference's exactly: it gives the same with
                    // that many and runs out with one less.
                    if k == 0, let steps = evaluator.steps {
                        let atLimit = Result { () throws(EvaluationFailure) -> Value in
                            try Evaluator(stepLimit: steps).run(program, on: examples[example].inputs)
                        }
                        let belowLimit = Result { () throws(EvaluationFailure) -> Value in
                            try Evaluator(stepLimit: steps - 1).run(program, on: examples[example].inputs)
                        }
                        if atLimit != actual || belowLimit != .failure(.budgetExhausted) {
                            disagreement = "\(program) on \(examples[example].inputs): compiled counts \(steps) steps, "
                                + "reference gives \(atLimit) with \(steps) and \(belowLimit) with one less"
                            return
                        }
                    }
                }
                let fits = examples.allSatisfy { (try? reference.run(program, on: $0.inputs)) == $0.output }
                if evaluator.fits(buffer) != fits {
                    disagreement = "\(program) with \(reference.stepLimit) steps: compiled fits \(!fits), reference \(fits)"
                }
                if fits { fitting += 1 }
            }
            checked += 1
            return disagreement == nil && checked < c.count
        }
        #expect(disagreement == nil, "\(disagreement ?? "")")
        #expect(checked == c.count)
        #expect(fitting > 0, "no program fits \(c.target)'s examples")
        #expect(compiled.map(\.fallbacks).reduce(0, +) == 0)
    }
}

extension SplitMix64 {
    /// A value of `type` for the oracle: small integers mostly, some at the edges of 64 bits;
    /// lists mostly short, some empty and some long.
    mutating func oracleValue(of type: TypeExpr) -> Value {
        switch type {
        case .int:
            let r = next() % 100
            if r < 70 { return .int(Int(next() % 18) - 5) }
            if r < 85 { return .int(Int(next() % 2_001) - 1_000) }
            let edges = [Int.max, Int.min, Int.max - 1, Int.min + 1, 1 << 62, -(1 << 62), 3_037_000_499, 1 << 32, -(1 << 32)]
            return .int(edges[Int(next() % UInt64(edges.count))])
        case .bool:
            return .bool(next() & 1 == 1)
        case .list(let element):
            let r = next() % 100
            let count = r < 15 ? 0 : r < 75 ? 1 + Int(next() % 8) : r < 95 ? 9 + Int(next() % 12) : 30 + Int(next() % 31)
            return .list((0..<count).map { _ in oracleValue(of: element) })
        default:
            return .int(0)
        }
    }
}
