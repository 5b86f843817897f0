import Language

/// A task given by input/output examples for a λ-program of a requested type.
///
/// The request is a curried function type: its `arguments` are the types of each example's
/// `inputs` (in order) and its `returnType` is the type of the `output`. Invariant (kept by
/// `readAll(json:)`): the request is monomorphic and first-order in its arguments and result
/// (no type variables, no function-typed inputs or outputs), every example has one input per
/// argument, and every value has the type the request gives it.
///
/// ```swift
/// let tasks = try ExampleTask.readAll(json: """
///     [{"name": "add-1", "request": "list(int) -> list(int)",
///       "examples": [{"inputs": [[1, 2]], "output": [2, 3]}]}]
///     """)
/// tasks[0].examples[0].output   // .list([.int(2), .int(3)])
/// ```
public struct ExampleTask: Hashable, Sendable {
    /// One input/output pair: the program applied to `inputs` must give `output`.
    public struct Example: Hashable, Sendable {
        public var inputs: [Value]
        public var output: Value

        public init(inputs: [Value], output: Value) {
            self.inputs = inputs
            self.output = output
        }
    }

    public var name: String
    /// The type of the program to find, e.g. `list(int) -> list(int)`.
    public var request: TypeExpr
    public var examples: [Example]

    public init(name: String, request: TypeExpr, examples: [Example]) {
        self.name = name
        self.request = request
        self.examples = examples
    }
}
