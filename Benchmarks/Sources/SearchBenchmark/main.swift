import Foundation
import Language
import Search
import Tasks

// Measures the bottom-up enumerator's rate on one core: candidates built and evaluated per
// second on a problem's examples, searching for the given time without stopping at an answer.
//
//   swift run -c release SearchBenchmark [FILE.sl ...] [--seconds S]
//
// Default files: a PBE_BV problem (1,000 examples would be slow; these have 10 to 100) and a
// PBE string problem from ../shared/benchmarks/sygus.

var arguments = Array(CommandLine.arguments.dropFirst())
var seconds = 5.0
if let index = arguments.firstIndex(of: "--seconds"), index + 1 < arguments.count {
    seconds = Double(arguments[index + 1]) ?? seconds
    arguments.removeSubrange(index...(index + 1))
}
let root = "../../shared/benchmarks/sygus"
let files = arguments.isEmpty
    ? ["\(root)/PBE_BV/\((try? FileManager.default.contentsOfDirectory(atPath: "\(root)/PBE_BV").sorted().first) ?? "")",
       "\(root)/PBE_Strings/euphony/exceljet4.sl"]
    : arguments

print("Bottom-up enumeration rate, release build, one core, \(seconds) s per file")
for file in files {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        print("\(file): cannot be read")
        continue
    }
    let problem: SyGuSProblem
    do {
        problem = try SyGuSProblem(parsing: text)
    } catch {
        print("\(file):\(error)")
        continue
    }
    let evaluator = ExpressionEvaluator(definitions: problem.definitions)
    var inputs: [[Value]] = []
    for constraint in problem.constraints {
        guard case .builtin(_, let sides) = constraint, sides.count == 2,
              case .synthesized(_, let arguments) = sides[0] else { continue }
        inputs.append(arguments.compactMap { try? evaluator.evaluate($0, variables: []) })
    }
    let function = problem.functions[0]
    do {
        let enumerator = try BottomUpEnumerator(grammar: function.grammar, definitions: problem.definitions,
                                                parameterSorts: function.parameters.map(\.sort), inputs: inputs)
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = enumerator.run(deadline: start + .milliseconds(Int(seconds * 1000))) { _ in true }
        let elapsed = clock.now - start
        let spent = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let rate = Double(enumerator.candidates) / spent
        print("\(URL(fileURLWithPath: file).lastPathComponent): \(inputs.count) examples, \(enumerator.candidates) candidates in \(String(format: "%.2f", spent)) s = \(Int(rate)) candidates/s (\(Int(rate * Double(inputs.count))) example evaluations/s); kept \(enumerator.entryCount) programs up to cost \(enumerator.currentCost); \(outcome)")
    } catch {
        print("\(file): \(error)")
    }
}
