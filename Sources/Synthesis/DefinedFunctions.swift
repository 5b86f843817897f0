import Language
import Tasks

/// Solves problems with several functions when the constraints define functions by
/// equations, `(= E (g x y))` with `E` built from the declared variables and the other
/// functions at the same arguments: each such `g` is `E`, taken in dependency order, and a
/// function no equation defines gets the simplest constant. The result still goes through
/// the verifier, so a guess that does not fit is never reported.
struct DefinedFunctions {
    let problem: SyGuSProblem

    /// Bodies for every function, or `nil` when the equations do not determine them.
    func solve() -> [Int: Expression]? {
        var definitions: [Int: (arguments: [Int], body: Expression)] = [:]
        for constraint in problem.constraints {
            guard case .builtin(let p, let sides) = constraint, case .operation(.equal) = p.implementation, sides.count == 2 else { continue }
            for (call, other) in [(sides[1], sides[0]), (sides[0], sides[1])] {
                guard case .synthesized(let g, let arguments) = call, definitions[g] == nil,
                      let variables = Self.distinctVariables(arguments), !Self.calls(other, g) else { continue }
                definitions[g] = (variables, other)
                break
            }
        }
        var solved: [Int: Expression] = [:]
        var progress = true
        while solved.count < problem.functions.count && progress {
            progress = false
            for g in problem.functions.indices where solved[g] == nil {
                if let (variables, body) = definitions[g] {
                    if let translated = translate(body, variables, solved) {
                        solved[g] = translated
                        progress = true
                    }
                } else if let constant = Self.simplest(problem.functions[g].returnSort) {
                    solved[g] = .constant(constant)
                    progress = true
                }
            }
        }
        return solved.count == problem.functions.count ? solved : nil
    }

    private static func distinctVariables(_ arguments: [Expression]) -> [Int]? {
        var result: [Int] = []
        for argument in arguments {
            guard case .variable(let v) = argument, !result.contains(v) else { return nil }
            result.append(v)
        }
        return result
    }

    private static func calls(_ e: Expression, _ g: Int) -> Bool {
        switch e {
        case .synthesized(let f, let xs): return f == g || xs.contains { calls($0, g) }
        case .builtin(_, let xs), .definition(_, let xs): return xs.contains { calls($0, g) }
        case .constant, .variable, .parameter, .nonterminal: return false
        }
    }

    /// `e` over the parameters (variable `variables[i]` is parameter `i`), with calls of
    /// solved functions at those same arguments replaced by their bodies.
    private func translate(_ e: Expression, _ variables: [Int], _ solved: [Int: Expression]) -> Expression? {
        switch e {
        case .constant: return e
        case .variable(let v): return variables.firstIndex(of: v).map(Expression.parameter)
        case .parameter, .nonterminal: return nil
        case .synthesized(let f, let xs):
            guard Self.distinctVariables(xs) == variables, let body = solved[f] else { return nil }
            return body
        case .definition(let d, let xs):
            return translate(problem.definitions[d].body.substitutingParameters(xs), variables, solved)
        case .builtin(let p, let xs):
            var arguments: [Expression] = []
            for x in xs {
                guard let y = translate(x, variables, solved) else { return nil }
                arguments.append(y)
            }
            return .builtin(p, arguments)
        }
    }

    private static func simplest(_ sort: TypeExpr) -> Value? {
        switch sort {
        case .int: return .int(0)
        case .bool: return .bool(false)
        case .string: return .string("")
        case .bitVector(let width): return .bitVector(0, width: width)
        default: return nil
        }
    }
}
