/// A program: a λ-term with de Bruijn variables over primitives and invented abstractions.
///
/// `$0` is the variable bound by the innermost enclosing lambda. Application is curried:
/// `(f x y)` is `.apply(.apply(f, x), y)`. Equality and hashing are structural.
///
/// A program for a task of type `a0 -> a1 -> r` is `(lambda (lambda BODY))`; inside BODY,
/// `$1` is the first argument and `$0` the second.
public indirect enum Program: Hashable, Sendable {
    case primitive(Primitive)
    case invented(Abstraction)
    case variable(Int)
    case lambda(Program)
    case apply(Program, Program)

    /// `f` applied to `arguments` in order.
    public static func application(_ function: Program, _ arguments: [Program]) -> Program {
        arguments.reduce(function) { .apply($0, $1) }
    }

    /// The head of an application spine and its arguments in order: `(f x y)` → `(f, [x, y])`.
    public var spine: (head: Program, arguments: [Program]) {
        var arguments: [Program] = []
        var current = self
        while case .apply(let f, let x) = current {
            arguments.append(x)
            current = f
        }
        return (current, arguments.reversed())
    }

    /// The number of nodes: primitives, abstractions and variables count 1, and so does each
    /// lambda and each application.
    public var size: Int {
        switch self {
        case .primitive, .invented, .variable: return 1
        case .lambda(let body): return 1 + body.size
        case .apply(let f, let x): return 1 + f.size + x.size
        }
    }

    /// The length of the longest path from the root to a leaf.
    public var depth: Int {
        switch self {
        case .primitive, .invented, .variable: return 1
        case .lambda(let body): return 1 + body.depth
        case .apply(let f, let x): return 1 + max(f.depth, x.depth)
        }
    }

    /// Whether `$i` occurs free, for any `i` at least `cutoff` (the program is not closed).
    public func hasFreeVariables(cutoff: Int = 0) -> Bool {
        switch self {
        case .primitive, .invented: return false
        case .variable(let i): return i >= cutoff
        case .lambda(let body): return body.hasFreeVariables(cutoff: cutoff + 1)
        case .apply(let f, let x): return f.hasFreeVariables(cutoff: cutoff) || x.hasFreeVariables(cutoff: cutoff)
        }
    }

    /// Every primitive in the program, with repetitions, in left-to-right order.
    public var primitives: [Primitive] {
        var result: [Primitive] = []
        func visit(_ p: Program) {
            switch p {
            case .primitive(let primitive): result.append(primitive)
            case .invented, .variable: break
            case .lambda(let body): visit(body)
            case .apply(let f, let x): visit(f); visit(x)
            }
        }
        visit(self)
        return result
    }
}

/// A learned abstraction: a named closed program that grammars offer as a production.
///
/// Invariant: `body` has no free variables. `type` is the body's inferred (canonical) type.
public struct Abstraction: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public let body: Program
    public let type: TypeExpr

    public init(name: String, body: Program, type: TypeExpr) {
        self.name = name
        self.body = body
        self.type = type
    }

    /// Names the abstraction and infers its type; throws when the body is open or ill-typed.
    public init(name: String, body: Program) throws(ProgramTypeError) {
        if body.hasFreeVariables() {
            throw ProgramTypeError(message: "the body of '\(name)' refers to a variable bound outside it", subterm: body)
        }
        self.init(name: name, body: body, type: try body.inferType())
    }

    public static func == (a: Abstraction, b: Abstraction) -> Bool {
        a.name == b.name && a.body == b.body
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
    }

    public var description: String { name }
}

extension Program {
    /// The program with each abstraction named in `replacements` replaced by its replacement.
    public func replacingAbstractions(_ replacements: [String: Abstraction]) -> Program {
        switch self {
        case .invented(let abstraction): return replacements[abstraction.name].map { .invented($0) } ?? self
        case .primitive, .variable: return self
        case .lambda(let body): return .lambda(body.replacingAbstractions(replacements))
        case .apply(let function, let argument): return .apply(function.replacingAbstractions(replacements), argument.replacingAbstractions(replacements))
        }
    }
}
