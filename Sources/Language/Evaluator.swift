/// Runs programs on values. Never traps and never hangs: every failure (an empty `car`, an
/// index out of range, an overflow, a runaway `unfold` or `range`) is an `EvaluationFailure`,
/// and every run is bounded by a step budget.
///
/// ```swift
/// let p = try Program(parsing: "(lambda (map (lambda (+ $0 1)) $0))")
/// try Evaluator().run(p, on: [.list([.int(1), .int(2)])])   // [2, 3]
/// ```
public struct Evaluator: Sendable {
    /// The longest list or string any operation may build.
    public static let maximumListLength = 100_000

    /// The deepest nesting of evaluations one run may reach (subterms within subterms, a
    /// closure calling a closure, …). Deeper runs fail with `.budgetExhausted` instead of
    /// overflowing the stack: `fold` can compose 10,000 closures in a one-line program.
    public static let maximumDepth = 1_000

    /// The most evaluation steps one run may take. A step is a node visited, a function
    /// applied, or an element an operation copies or scans: `cons x l` and `cdr l` cost the
    /// length of `l` besides their node, `range n` costs `n`, and string operations the code
    /// points of their string arguments and of what they build. So a run's time and the
    /// memory it builds are both proportional to its steps.
    public var stepLimit: Int

    public init(stepLimit: Int = 1_000_000) {
        self.stepLimit = stepLimit
    }

    /// Applies `program` to `arguments` (the task's inputs, first argument first).
    ///
    /// A program with at least as many leading lambdas as arguments is run with the arguments
    /// bound directly, without building closures.
    public func run(_ program: Program, on arguments: [Value]) throws(EvaluationFailure) -> Value {
        var machine = Machine(steps: stepLimit)
        var body = program
        var bound = 0
        while bound < arguments.count, case .lambda(let inner) = body {
            body = inner
            bound += 1
        }
        var value = try machine.evaluate(body, Environment(Array(arguments[..<bound])))
        for argument in arguments[bound...] {
            value = try machine.apply(value, argument)
        }
        return value
    }

    /// Evaluates `program` in `environment` (its free variables' values, `$0` last).
    public func evaluate(_ program: Program, in environment: Environment = Environment()) throws(EvaluationFailure) -> Value {
        var machine = Machine(steps: stepLimit)
        return try machine.evaluate(program, environment)
    }
}

/// The evaluator's working state: the steps left in the budget.
struct Machine {
    var steps: Int
    /// The catalogue's dispatch table, read once per run rather than once per operation.
    let operators = Operators.dispatch
    /// The number of `evaluate` calls in progress.
    var depth = 0

    @inline(__always)
    mutating func tick(_ cost: Int = 1) throws(EvaluationFailure) {
        steps -= cost
        if steps < 0 { throw .budgetExhausted }
    }

    mutating func evaluate(_ program: Program, _ environment: Environment) throws(EvaluationFailure) -> Value {
        try tick()
        depth += 1
        defer { depth -= 1 }
        if depth > Evaluator.maximumDepth { throw .budgetExhausted }
        switch program {
        case .variable(let i):
            guard let value = environment[i] else { throw .unboundVariable(i) }
            return value
        case .primitive(let p):
            switch p.implementation {
            case .constant(let value): return value
            case .operation(let op): return try makeFunction(.partial(op, []))
            case .opaque: throw .opaquePrimitive(p.name)
            }
        case .invented(let a):
            return try evaluate(a.body, Environment())
        case .lambda:
            return try makeFunction(.lambda(program, environment))
        case .apply(let function, let argument):
            var head = function
            var count = 1
            while case .apply(let f, _) = head {
                head = f
                count += 1
            }
            if case .primitive(let p) = head, case .operation(let op) = p.implementation, count == operators[op.rawValue].arity {
                return try saturated(op, arity: count, program, environment)
            }
            let f = try evaluate(function, environment)
            let x = try evaluate(argument, environment)
            return try apply(f, x)
        }
    }

    /// A new function value; closures nested deeper than `Evaluator.maximumDepth` (a `fold`
    /// composing thousands of them) are a failure, since releasing them would overflow the stack.
    private func makeFunction(_ body: FunctionValue.Body) throws(EvaluationFailure) -> Value {
        let f = FunctionValue(body)
        if f.nesting > Evaluator.maximumDepth { throw .budgetExhausted }
        return .function(f)
    }

