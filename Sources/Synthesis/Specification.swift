import Language
import Tasks

/// How the constraints of a one-function problem constrain that function, worked out once:
/// where the function is called, and whether each call's expected output can be read off
/// the constraint.
///
/// - *Functional*: every constraint is `(= E (f args))` (either way round) with `E` free of
///   `f`, so each call has one expected output (input/output examples, a reference
///   implementation). A candidate is then tested by comparing output vectors.
/// - *Single-invocation*: every call has the same arguments, so a point of the declared
///   variables is one input of `f`, and divide and conquer can judge terms point by point.
/// - Otherwise a candidate is tested by evaluating the constraints at every point with the
///   candidate's outputs at the arguments each call applies it to.
struct Specification {
    struct Invocation {
        var constraint: Int
        var arguments: [Expression]
        /// The `f`-free side of a functional constraint.
        var expected: Expression?
    }

    let problem: SyGuSProblem
    let function: Int
    var invocations: [Invocation] = []
    var isFunctional = true
    var isSingleInvocation = true

    /// Analyses `problem` for its function `function`; `nil` when some call of the function
    /// is nested inside another call's arguments (not supported).
    init?(problem: SyGuSProblem, function: Int) {
        self.problem = problem
        self.function = function
        for (index, constraint) in problem.constraints.enumerated() {
            var calls: [[Expression]] = []
            guard Self.collectCalls(constraint, function, &calls) else { return nil }
            var expected: Expression?
            if case .builtin(let p, let sides) = constraint, case .operation(.equal) = p.implementation, sides.count == 2 {
                if case .synthesized(function, _) = sides[1], !sides[0].callsSynthesizedFunction { expected = sides[0] }
                if case .synthesized(function, _) = sides[0], !sides[1].callsSynthesizedFunction { expected = sides[1] }
            }
            if calls.count != 1 || expected == nil { isFunctional = false }
            for arguments in calls {
                invocations.append(Invocation(constraint: index, arguments: arguments, expected: calls.count == 1 ? expected : nil))
            }
        }
        if let first = invocations.first {
            isSingleInvocation = invocations.allSatisfy { $0.arguments == first.arguments }
        }
    }

    /// Appends the argument lists of every call of `function` in `e`; `false` if calls nest.
    private static func collectCalls(_ e: Expression, _ function: Int, _ calls: inout [[Expression]]) -> Bool {
        switch e {
        case .constant, .variable, .parameter, .nonterminal: return true
        case .synthesized(let f, let arguments):
            if arguments.contains(where: \.callsSynthesizedFunction) { return false }
            if f == function { calls.append(arguments) }
            return true
        case .builtin(_, let arguments), .definition(_, let arguments):
            for argument in arguments where !collectCalls(argument, function, &calls) { return false }
            return true
        }
    }
}

/// The examples a search runs on: the distinct argument tuples at which the constraints,
/// at the current points, call the function, and (for a functional specification) the
/// output expected at each.
struct ExampleTable {
    /// Values of the declared variables: the points gathered so far.
    var points: [[Value]] = []
    /// Distinct argument tuples: the search's examples.
    var rows: [[Value]] = []
    var rowIndex: [[Value]: Int] = [:]
    /// For each row, the points whose calls land on it.
    var pointsOfRow: [[Int]] = []
    /// The expected output of each row (functional specifications).
    var targets: [Value?] = []

    /// Why a point cannot be added.
    enum Conflict: Error {
        /// A functional specification expects two different outputs for one input.
        case contradictoryOutputs([Value])
        /// The arguments or the expected output could not be evaluated.
        case unevaluable
    }

    /// Adds a point, with the rows its calls produce.
    mutating func add(point: [Value], _ specification: Specification, _ evaluator: ExpressionEvaluator) throws(Conflict) {
        let pointIndex = points.count
        points.append(point)
        for invocation in specification.invocations {
            var arguments: [Value] = []
            for argument in invocation.arguments {
                guard let value = try? evaluator.evaluate(argument, variables: point) else { throw .unevaluable }
                arguments.append(value)
            }
            var target: Value?
            if specification.isFunctional, let expected = invocation.expected {
                guard let value = try? evaluator.evaluate(expected, variables: point) else { throw .unevaluable }
                target = value
            }
            if let row = rowIndex[arguments] {
                if let target, let existing = targets[row], existing != target { throw .contradictoryOutputs(arguments) }
                if !pointsOfRow[row].contains(pointIndex) { pointsOfRow[row].append(pointIndex) }
            } else {
                rowIndex[arguments] = rows.count
                rows.append(arguments)
                pointsOfRow.append([pointIndex])
                targets.append(target)
            }
        }
    }
}
