/// Runs search candidates, given as `ProgramCode`s, on a task's examples many times faster
/// than `Evaluator`, with exactly its results: the same value, or a failure.
///
/// A candidate is compiled in one pass (`CandidateCompiler`): variables become stack slots,
/// learned abstractions and the λ-arguments of `map`, `fold` and `unfold` are inlined, and the
/// result runs as a tree walk over 64-bit words with lists in a reused arena
/// (`CompiledMachine`), counting the reference's steps as it goes. What the compiled subset
/// leaves out — strings and bit-vectors, `=` at other than integers or Booleans, partial
/// applications, functions stored in lists, returned or accumulated, programs whose
/// evaluations could nest `Evaluator.maximumDepth` deep, arenas past `memoryLimit` — runs on
/// the reference `Evaluator` instead and is counted in `fallbacks`.
///
/// ```swift
/// let leaves = grammar.productions.map(\.program)
/// let evaluator = CompiledEvaluator(leaves: leaves, stepLimit: 5_000, memoryLimit: 64 << 20)
/// evaluator.load(request: task.request, examples: task.examples.map { ($0.inputs, $0.output) })
/// codes.withUnsafeBufferPointer { evaluator.fits($0) }   // the candidate solves the task
/// ```
///
/// For a candidate well typed at the loaded request (as a typed enumeration builds them), the
/// result is the reference's exactly, failure kind included: a compiled run meets failures in
/// the reference's order and counts its steps, so it also runs out of steps where the reference
/// would. Codes that do not type-check are outside this contract; their runs stay within the
/// evaluator's buffers, and a word that is no list where one belongs makes them fall back.
///
/// Not thread-safe: a search thread keeps its own evaluator, which reuses its buffers.
public final class CompiledEvaluator {
    public let leaves: [Program]
    public let stepLimit: Int
    /// The bytes the arena and scratch space of one run may take; a run that needs more is
    /// handed to the reference evaluator.
    public let memoryLimit: Int
    /// Candidates checked (`fits` and `run` calls).
    public private(set) var candidates = 0
    /// Candidates that the reference evaluator ran, for some example or all.
    public private(set) var fallbacks = 0
    /// The reference's steps up to the value or the failure of the last `run`, when it ran
    /// compiled and did not run out of steps: the reference produces the same with a step limit
    /// of `steps` and runs out with one less. `nil` otherwise.
    public private(set) var steps: Int?

    let reference: Evaluator
    let leafArities: [Int]
    let leafCount: Int
    let symbols: UnsafeMutablePointer<CompiledLibrary.Symbol>
    let symbolCount: Int
    let bodies: UnsafeMutablePointer<Int32>
    let nodes: UnsafeMutablePointer<CompiledNode>
    let bindings: UnsafeMutablePointer<CandidateCompiler.Binding>
    let wordLimit: Int
    var arena: WordBuffer
    var scratch: WordBuffer
    var stack: UnsafeMutablePointer<Int>
    var task = CompiledTask()

    public init(leaves: [Program], stepLimit: Int, memoryLimit: Int) {
        self.leaves = leaves
        self.stepLimit = stepLimit
        self.memoryLimit = memoryLimit
        reference = Evaluator(stepLimit: stepLimit)
        leafArities = leaves.map(ProgramCode.arity(ofLeaf:))
        leafCount = leaves.count
        let library = CompiledLibrary(leaves: leaves)
        symbolCount = library.symbols.count
        symbols = .allocate(capacity: max(symbolCount, 1))
        symbols.initialize(from: library.symbols, count: symbolCount)
        bodies = .allocate(capacity: max(library.bodies.count, 1))
        bodies.initialize(from: library.bodies, count: library.bodies.count)
        nodes = .allocate(capacity: CandidateCompiler.nodeLimit)
        bindings = .allocate(capacity: CandidateCompiler.bindingLimit)
        wordLimit = max(memoryLimit / MemoryLayout<Int>.stride, 64)
        arena = WordBuffer(capacity: min(4_096, wordLimit / 2))
        scratch = WordBuffer(capacity: min(1_024, wordLimit / 2))
        stack = .allocate(capacity: CandidateCompiler.stackCapacity)
    }

    deinit {
        symbols.deallocate()
        bodies.deallocate()
        nodes.deallocate()
        bindings.deallocate()
        arena.deallocate()
        scratch.deallocate()
        stack.deallocate()
    }

