import Language
import SMT
import Tasks

/// Encodes a SyGuS problem's expressions as Z3 terms: declared variables become constants,
/// helpers and candidate solutions are expanded in place with their arguments' terms.
struct SMTEncoder {
    let context: Context
    let problem: SyGuSProblem
    let variables: [Term]

    init(context: Context, problem: SyGuSProblem) throws(SMTError) {
        self.context = context
        self.problem = problem
        var variables: [Term] = []
        for (index, variable) in problem.variables.enumerated() {
            variables.append(try context.constant("v\(index)_\(variable.name)", sort: try Self.sort(variable.sort, context)))
        }
        self.variables = variables
    }

    static func sort(_ type: TypeExpr, _ context: Context) throws(SMTError) -> Sort {
        switch type {
        case .bool: return context.boolSort
        case .int: return context.intSort
        case .string: return context.stringSort
        case .bitVector(let width): return try context.bitVectorSort(width: width)
        default: throw .invalidArgument("sort \(type) has no SMT-LIB counterpart")
        }
    }

    func constant(_ value: Value) throws(SMTError) -> Term {
        switch value {
        case .bool(let b): return context.bool(b)
        case .int(let i): return try context.int(i)
        case .bitVector(let b): return try context.bitVector(b.bits, width: b.width)
        case .string(let s): return try context.string(s.string)
        default: throw .invalidArgument("value \(value) has no SMT-LIB counterpart")
        }
    }

    /// The term for `e`, where `parameters` are the terms of the enclosing function's parameters.
    func encode(_ e: Expression, parameters: [Term], solutions: [Int: Expression], depth: Int = 0) throws(SMTError) -> Term {
        if depth > 1_000 { throw .invalidArgument("expression nested too deeply to encode") }
        switch e {
        case .constant(let v): return try constant(v)
        case .variable(let i): return variables[i]
        case .parameter(let i): return parameters[i]
        case .nonterminal: throw .invalidArgument("a grammar hole cannot be encoded")
        case .builtin(let primitive, let arguments):
            var terms: [Term] = []
            for argument in arguments { terms.append(try encode(argument, parameters: parameters, solutions: solutions, depth: depth + 1)) }
            switch primitive.implementation {
            case .constant(let v): return try constant(v)
            case .opaque: throw .unknownOperator(primitive.name, arity: arguments.count)
            case .operation(let op):
                guard let name = op.smtLIBName else { throw .unknownOperator(primitive.name, arity: arguments.count) }
                return try context.apply(name, terms)
            }
        case .definition(let d, let arguments):
            var terms: [Term] = []
            for argument in arguments { terms.append(try encode(argument, parameters: parameters, solutions: solutions, depth: depth + 1)) }
            return try encode(problem.definitions[d].body, parameters: terms, solutions: solutions, depth: depth + 1)
        case .synthesized(let f, let arguments):
            guard let body = solutions[f] else { throw .invalidArgument("no candidate for \(problem.functions[f].name)") }
            var terms: [Term] = []
            for argument in arguments { terms.append(try encode(argument, parameters: parameters, solutions: solutions, depth: depth + 1)) }
            return try encode(body, parameters: terms, solutions: solutions, depth: depth + 1)
        }
    }

    /// The value of a model's term, read back into a `Value` of `sort`.
    static func value(_ term: Term, sort: TypeExpr) -> Value? {
        switch sort {
        case .bool: return term.boolValue.map(Value.bool)
        case .int: return term.intValue.map(Value.int)
        case .bitVector(let width): return term.bitVectorValue.map { .bitVector($0, width: width) }
        case .string: return term.stringValue.map { Value.string($0) }
        default: return nil
        }
    }
}
