extension CompiledEvaluator {
    /// Loads a task: its request (monomorphic and first order, such as `list(int) -> int`) and
    /// examples. A request or value outside the compiled subset (strings, bit-vectors, type
    /// variables, inputs that do not match the request) makes every later check run on the
    /// reference evaluator.
    public func load(request: TypeExpr, examples: [(inputs: [Value], output: Value)]) {
        var loaded = CompiledTask()
        loaded.examples = examples
        loaded.exampleCount = examples.count
        loaded.inputCount = request.arguments.count
        defer { task = loaded }
        let shapes = request.arguments.compactMap(WordShape.init)
        guard shapes.count == loaded.inputCount, let output = WordShape(request.returnType) else { return }
        loaded.output = output
        arena.count = 0
        let limit = wordLimit / 2
        for example in examples {
            guard example.inputs.count == loaded.inputCount else { return }
            for (value, shape) in zip(example.inputs, shapes) {
                guard let word = shape.encode(value, into: &arena, limit: limit) else { return }
                loaded.inputs.append(word)
            }
            guard let word = output.encode(example.output, into: &arena, limit: limit) else { return }
            loaded.expected.append(word)
        }
        loaded.arenaWords = arena.count
        loaded.isCompiled = true
    }
}
