import Domain
import Grammar
import Language
import Search

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
    public var unknownReason: UnknownReason?
    /// Where the search's time went: enumeration, evaluation and waiting (see `Timings.Part`).
    public var timings = Timings()
    /// `unknownReason` in words, as the run store keeps it.
    public var reason: String? { unknownReason?.description }

    public var solved: Bool { !frontier.isEmpty }
}

/// Solves input/output tasks over λ-programs with typed top-down best-first search. Every
/// program in a frontier has been run on all the task's examples and reproduces them.
public struct ExampleTaskSolver: Sendable {
    public var timeout: Duration = .seconds(10)
    /// How many programs a frontier keeps.
    public var frontierSize = Defaults.frontierSize
    /// After the first solution, how much further (in nats of prior) the search looks for more.
    public var frontierWindow = 3.0
    /// The width of each window of the search, in nats of prior (see `TopDownEnumerator`).
    public var costWindow = 1.5
    /// The evaluation steps one program may take on one example.
    public var stepLimit = 5_000
    /// The bound on the bytes the task's examples may take (a task past it ends at once,
    /// unsolved), on the lists one candidate builds while it runs (past it the reference
    /// evaluator runs the candidate, whose steps bound what it builds), and a quarter of it
    /// on each table of observational equivalence. The search itself keeps no bank: it
    /// checks programs as it meets them.
    public var memoryLimit = Defaults.memoryLimit
    /// Observational equivalence of closed subprograms (see `TopDownSearch.ObservationalEquivalence`):
    /// the cost up to which each hole type's small subprograms are run for evidence; 0, the
    /// default, turns it off. On the lists tasks it cuts 15–30 % of the candidates but saves no
    /// time: checking the programs a walk meets is a twentieth of its time, the walk the rest.
    public var equivalenceCost = 0.0

    public init() {}

    /// Searches for programs that fit `task`'s examples within `timeout`, or until
    /// `runDeadline` (the end of the whole run) when that comes first; a task that the run's
    /// deadline cuts short gives the reason `SearchStop.runTimeLimit`. The search is posted on
    /// `board`, where threads with nothing else to do join it.
    ///
    /// Programs are checked as the search meets them, window by window; if the time runs out
    /// during a window, the programs found in the part of it searched are kept, the most
    /// probable first, though a more probable one may lie in the part not searched.
    public func solve(_ task: ExampleTask, grammar: Grammar, runDeadline: ContinuousClock.Instant? = nil,
                      board: HelpBoard? = nil) -> ExampleTaskResult {
        let clock = ContinuousClock()
        let start = clock.now
        let taskDeadline = start + timeout
        let deadline = runDeadline.map { min($0, taskDeadline) } ?? taskDeadline
        if deadline <= start {
            return ExampleTaskResult(task: task, frontier: [], seconds: 0, candidates: 0, unknownReason: .runTimeLimit)
        }
        let footprint = task.memoryFootprint
        if footprint > memoryLimit {
            return ExampleTaskResult(task: task, frontier: [], seconds: 0, candidates: 0,
                                     unknownReason: .other(Self.overMemoryLimit(footprint, memoryLimit)))
        }
        guard grammar.mayBuildProgram(of: task.request) else {
            return ExampleTaskResult(task: task, frontier: [], seconds: 0, candidates: 0,
                                     unknownReason: .other("the grammar builds no finite program of type \(task.request)"))
        }
        let enumerator = TopDownEnumerator(grammar: grammar, request: task.request, windowWidth: costWindow, memoryLimit: memoryLimit)
        let leaves = enumerator.leaves
        let examples = task.examples.map { (inputs: $0.inputs, output: $0.output) }
        let (request, stepLimit, memoryLimit) = (task.request, self.stepLimit, self.memoryLimit)
        let equivalence = TopDownSearch.ObservationalEquivalence(
            inputs: task.request.arguments, maximumCost: equivalenceCost, capacity: min(memoryLimit / 256, 1 << 18))
        let search = TopDownSearch(enumerator: enumerator, frontierSize: frontierSize, frontierWindow: frontierWindow,
                                   deadline: deadline, equivalence: equivalenceCost > 0 ? equivalence : nil) {
            let evaluator = CompiledEvaluator(leaves: leaves, stepLimit: stepLimit, memoryLimit: memoryLimit)
            evaluator.load(request: request, examples: examples)
            return TopDownSearch.Checker(fits: evaluator.fits, behaviour: evaluator.behaviour(of:type:))
        }
        board?.post(search)
        let searchStart = ContinuousClock.now
        let result = search.run()
        let searchSeconds = Timings.seconds(since: searchStart)
        board?.withdraw(search)
        // Every program reported is run once more on all the examples by the reference evaluator.
        let evaluator = Evaluator(stepLimit: stepLimit)
        let frontier = result.found.map { found in
            FrontierEntry(program: enumerator.program(from: found.codes), logPrior: -found.cost, logLikelihood: 0)
        }.filter { entry in
            assert((try? entry.program.check(against: task.request)) != nil, "ill-typed program \(entry.program)")
            return task.examples.allSatisfy { (try? evaluator.run(entry.program, on: $0.inputs)) == $0.output }
        }
        let seconds = Timings.seconds(since: start)
        var reason: UnknownReason?
        if frontier.isEmpty {
            switch result.outcome {
            case .timeLimit:
                if deadline < taskDeadline {
                    reason = .runTimeLimit
                } else if result.candidates == 0 {
                    reason = .timeoutWithoutCandidates(type: task.request.description)
                } else {
                    reason = .timeout
                }
            case .exhausted: reason = .other("no program of the requested type fits")
            case .memoryLimit: reason = .memoryLimit(bytes: memoryLimit)
            case .stopped, .costLimit: reason = .other("stopped")
            }
        }
        return ExampleTaskResult(task: task, frontier: frontier, seconds: seconds, candidates: result.candidates, unknownReason: reason,
                                 timings: Self.timings(of: result, seconds: searchSeconds))
    }

    /// The division of a search's `seconds` into the caller's waiting for its helpers, and the
    /// rest into enumeration and evaluation in the proportion the threads' sampled checks
    /// show of their walks.
    static func timings(of result: TopDownSearch.Result, seconds: Double) -> Timings {
        var timings = Timings()
        let waiting = min(result.waitingSeconds, seconds)
        if waiting > 0 { timings.add(.waiting, waiting) }
        let active = seconds - waiting
        let walks = result.sample.estimate(candidates: result.candidates, within: result.walkSeconds)
        let share = result.walkSeconds > 0 ? walks.evaluation / result.walkSeconds : 0
        timings.add(.evaluation, active * share)
        timings.add(.enumeration, active * (1 - share))
        return timings
    }
}

extension ExampleTaskSolver {
    /// The reason given for a task whose examples take more than the memory limit.
    static func overMemoryLimit(_ bytes: Int, _ limit: Int) -> String {
        "the task's examples take \(Self.mebibytes(bytes)) MiB, more than the memory limit of \(Self.mebibytes(limit)) MiB"
    }

    /// `bytes` in MiB, to one decimal.
    static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}

/// Threads with no task of their own join a top-down search through the help board.
extension TopDownSearch: JoinableWork {}
