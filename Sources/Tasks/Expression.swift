import Language

/// A term of a SyGuS problem: a constraint, a `define-fun` body, or a grammar production.
///
/// Names are resolved when the file is read: declared variables, the parameters of the
/// enclosing function, grammar nonterminals, built-in operators at their argument sorts,
/// `define-fun` helpers and the functions to synthesize each have their own case. `let`
/// bindings are substituted away by the reader.
public indirect enum Expression: Hashable, Sendable {
    /// A literal value (bit-vector, integer, Boolean, string).
    case constant(Value)
    /// `problem.variables[i]`, a `declare-var`.
    case variable(Int)
    /// The `i`-th parameter of the enclosing function (a `define-fun` body, or a grammar
    /// production of a `synth-fun`).
    case parameter(Int)
    /// A grammar hole: `grammar.nonterminals[i]` (only in grammar productions).
    case nonterminal(Int)
    /// A built-in operator; the primitive's type fixes the argument sorts.
    case builtin(Primitive, [Expression])
    /// A call of `problem.definitions[i]`, a `define-fun` helper.
    case definition(Int, [Expression])
    /// A call of `problem.functions[i]`, a function to synthesize.
    case synthesized(Int, [Expression])

    /// The nonterminals in the expression, left to right, with repetitions.
    public var nonterminals: [Int] {
        switch self {
        case .nonterminal(let i): return [i]
        case .constant, .variable, .parameter: return []
        case .builtin(_, let arguments), .definition(_, let arguments), .synthesized(_, let arguments):
            return arguments.flatMap(\.nonterminals)
        }
    }

    /// The number of nodes (each operator, call and leaf counts 1).
    public var size: Int {
        switch self {
        case .constant, .variable, .parameter, .nonterminal: return 1
        case .builtin(_, let arguments), .definition(_, let arguments), .synthesized(_, let arguments):
            return 1 + arguments.reduce(0) { $0 + $1.size }
        }
    }

    /// Whether the expression mentions a declared variable (is not ground).
    public var mentionsVariables: Bool {
        switch self {
        case .variable: return true
        case .constant, .parameter, .nonterminal: return false
        case .builtin(_, let xs), .definition(_, let xs), .synthesized(_, let xs): return xs.contains { $0.mentionsVariables }
        }
    }

    /// Whether the expression calls any function to synthesize.
    public var callsSynthesizedFunction: Bool {
        switch self {
        case .synthesized: return true
        case .constant, .variable, .parameter, .nonterminal: return false
        case .builtin(_, let arguments), .definition(_, let arguments):
            return arguments.contains { $0.callsSynthesizedFunction }
        }
    }
}

/// A declared variable or a function parameter: a name and its sort.
public struct SortedName: Hashable, Sendable {
    public var name: String
    public var sort: TypeExpr

    public init(_ name: String, _ sort: TypeExpr) {
        self.name = name
        self.sort = sort
    }
}

extension Expression {
    /// The expression with `.parameter(i)` replaced by `arguments[i]`: a helper's body at a call.
    public func substitutingParameters(_ arguments: [Expression]) -> Expression {
        switch self {
        case .parameter(let i): return arguments[i]
        case .constant, .variable, .nonterminal: return self
        case .builtin(let p, let xs): return .builtin(p, xs.map { $0.substitutingParameters(arguments) })
        case .definition(let d, let xs): return .definition(d, xs.map { $0.substitutingParameters(arguments) })
        case .synthesized(let f, let xs): return .synthesized(f, xs.map { $0.substitutingParameters(arguments) })
        }
    }

    /// The expression with its holes filled, left to right, by `children`.
    public func fillingHoles(_ children: [Expression]) -> Expression {
        var next = 0
        func fill(_ e: Expression) -> Expression {
            switch e {
            case .nonterminal:
                defer { next += 1 }
                return children[next]
            case .constant, .variable, .parameter: return e
            case .builtin(let p, let xs): return .builtin(p, xs.map(fill))
            case .definition(let d, let xs): return .definition(d, xs.map(fill))
            case .synthesized(let f, let xs): return .synthesized(f, xs.map(fill))
            }
        }
        return fill(self)
    }
}
