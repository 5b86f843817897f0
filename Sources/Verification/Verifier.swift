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
    /// The longest any one Z3 check may take.
    public let timeout: Duration
    private var encoder: SMTEncoder?
    private var solver: Solver?
    private let evaluator: ExpressionEvaluator

    /// Prepares a verifier; `timeout` bounds each Z3 check.
    public init(problem: SyGuSProblem, timeout: Duration = .seconds(10)) throws(SMTError) {
        self.problem = problem
        self.timeout = timeout
        self.evaluator = ExpressionEvaluator(definitions: problem.definitions)
        // Ground constraints (input/output examples, even where the file declares variables
        // it never uses) are checked by evaluation alone.
        guard problem.constraints.contains(where: \.mentionsVariables) else { return }
        let context = try Context()
        encoder = try SMTEncoder(context: context, problem: problem)
        let logic: String? = switch problem.logic {
        case "BV": "QF_BV"
        case "LIA", "CLIA": "QF_LIA"
        case "NIA": "QF_NIA"
        default: nil
        }
        let solver = try context.makeSolver(logic: logic)
        try solver.setTimeout(milliseconds: Self.milliseconds(timeout))
        self.solver = solver
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
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

    /// Checks `solutions` (a body for every function to synthesize), giving Z3 at most
    /// `timeout` (or the verifier's own timeout).
    public func verify(_ solutions: [Int: Expression], timeout: Duration? = nil) throws(SMTError) -> Verdict {
        try verify(solutions, deadline: ContinuousClock.now + min(timeout ?? self.timeout, self.timeout))
    }

    /// Checks `solutions` (a body for every function to synthesize) by `deadline`: every Z3
    /// check gets the time left and is interrupted at the deadline, and a verdict Z3 cannot
    /// reach by then is `.unknown("timeout")`.
    public func verify(_ solutions: [Int: Expression], deadline: ContinuousClock.Instant) throws(SMTError) -> Verdict {
        guard let encoder, let solver else {
            let point = problem.variables.map { Self.someValue(of: $0.sort) }
            return holds(solutions, at: point) ? .verified : .counterexample(point)
        }
        var terms: [Term] = []
        for constraint in problem.constraints {
            terms.append(try encoder.encode(constraint, parameters: [], solutions: solutions))
        }
        let conjunction = terms.count == 1 ? terms[0] : try encoder.context.apply("and", terms)
        let negation = try encoder.context.apply("not", [conjunction])
        // A generic counterexample (integer variables pairwise distinct) teaches the search more
        // than one full of ties; look for one first, and for any counterexample after.
        let integers = zip(problem.variables, encoder.variables).filter { $0.0.sort == .int }.map(\.1)
        if integers.count >= 2 {
            solver.reset()
            try solver.add(negation)
            try solver.add(try encoder.context.apply("distinct", integers))
            if case .sat(let model) = try solver.check(deadline: deadline) { return try counterexample(model, encoder) }
        }
        solver.reset()
        try solver.add(negation)
        switch try solver.check(deadline: deadline) {
        case .unsat:
            return .verified
        case .unknown(let reason):
            return .unknown(reason)
        case .sat(let model):
            return try counterexample(model, encoder)
        }
    }

    /// Any value of `sort`, for variables that no constraint uses.
    private static func someValue(of sort: TypeExpr) -> Value {
        switch sort {
        case .bool: return .bool(false)
        case .string: return .string("")
        case .bitVector(let width): return .bitVector(0, width: width)
        default: return .int(0)
        }
    }

    private func counterexample(_ model: Model, _ encoder: SMTEncoder) throws(SMTError) -> Verdict {
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
