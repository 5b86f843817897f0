import Foundation
import Grammar
import Language
import Search

// Measures what checking one search candidate against a task's examples costs with the
// reference evaluator and with the compiled one: the first N programs of a top-down
// enumeration over the lists grammar, 10 examples of up to 8 elements, step limit 5,000,
// stopping at the first example that fails, as the search does. Prints the best of 5 passes.
//
//   swift run -c release CompiledEvaluationBenchmark [--programs N] [--compiled-only]
//
// `--compiled-only` skips the reference (for profiling the compiled evaluator with `perf`).

var count = 50_000
if let index = CommandLine.arguments.firstIndex(of: "--programs"), index + 1 < CommandLine.arguments.count {
    count = Int(CommandLine.arguments[index + 1]) ?? count
}
let grammar = try! Grammar(parsing: String(contentsOfFile: "../Grammars/lists.grammar", encoding: .utf8))
let leaves = grammar.productions.map(\.program)
var indexOfLeaf: [Program: Int32] = [:]
for (index, leaf) in leaves.enumerated() { indexOfLeaf[leaf] = Int32(index) }
let stepLimit = 5_000
let compiledOnly = CommandLine.arguments.contains("--compiled-only")

/// Seconds per pass of `body`, the best of 5 (of 50 when profiling).
func best(_ body: () -> Int) -> (seconds: Double, result: Int) {
    var fastest = Double.infinity
    var result = 0
    for _ in 0..<(compiledOnly ? 50 : 5) {
        let start = ContinuousClock.now
        result = body()
        let elapsed = ContinuousClock.now - start
        fastest = min(fastest, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return (fastest, result)
}

print("Checking candidates on 10 examples, lists grammar, step limit \(stepLimit), release build, one core")
for (request, target) in [("list(int) -> list(int)", "(lambda (map (lambda (* $0 $0)) (cdr $0)))"),
                          ("list(int) -> int", "(lambda (fold $0 0 (lambda (lambda (+ (* $1 $1) $0)))))")] {
    let type = try! TypeExpr(parsing: request)
    var random = SplitMix64(seed: 7)
    let targetProgram = try! Program(parsing: target)
    let examples = (0..<10).map { _ -> (inputs: [Value], output: Value) in
        let inputs = [Value.list((0..<Int(random.next() % 9)).map { _ in .int(Int(random.next() % 20)) })]
        return (inputs, (try? Evaluator().run(targetProgram, on: inputs)) ?? .int(0))
    }
    var programs: [Program] = []
    var codes: [[Int32]] = []
    _ = TopDownEnumerator(grammar: grammar, request: type).run { program, _ in
        programs.append(program)
        codes.append(ProgramCode.codes(of: program, leafIndex: { indexOfLeaf[$0] })!)
        return programs.count < count
    }
    let evaluator = Evaluator(stepLimit: stepLimit)
    let reference = compiledOnly ? (seconds: Double.nan, result: -1) : best {
        var fitting = 0
        for program in programs where examples.allSatisfy({ (try? evaluator.run(program, on: $0.inputs)) == $0.output }) {
            fitting += 1
        }
        return fitting
    }
    let compiled = CompiledEvaluator(leaves: leaves, stepLimit: stepLimit, memoryLimit: 64 << 20)
    compiled.load(request: type, examples: examples)
    let fast = best {
        var fitting = 0
        for candidate in codes where candidate.withUnsafeBufferPointer({ compiled.fits($0) }) {
            fitting += 1
        }
        return fitting
    }
    precondition(compiledOnly || reference.result == fast.result, "the evaluators disagree: \(reference.result) and \(fast.result) programs fit")
    let (referenceNanoseconds, compiledNanoseconds) = (reference.seconds * 1e9 / Double(count), fast.seconds * 1e9 / Double(count))
    print("\(request), \(count) programs (\(fast.result) fit, \(compiled.fallbacks / 5) fall back): reference "
          + String(format: "%.0f ns, compiled %.0f ns per candidate: %.1fx", referenceNanoseconds, compiledNanoseconds,
                   referenceNanoseconds / compiledNanoseconds))
}
