/// A task as the compiled evaluator holds it: its examples as values (for the reference
/// evaluator) and, when the request and every value are in the compiled subset, as words.
///
/// Invariant: when `isCompiled`, `inputs` holds `exampleCount * inputCount` words (example by
/// example) and `expected` one per example, and their lists are the arena's first `arenaWords`
/// words, which no run overwrites.
struct CompiledTask {
    var examples: [(inputs: [Value], output: Value)] = []
    var isCompiled = false
    var inputCount = 0
    var exampleCount = 0
    var output = WordShape(.int)!
    var inputs: [Int] = []
    var expected: [Int] = []
    var arenaWords = 0
}
