import Foundation
import Grammar
import Language
import Search

// Measures typed top-down enumeration with the lists grammar: complete programs produced
// (and run on 10 examples) per second, one core, release build.
//
//   swift run -c release TopDownBenchmark [--seconds S]

var seconds = 5.0
if let index = CommandLine.arguments.firstIndex(of: "--seconds"), index + 1 < CommandLine.arguments.count {
    seconds = Double(CommandLine.arguments[index + 1]) ?? seconds
}
let text = try! String(contentsOfFile: "../Grammars/lists.grammar", encoding: .utf8)
let grammar = try! Grammar(parsing: text)
var random = SplitMix64(seed: 7)
let examples = (0..<10).map { _ in [Value.list((0..<Int(random.next() % 8)).map { _ in .int(Int(random.next() % 20)) })] }
let evaluator = Evaluator(stepLimit: 100_000)

print("Top-down enumeration with Grammars/lists.grammar, release build, one core, \(seconds) s per request")
for request in ["list(int) -> list(int)", "list(int) -> int"] {
    let enumerator = TopDownEnumerator(grammar: grammar, request: try! TypeExpr(parsing: request))
    let clock = ContinuousClock()
    let start = clock.now
    var evaluated = 0
    var lastPrior = 0.0
    let outcome = enumerator.run(deadline: start + .milliseconds(Int(seconds * 1000))) { program, logPrior in
        for example in examples { _ = try? evaluator.run(program, on: example) }
        evaluated += 1
        lastPrior = logPrior
        return true
    }
    let elapsed = clock.now - start
    let spent = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    print("\(request): \(evaluated) programs in \(String(format: "%.2f", spent)) s = \(Int(Double(evaluated) / spent)) programs/s, \(Int(Double(enumerator.expansions) / spent)) expansions/s; reached log prior \(String(format: "%.2f", lastPrior)); \(outcome)")
}
