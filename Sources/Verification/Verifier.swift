import Language
import SMT
import Tasks

/// Checks candidate solutions against a SyGuS problem's constraints.
///
/// A problem without declared variables (input/output examples) is checked by evaluating
/// every constraint. Otherwise Z3 gets the negated conjunction of the constraints with the
/// candidates expanded: `unsat` means verified, a model is a counterexample: values of the
/// declared variables where some constraint fails.
///
/// Owns one Z3 context; not `Sendable`: use one verifier per task.
public final class Verifier {
    /// The verdict on a candidate.
    public enum Verdict: Equatable, Sendable {
        case verified
        /// Values of the declared variables at which the candidate breaks a constraint.
        case counterexample([Value])
        /// Z3 could not decide (a timeout, or a model it could not read back).
        case unknown(String)
    }

    public let problem: SyGuSProblem
    private var encoder: SMTEncoder?
    private var solver: Solver?
    private let evaluator: ExpressionEvaluator

    /// Prepares a verifier; `timeout` bounds each Z3 check.
    public init(problem: SyGuSProblem, timeout: Duration = .seconds(10)) throws(SMTError) {
        self.problem = problem
        self.evaluator = ExpressionEvaluator(definitions: problem.definitions)
        guard !problem.variables.isEmpty else { return }
        let context = try Context()
        encoder = try SMTEncoder(context: context, problem: problem)
        let logic: String? = switch problem.logic {
        case "BV": "QF_BV"
        case "LIA", "CLIA": "QF_LIA"
        case "NIA": "QF_NIA"
        default: nil
        }
        let solver = try context.makeSolver(logic: logic)
        let (seconds, attoseconds) = timeout.components
        try solver.setTimeout(milliseconds: max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)))
        self.solver = solver
    }

    /// Whether every constraint holds for these values of the declared variables.
    public func holds(_ solutions: [Int: Expression], at point: [Value]) -> Bool {
        var evaluator = self.evaluator
        evaluator.solutions = solutions
        for constraint in problem.constraints {
            guard case .bool(true) = try? evaluator.evaluate(constraint, variables: point) else { return false }
        }
        return true
    }

    /// Checks `solutions` (a body for every function to synthesize).
    public func verify(_ solutions: [Int: Expression]) throws(SMTError) -> Verdict {
        guard let encoder, let solver else {
            return holds(solutions, at: []) ? .verified : .counterexample([])
        }
        var terms: [Term] = []
        for constraint in problem.constraints {
            terms.append(try encoder.encode(constraint, parameters: [], solutions: solutions))
        }
        let conjunction = terms.count == 1 ? terms[0] : try encoder.context.apply("and", terms)
        solver.reset()
        try solver.add(try encoder.context.apply("not", [conjunction]))
        switch try solver.check() {
        case .unsat:
            return .verified
        case .unknown(let reason):
            return .unknown(reason)
        case .sat(let model):
            var point: [Value] = []
            for (variable, term) in zip(problem.variables, encoder.variables) {
                guard let value = SMTEncoder.value(try model.evaluate(term, completion: true), sort: variable.sort) else {
                    return .unknown("the counterexample's value of \(variable.name) does not fit in 64 bits")
                }
                point.append(value)
            }
            return .counterexample(point)
        }
    }
}
