/// An untyped λ-term as compression sees it: the shape of a program and nothing else.
///
/// Compression works on corpora that may come from anywhere (DreamCoder runs, Stitch's
/// benchmarks, Ouroboros's own frontiers), so a term carries no types: every atom that is not
/// a variable is an opaque primitive *name*. Variables are de Bruijn indices (`$0` is bound by
/// the innermost `lam`); `#i` is the `i`-th argument of an abstraction body and appears only
/// in bodies. Applications are curried and binary, as in Stitch, so a partial application
/// such as `(map (lam $0))` is a subterm like any other.
public indirect enum Term: Hashable, Sendable {
    case primitive(String)
    case variable(Int)
    case argument(Int)
    case lambda(Term)
    case application(Term, Term)

    /// `function` applied to `arguments`, left to right.
    public static func apply(_ function: Term, _ arguments: some Sequence<Term>) -> Term {
        arguments.reduce(function) { .application($0, $1) }
    }

    /// The head of an application spine and its arguments: `(f a b)` is `(f, [a, b])`.
    public var spine: (head: Term, arguments: [Term]) {
        var arguments: [Term] = []
        var head = self
        while case .application(let function, let argument) = head {
            arguments.append(argument)
            head = function
        }
        return (head, arguments.reversed())
    }

    /// Stitch's size measure: 100 per primitive, variable or argument, 1 per application or lambda.
    public var cost: Int {
        switch self {
        case .primitive, .variable, .argument: return CostModel.leaf
        case .lambda(let body): return CostModel.lambda + body.cost
        case .application(let function, let argument): return CostModel.application + function.cost + argument.cost
        }
    }

    /// The number of `#i` a body takes: one more than the largest `i` in it, 0 when there is none.
    public var arity: Int {
        switch self {
        case .argument(let index): return index + 1
        case .primitive, .variable: return 0
        case .lambda(let body): return body.arity
        case .application(let function, let argument): return max(function.arity, argument.arity)
        }
    }

    /// Whether a variable refers past `cutoff` enclosing lambdas (to a binder outside this term).
    public func hasFreeVariables(cutoff: Int = 0) -> Bool {
        switch self {
        case .variable(let index): return index >= cutoff
        case .primitive, .argument: return false
        case .lambda(let body): return body.hasFreeVariables(cutoff: cutoff + 1)
        case .application(let function, let argument):
            return function.hasFreeVariables(cutoff: cutoff) || argument.hasFreeVariables(cutoff: cutoff)
        }
    }

    /// Adds `amount` to every variable that points past `cutoff` enclosing lambdas.
    public func shifted(by amount: Int, cutoff: Int = 0) -> Term {
        switch self {
        case .variable(let index): return index >= cutoff ? .variable(index + amount) : self
        case .primitive, .argument: return self
        case .lambda(let body): return .lambda(body.shifted(by: amount, cutoff: cutoff + 1))
        case .application(let function, let argument):
            return .application(function.shifted(by: amount, cutoff: cutoff), argument.shifted(by: amount, cutoff: cutoff))
        }
    }

    /// This body with each `#i` replaced by `arguments[i]` (shifted under the body's lambdas,
    /// so the argument's own free variables keep pointing where they pointed).
    public func instantiated(with arguments: [Term], depth: Int = 0) -> Term {
        switch self {
        case .argument(let index): return arguments[index].shifted(by: depth)
        case .primitive, .variable: return self
        case .lambda(let body): return .lambda(body.instantiated(with: arguments, depth: depth + 1))
        case .application(let function, let argument):
            return .application(
                function.instantiated(with: arguments, depth: depth),
                argument.instantiated(with: arguments, depth: depth))
        }
    }
}

/// The cost model of Stitch (Bowers et al., POPL 2023), so that costs and compression ratios
/// compare with its figures: leaves (primitives, variables, abstraction arguments) cost 100,
/// applications and lambdas cost 1.
public enum CostModel {
    public static let leaf = 100
    public static let application = 1
    public static let lambda = 1
}

extension Term: CustomStringConvertible {
    /// Stitch's notation: `(lam BODY)`, curried applications flattened to `(f a b)`, `$i`, `#i`.
    public var description: String {
        var text = ""
        write(to: &text)
        return text
    }

    private func write(to text: inout String) {
        switch self {
        case .primitive(let name): text += name
        case .variable(let index): text += "$\(index)"
        case .argument(let index): text += "#\(index)"
        case .lambda(let body):
            text += "(lam "
            body.write(to: &text)
            text += ")"
        case .application:
            let (head, arguments) = spine
            text += "("
            head.write(to: &text)
            for argument in arguments {
                text += " "
                argument.write(to: &text)
            }
            text += ")"
        }
    }
}
