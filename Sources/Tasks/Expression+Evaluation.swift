import Language

/// Evaluates SyGuS expressions on concrete values.
///
/// `variables` are the values of the problem's declared variables, `parameters` those of the
/// enclosing function's parameters; calls of functions to synthesize run the bodies given in
/// `solutions` (expressions over their parameters), or fail when a body is missing.
public struct ExpressionEvaluator: Sendable {
    public var definitions: [FunctionDefinition]
    public var solutions: [Int: Expression]

    public init(definitions: [FunctionDefinition], solutions: [Int: Expression] = [:]) {
        self.definitions = definitions
        self.solutions = solutions
    }

    /// Why an expression has no value.
    public enum Failure: Error, Hashable, Sendable {
        case evaluation(EvaluationFailure)
        case missingSolution(Int)
        case hole
        case tooDeep
    }

    /// Answers a call of a function to synthesize with its argument values, instead of a body
    /// from `solutions`: how a search tests a candidate known only by its outputs.
    public typealias Oracle = (_ function: Int, _ arguments: [Value]) throws(Failure) -> Value

    public func evaluate(_ e: Expression, variables: [Value], parameters: [Value] = [], oracle: Oracle? = nil) throws(Failure) -> Value {
        try evaluate(e, variables, parameters, oracle, depth: 0)
    }

    private func evaluate(_ e: Expression, _ variables: [Value], _ parameters: [Value], _ oracle: Oracle?, depth: Int) throws(Failure) -> Value {
        if depth > 500 { throw .tooDeep }
        switch e {
        case .constant(let v): return v
        case .variable(let i): return variables[i]
        case .parameter(let i): return parameters[i]
        case .nonterminal: throw .hole
        case .builtin(let primitive, let arguments):
            guard case .operation(let op) = primitive.implementation else {
                if case .constant(let v) = primitive.implementation { return v }
                throw .evaluation(.opaquePrimitive(primitive.name))
            }
            if op == .ite, arguments.count == 3 {
                guard case .bool(let c) = try evaluate(arguments[0], variables, parameters, oracle, depth: depth + 1) else {
                    throw .evaluation(.typeMismatch)
                }
                return try evaluate(arguments[c ? 1 : 2], variables, parameters, oracle, depth: depth + 1)
            }
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try evaluate(argument, variables, parameters, oracle, depth: depth + 1)) }
            do throws(EvaluationFailure) {
                switch values.count {
                case 1: return try op.evaluate(values[0])
                case 2: return try op.evaluate(values[0], values[1])
                case 3: return try op.evaluate(values[0], values[1], values[2])
                default: throw EvaluationFailure.typeMismatch
                }
            } catch {
                throw .evaluation(error)
            }
        case .definition(let d, let arguments):
            var values: [Value] = []
            for argument in arguments { values.append(try evaluate(argument, variables, parameters, oracle, depth: depth + 1)) }
            return try evaluate(definitions[d].body, variables, values, oracle, depth: depth + 1)
        case .synthesized(let f, let arguments):
            var values: [Value] = []
            for argument in arguments { values.append(try evaluate(argument, variables, parameters, oracle, depth: depth + 1)) }
            if let oracle { return try oracle(f, values) }
            guard let body = solutions[f] else { throw .missingSolution(f) }
            return try evaluate(body, variables, values, oracle, depth: depth + 1)
        }
    }
}
