import Grammar
import Language
import Search
import Tasks

/// One program of a task's frontier with its scores.
public struct FrontierEntry: Hashable, Sendable {
    public var program: Program
    public var logPrior: Double
    /// Log probability of the examples given the program: 0 when it reproduces them all.
    public var logLikelihood: Double
}

/// The outcome of searching for programs that fit a task's examples.
public struct ExampleTaskResult: Sendable {
    public var task: ExampleTask
    /// The best programs found, best (highest log prior plus log likelihood) first.
    public var frontier: [FrontierEntry]
    public var seconds: Double
    /// Complete programs tested on the examples.
    public var candidates: Int
    /// Why the search stopped when the frontier is empty.
    public var reason: String?

    public var solved: Bool { !frontier.isEmpty }
}

/// Solves input/output tasks over λ-programs with typed top-down best-first search. Every
/// program in a frontier has been run on all the task's examples and reproduces them.
public struct ExampleTaskSolver: Sendable {
    public var timeout: Duration = .seconds(10)
    /// How many programs a frontier keeps.
    public var frontierSize = 5
    /// After the first solution, how much further (in nats of prior) the search looks for more.
    public var frontierWindow = 3.0
    /// The evaluation steps one program may take on one example.
    public var stepLimit = 5_000
    /// The most complete programs one cost window of the search may hold.
    public var maximumWindowPrograms = 20_000_000

    public init() {}

    public func solve(_ task: ExampleTask, grammar: Grammar) -> ExampleTaskResult {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + timeout
        let enumerator = TopDownEnumerator(grammar: grammar, request: task.request, maximumWindowPrograms: maximumWindowPrograms)
        let evaluator = Evaluator(stepLimit: stepLimit)
        var frontier: [FrontierEntry] = []
        var maximumCost = Double.infinity
        let outcome = enumerator.run(deadline: deadline) { (program: Program, logPrior: Double) -> Bool in
            if -logPrior > maximumCost { return false }
            for example in task.examples {
                guard let output = try? evaluator.run(program, on: example.inputs), output == example.output else { return true }
            }
            frontier.append(FrontierEntry(program: program, logPrior: logPrior, logLikelihood: 0))
            if frontier.count == 1 { maximumCost = -logPrior + frontierWindow }
            return frontier.count < frontierSize
        }
        // Every program reported is run once more on all the examples.
        frontier = frontier.filter { entry in
            assert((try? entry.program.check(against: task.request)) != nil, "ill-typed program \(entry.program)")
            return task.examples.allSatisfy { (try? evaluator.run(entry.program, on: $0.inputs)) == $0.output }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        var reason: String?
        if frontier.isEmpty {
            switch outcome {
            case .timeLimit: reason = "timeout"
            case .memoryLimit: reason = "a cost window of the search held more than \(maximumWindowPrograms) programs"
            case .exhausted: reason = "no program of the requested type fits"
            case .stopped, .costLimit: reason = "stopped"
            }
        }
        return ExampleTaskResult(task: task, frontier: frontier, seconds: seconds, candidates: enumerator.programs, reason: reason)
    }
}