    /// Whether the candidate reproduces every loaded example's output; stops at the first
    /// example that differs or fails. `codes` must be well formed over `leaves`.
    public func fits(_ codes: UnsafeBufferPointer<Int32>) -> Bool {
        candidates += 1
        guard task.isCompiled, let root = compile(codes) else {
            fallbacks += 1
            let program = ProgramCode.program(from: codes, leaves: leaves, leafArities: leafArities)
            return task.examples.allSatisfy { (try? reference.run(program, on: $0.inputs)) == $0.output }
        }
        var machine = makeMachine()
        defer { keepBuffers(of: machine) }
        var fellBack = false
        for example in 0..<task.exampleCount {
            do {
                let word = try run(root, example: example, on: &machine)
                let arena = machine.arena
                if !task.output.isValid(word, in: arena.pointer, count: arena.count)
                    || !task.output.equal(word, task.expected[example], in: arena.pointer) { return false }
            } catch .fallback {
                if !fellBack { fallbacks += 1 }
                fellBack = true
                let program = ProgramCode.program(from: codes, leaves: leaves, leafArities: leafArities)
                let (inputs, output) = task.examples[example]
                if (try? reference.run(program, on: inputs)) != output { return false }
            } catch {
                return false
            }
        }
        return true
    }

    /// The candidate's result on loaded example `example`, or its failure.
    public func run(_ codes: UnsafeBufferPointer<Int32>, example: Int) -> Result<Value, EvaluationFailure> {
        precondition(task.examples.indices.contains(example), "no example \(example) is loaded")
        candidates += 1
        steps = nil
        let inputs = task.examples[example].inputs
        guard task.isCompiled, let root = compile(codes) else {
            fallbacks += 1
            return referenceRun(codes, on: inputs)
        }
        var machine = makeMachine()
        defer { keepBuffers(of: machine) }
        do throws(CompiledStop) {
            let word = try run(root, example: example, on: &machine)
            guard task.output.isValid(word, in: machine.arena.pointer, count: machine.arena.count) else { throw CompiledStop.fallback }
            steps = machine.ticks
            return .success(task.output.decode(word, in: machine.arena.pointer))
        } catch {
            guard let failure = error.failure else {
                fallbacks += 1
                return referenceRun(codes, on: inputs)
            }
            if failure != .budgetExhausted { steps = machine.ticks }
            return .failure(failure)
        }
    }

    private func referenceRun(_ codes: UnsafeBufferPointer<Int32>, on inputs: [Value]) -> Result<Value, EvaluationFailure> {
        let program = ProgramCode.program(from: codes, leaves: leaves, leafArities: leafArities)
        return Result { () throws(EvaluationFailure) -> Value in try reference.run(program, on: inputs) }
    }

    /// The root of the candidate's compiled nodes, `nil` outside the compiled subset.
    func compile(_ codes: UnsafeBufferPointer<Int32>) -> Int32? {
        guard let base = codes.baseAddress else { preconditionFailure("no program codes") }
        precondition(isWellFormed(codes), "malformed program codes")
        var compiler = CandidateCompiler(symbols: symbols, bodies: bodies, nodes: nodes, bindings: bindings, stack: stack)
        return try? compiler.compile(base, inputs: task.inputCount)
    }

    private func isWellFormed(_ codes: UnsafeBufferPointer<Int32>) -> Bool {
        var open = 1
        for code in codes {
            if open == 0 { return false }
            if code >= 0 {
                if Int(code) >= leafCount { return false }
                open += Int(symbols[Int(code)].arity)
            } else if code == ProgramCode.lambda {
                open += 1
            } else {
                open += CandidateCompiler.variable(code).arity
            }
            open -= 1
        }
        return open == 0
    }

    func makeMachine() -> CompiledMachine {
        CompiledMachine(nodes: nodes, stack: stack, arena: arena, scratch: scratch, wordLimit: wordLimit, stepLimit: stepLimit)
    }

    /// Adopts the machine's buffers, which it may have grown.
    func keepBuffers(of machine: CompiledMachine) {
        arena = machine.arena
        scratch = machine.scratch
    }

    /// Runs compiled `root` on one example from a fresh arena.
    func run(_ root: Int32, example: Int, on machine: inout CompiledMachine) throws(CompiledStop) -> Int {
        machine.arena.count = task.arenaWords
        machine.scratch.count = 0
        machine.ticks = 0
        let inputCount = task.inputCount
        for input in 0..<inputCount {
            stack[input] = task.inputs[example * inputCount + input]
        }
        return try machine.run(root)
    }
}