    /// Evaluates `node`, an application of `op` to exactly its `arity` of arguments.
    private mutating func saturated(
        _ op: Operation, arity: Int, _ node: Program, _ environment: Environment
    ) throws(EvaluationFailure) -> Value {
        switch arity {
        case 1:
            guard case .apply(_, let a) = node else { throw .typeMismatch }
            return try compute(op, try evaluate(a, environment))
        case 2:
            guard case .apply(.apply(_, let a), let b) = node else { throw .typeMismatch }
            let x = try evaluate(a, environment)
            let y = try evaluate(b, environment)
            if op == .map { return try map(x, y) }
            return try compute(op, x, y)
        case 3:
            guard case .apply(.apply(.apply(_, let a), let b), let c) = node else { throw .typeMismatch }
            if op == .ite {
                guard case .bool(let condition) = try evaluate(a, environment) else { throw .typeMismatch }
                return try evaluate(condition ? b : c, environment)
            }
            let x = try evaluate(a, environment)
            let y = try evaluate(b, environment)
            let z = try evaluate(c, environment)
            if op == .fold { return try fold(x, y, z) }
            return try compute(op, x, y, z)
        default:
            guard case .apply(.apply(.apply(.apply(_, let a), let b), let c), let d) = node, op == .unfold else {
                throw .typeMismatch
            }
            return try unfold(try evaluate(a, environment), try evaluate(b, environment),
                              try evaluate(c, environment), try evaluate(d, environment))
        }
    }

    /// Applies a function value to one more argument.
    mutating func apply(_ function: Value, _ argument: Value) throws(EvaluationFailure) -> Value {
        guard case .function(let f) = function else { throw .typeMismatch }
        switch f.body {
        case .lambda(let lambda, let environment):
            guard case .lambda(let body) = lambda else { throw .typeMismatch }
            return try evaluate(body, environment.binding(argument))
        case .partial(let op, let arguments):
            let all = arguments + [argument]
            if all.count < operators[op.rawValue].arity { return try makeFunction(.partial(op, all)) }
            return try perform(op, all)
        }
    }

    /// Applies a function value to two arguments, without building the intermediate closure
    /// when the function is a two-argument lambda.
    mutating func apply(_ function: Value, _ first: Value, _ second: Value) throws(EvaluationFailure) -> Value {
        if case .function(let f) = function, case .lambda(.lambda(.lambda(let body)), let environment) = f.body {
            try tick()
            return try evaluate(body, environment.binding(first).binding(second))
        }
        return try apply(try apply(function, first), second)
    }

    /// Computes `op` on values it has all of.
    private mutating func perform(_ op: Operation, _ arguments: [Value]) throws(EvaluationFailure) -> Value {
        switch op {
        case .map: return try map(arguments[0], arguments[1])
        case .fold: return try fold(arguments[0], arguments[1], arguments[2])
        case .unfold: return try unfold(arguments[0], arguments[1], arguments[2], arguments[3])
        default:
            switch arguments.count {
            case 1: return try compute(op, arguments[0])
            case 2: return try compute(op, arguments[0], arguments[1])
            default: return try compute(op, arguments[0], arguments[1], arguments[2])
            }
        }
    }

    private mutating func map(_ function: Value, _ list: Value) throws(EvaluationFailure) -> Value {
        guard case .list(let items) = list else { throw .typeMismatch }
        var result: [Value] = []
        result.reserveCapacity(items.count)
        for item in items {
            result.append(try apply(function, item))
        }
        return .list(result)
    }

    /// `fold l z f` = `f l0 (f l1 (… (f ln z)))`.
    private mutating func fold(_ list: Value, _ initial: Value, _ function: Value) throws(EvaluationFailure) -> Value {
        guard case .list(let items) = list else { throw .typeMismatch }
        var accumulator = initial
        for item in items.reversed() {
            accumulator = try apply(function, item, accumulator)
        }
        return accumulator
    }

    /// Emits `h x` and steps `x = n x` until `p x` holds.
    private mutating func unfold(_ seed: Value, _ stop: Value, _ emit: Value, _ next: Value) throws(EvaluationFailure) -> Value {
        var result: [Value] = []
        var x = seed
        while true {
            guard case .bool(let done) = try apply(stop, x) else { throw .typeMismatch }
            if done { break }
            if result.count >= Evaluator.maximumListLength { throw .budgetExhausted }
            result.append(try apply(emit, x))
            x = try apply(next, x)
        }
        return .list(result)
    }
}
