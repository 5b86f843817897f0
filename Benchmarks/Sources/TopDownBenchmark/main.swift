import Foundation
import Grammar
import Language
import Search

// Measures typed top-down enumeration with the lists grammar, one core, release build:
// complete programs produced and run on 10 examples per second (each program run on every
// example, step limit 100,000, with the compiled evaluator the search uses, and with
// --reference the reference evaluator too), and the same enumeration without running
// anything (its expansions and programs per second). With --hash N it prints a hash of the
// first N programs of each request in the order they are handed out (their text and log
// prior), which must not change when the enumerator is made faster. Both measure the
// enumeration with the pruning rules it had before argument orders were pruned
// (`TopDownPruning.shapes`); a last row runs the search's own pruning (`.all`), which hands
// out fewer programs.
//
//   swift run -c release TopDownBenchmark [--seconds S] [--hash N] [--reference] [--cost C]

func option(_ name: String) -> String? {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[index + 1]
}

let seconds = option("--seconds").flatMap(Double.init) ?? 5.0
let hashCount = option("--hash").flatMap(Int.init)
let text = try! String(contentsOfFile: "../Grammars/lists.grammar", encoding: .utf8)
let grammar = try! Grammar(parsing: text)
var random = SplitMix64(seed: 7)
let examples = (0..<10).map { _ in [Value.list((0..<Int(random.next() % 8)).map { _ in .int(Int(random.next() % 20)) })] }
let evaluator = Evaluator(stepLimit: 100_000)
let withReference = CommandLine.arguments.contains("--reference")
let requests = ["list(int) -> list(int)", "list(int) -> int"]

func secondsSince(_ start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
}

/// FNV-1a over the programs' text and log priors (printed to 9 decimals).
func programHash(_ request: String, count: Int) -> (UInt64, Int) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var seen = 0
    let enumerator = TopDownEnumerator(grammar: grammar, request: try! TypeExpr(parsing: request), pruning: .shapes)
    _ = enumerator.run { program, logPrior in
        for byte in "\(program) \(String(format: "%.9f", logPrior))\n".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        seen += 1
        return seen < count
    }
    return (hash, seen)
}

// --cost C: the time to enumerate every program up to cost C (nats), without running them.
if let bound = option("--cost").flatMap(Double.init) {
    for request in requests {
        let enumerator = TopDownEnumerator(grammar: grammar, request: try! TypeExpr(parsing: request), pruning: .shapes)
        let start = ContinuousClock.now
        var count = 0
        _ = enumerator.run(maximumCost: bound) { (_: UnsafeBufferPointer<Int32>, _: Double) in
            count += 1
            return true
        }
        let spent = secondsSince(start)
        print("\(request): \(count) programs up to cost \(bound) in \(String(format: "%.3f", spent)) s, \(enumerator.expansions) expansions")
    }
    exit(0)
}

if let hashCount {
    for request in requests {
        let (hash, seen) = programHash(request, count: hashCount)
        print("\(request): first \(seen) programs hash \(String(hash, radix: 16))")
    }
    exit(0)
}

print("Top-down enumeration with Grammars/lists.grammar, release build, one core, \(seconds) s per request")
for request in requests {
    let type = try! TypeExpr(parsing: request)
    // Enumeration alone.
    let bare = TopDownEnumerator(grammar: grammar, request: type, pruning: .shapes)
    var start = ContinuousClock.now
    var produced = 0
    _ = bare.run(deadline: start + .milliseconds(Int(seconds * 1000))) { (_: UnsafeBufferPointer<Int32>, _: Double) in
        produced += 1
        return true
    }
    let bareSeconds = secondsSince(start)
    let bareRate = Double(produced) / bareSeconds
    print("\(request), enumeration only: \(produced) programs in \(String(format: "%.2f", bareSeconds)) s = \(Int(bareRate)) programs/s, \(Int(Double(bare.expansions) / bareSeconds)) expansions/s")
    // Enumeration with every program run on every example, by the compiled evaluator (and the reference).
    let runs: [(compiled: Bool, pruning: TopDownPruning)] = (withReference ? [(true, .shapes), (false, .shapes)] : [(true, .shapes)]) + [(true, .all)]
    for (compiled, pruning) in runs {
        let enumerator = TopDownEnumerator(grammar: grammar, request: type, pruning: pruning)
        let runner = CompiledEvaluator(leaves: enumerator.leaves, stepLimit: 100_000, memoryLimit: 1 << 30)
        let placeholder: Value = type.returnType == .int ? .int(0) : .list([])
        runner.load(request: type, examples: examples.map { ($0, placeholder) })
        start = ContinuousClock.now
        var evaluated = 0
        var lastPrior = 0.0
        var values = 0
        let outcome = enumerator.run(deadline: start + .milliseconds(Int(seconds * 1000))) { (codes: UnsafeBufferPointer<Int32>, logPrior: Double) -> Bool in
            if compiled {
                for example in examples.indices {
                    if case .success = runner.run(codes, example: example) { values += 1 }
                }
            } else {
                let program = enumerator.program(from: codes)
                for example in examples where (try? evaluator.run(program, on: example)) != nil { values += 1 }
            }
            evaluated += 1
            lastPrior = logPrior
            return true
        }
        let spent = secondsSince(start)
        let rate = Double(evaluated) / spent
        let name = (compiled ? "compiled" : "reference") + (pruning == .all ? ", argument orders pruned too" : "")
        print("\(request), run on 10 examples (\(name)): \(evaluated) programs in \(String(format: "%.2f", spent)) s = \(Int(rate)) programs/s (\(String(format: "%.3f", rate / bareRate)) of the enumeration-only rate), \(values) values; reached log prior \(String(format: "%.2f", lastPrior)); \(outcome)")
    }
}
