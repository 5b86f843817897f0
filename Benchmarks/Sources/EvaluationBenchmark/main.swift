import Language

// Measures how fast the evaluator runs programs: a 10-node bit-vector program and a
// map/fold list program, each on 10 examples. Prints the median of 5 one-second runs.

/// Runs `program` on every example repeatedly for about a second; returns examples evaluated per second.
func measure(_ program: Program, _ examples: [[Value]]) -> Double {
    let evaluator = Evaluator()
    var runs = 0
    var checksum = 0
    let clock = ContinuousClock()
    let start = clock.now
    var elapsed: Duration = .zero
    while elapsed < .seconds(1) {
        for _ in 0..<1_000 {
            for example in examples {
                if case .some = try? evaluator.run(program, on: example) { checksum &+= 1 }
            }
        }
        runs += 1_000
        elapsed = clock.now - start
    }
    precondition(checksum > 0)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return Double(runs * examples.count) / seconds
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func report(_ name: String, _ program: Program, _ examples: [[Value]]) {
    let rates = (0..<5).map { _ in measure(program, examples) }
    let perExample = median(rates)
    let line = "\(name): \(program)\n  \(Int(perExample)) example evaluations/s, \(Int(perExample / Double(examples.count))) programs-on-10-examples/s"
    print(line)
}

var random = SplitMix64(seed: 42)

let bitVectorProgram = try! Program(
    parsing: "(lambda (bvor (bvand $0 (bvsub $0 #x0000000000000001)) (bvlshr (bvnot $0) #x0000000000000004)))")
let bitVectorExamples = (0..<10).map { _ in [Value.bitVector(random.next(), width: 64)] }

let listProgram = try! Program(
    parsing: "(lambda (fold (map (lambda (* $0 2)) $0) 0 (lambda (lambda (+ $0 $1)))))")
let listExamples = (0..<10).map { _ in [Value.list((0..<10).map { _ in .int(Int(random.next() % 100)) })] }

print("Evaluator throughput, release build, one core")
report("bit-vector, 10 nodes", bitVectorProgram, bitVectorExamples)
report("list map/fold, 10-element lists", listProgram, listExamples)
