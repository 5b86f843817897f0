import Domain
import Language
import Tasks
import Verification

/// Budgets and settings of one synthesis run.
public struct SynthesisOptions: Sendable {
    /// Wall time for the whole task.
    public var timeout: Duration = .seconds(10)
    /// The bound on the bytes a search bank may hold.
    public var memoryLimit: Int = Defaults.memoryLimit
    /// Production costs of the grammar the search runs on (the function's grammar, with the
    /// problem's constants added where it allows any constant); `nil` for size order.
    public var costs: (@Sendable (SyGuSGrammar) -> ProductionCosts)?
    /// Seed of the random points that start counterexample-guided synthesis.
    public var seed: UInt64 = 1
    /// How many random points start counterexample-guided synthesis.
    public var initialPoints = 16
    /// Receives a line for each counterexample round (for `--verbose` output).
    public var trace: (@Sendable (String) -> Void)?

    public init() {}
}

/// The outcome of synthesizing a problem's functions.
public struct SynthesisResult: Sendable {
    public enum Status: Sendable {
        /// Verified bodies for every function to synthesize, by function index.
        case solved([Int: Tasks.Expression])
        /// No function can satisfy the constraints (for example one input with two outputs).
        case infeasible(String)
        /// No answer: the budget ran out, or the problem is outside what the search supports.
        case unknown(UnknownReason)
    }

    public var status: Status
    public var seconds: Double
    /// Programs evaluated, over all counterexample rounds.
    public var candidates: Int
    /// Counterexample rounds (searches) run.
    public var iterations: Int
    /// Where the seconds went: the bottom-up searches (`search`, divided into `enumeration`,
    /// `evaluation` and `deduplication`), Z3 (`verification`), and with a ranking model its
    /// conditioning (`inference`).
    public var timings = Timings()
    /// The most programs a search's bank held (over the counterexample rounds).
    public var bank: Int?
    /// Whether a second search, with the starting grammar, found the answer (see
    /// `solve(_:grammar:ranker:fallback:primaryShare:probeShare:contextShare:runDeadline:)`).
    public var foundByFallback = false
}

/// Solves SyGuS problems: cost-ordered bottom-up search with divide and conquer, inside a
/// counterexample-guided loop (CEGIS) whose verifier is Z3. Every answer it returns has
/// been verified against all constraints.
public struct Synthesizer: Sendable {
    public var options: SynthesisOptions

    public init(options: SynthesisOptions = SynthesisOptions()) {
        self.options = options
    }

    /// Synthesizes `problem`'s functions within `options.timeout`, or until `runDeadline`
    /// (the end of the whole run) when that comes first; a problem that the run's deadline
    /// cuts short, or keeps from starting, is `unknown` with the reason `SearchStop.runTimeLimit`.
    public func solve(_ problem: SyGuSProblem, runDeadline: ContinuousClock.Instant? = nil) -> SynthesisResult {
        let start = ContinuousClock.now
        let taskDeadline = start + options.timeout
        guard let runDeadline, runDeadline < taskDeadline else { return solve(problem, start: start, deadline: taskDeadline) }
        if runDeadline <= start {
            return SynthesisResult(status: .unknown(.runTimeLimit), seconds: 0, candidates: 0, iterations: 0)
        }
        var result = solve(problem, start: start, deadline: runDeadline)
        if case .unknown(let reason) = result.status, reason == .timeout || ContinuousClock.now >= runDeadline {
            result.status = .unknown(.runTimeLimit)
        }
        return result
    }

    private func solve(_ problem: SyGuSProblem, start: ContinuousClock.Instant, deadline: ContinuousClock.Instant) -> SynthesisResult {
        let clock = ContinuousClock()
        var candidates = 0
        var iterations = 0
        var timings = Timings()
        var bank: Int?
        func result(_ status: SynthesisResult.Status) -> SynthesisResult {
            SynthesisResult(status: status, seconds: Timings.seconds(since: start), candidates: candidates, iterations: iterations, timings: timings,
                            bank: bank)
        }
        guard problem.functions.count == 1 else {
            let (status, verified) = timings.measure(.verification) { solveDefined(problem, deadline: deadline) }
            iterations = verified ? 1 : 0
            return result(status)
        }
        guard let specification = Specification(problem: problem, function: 0) else {
            return result(.unknown(.unsupported("a call of the function nested in another call's arguments")))
        }
        let verifier: Verifier
        do {
            verifier = try Verifier(problem: problem, timeout: options.timeout)
        } catch {
            return result(.unknown(.other("Z3: \(error)")))
        }
        let evaluator = ExpressionEvaluator(definitions: problem.definitions)
        var table = ExampleTable()
        if let failure = startingPoints(problem, specification, evaluator, into: &table) { return result(failure) }
        let grammar = problem.functions[0].grammar.addingConstants(of: problem)
        var verdicts: [[Value: Bool]] = []
        while true {
            iterations += 1
            var search = ExampleSearch(problem: problem, specification: specification, table: table, grammar: grammar,
                                       verdicts: verdicts, options: options, deadline: deadline)
            let searchStart = ContinuousClock.now
            let outcome = search.run()
            let seconds = Timings.seconds(since: searchStart)
            timings.add(.search, seconds)
            timings.add(search.sample, candidates: search.candidates, within: seconds)
            bank = max(bank ?? 0, search.bank)
            candidates += search.candidates
            verdicts = search.verdicts
            let body: Tasks.Expression
            switch outcome {
            case .found(let expression): body = expression
            case .failed(let reason): return result(.unknown(reason))
            case .noProgramFits(let tried):
                return result(.infeasible("the grammar is finite and none of its programs fits the examples (\(tried) candidates tried)"))
            }
            let verdict: Verifier.Verdict
            do {
                verdict = try timings.measure(.verification) { try verifier.verify([0: body], deadline: deadline) }
            } catch {
                return result(.unknown(.other("Z3: \(error)")))
            }
            options.trace?("round \(iterations): \(table.points.count) points, \(table.rows.count) examples; candidate \(problem.text(of: body, function: 0)): \(verdict)")
            switch verdict {
            case .verified:
                return result(.solved([0: body]))
            case .unknown(let reason):
                return result(.unknown(.verifier(reason)))
            case .counterexample(let point):
                if table.points.contains(point) {
                    return result(.unknown(.other("a candidate consistent with the examples failed on one of them (an evaluator and Z3 disagree)")))
                }
                do {
                    try table.add(point: point, specification, evaluator)
                } catch .contradictoryOutputs(let arguments) {
                    return result(.infeasible("the constraints demand two different outputs for \(arguments)"))
                } catch {
                    return result(.unknown(.unsupported("constraints that cannot be evaluated at a counterexample")))
                }
            }
            if clock.now >= deadline { return result(.unknown(.timeout)) }
        }
    }

    /// Several functions to synthesize: the functions the constraints define by equations,
    /// verified; and whether there were such functions to verify.
    private func solveDefined(_ problem: SyGuSProblem, deadline: ContinuousClock.Instant) -> (SynthesisResult.Status, verified: Bool) {
        guard let bodies = DefinedFunctions(problem: problem).solve() else {
            return (.unknown(.unsupported("several functions to synthesize, which the constraints do not define by equations (\(problem.functions.count) functions are supported only then)")), false)
        }
        do {
            let verifier = try Verifier(problem: problem, timeout: options.timeout)
            switch try verifier.verify(bodies, deadline: deadline) {
            case .verified: return (.solved(bodies), true)
            case .counterexample: return (.unknown(.other("the functions the equations define do not satisfy every constraint")), true)
            case .unknown(let reason): return (.unknown(.verifier(reason)), true)
            }
        } catch {
            return (.unknown(.other("Z3: \(error)")), true)
        }
    }

    /// Adds the points counterexample-guided synthesis starts from to `table`: one point when
    /// no constraint mentions a variable, else `options.initialPoints` seeded random points;
    /// the status to end with when the constraints contradict themselves or cannot be evaluated.
    private func startingPoints(_ problem: SyGuSProblem, _ specification: Specification, _ evaluator: ExpressionEvaluator,
                                into table: inout ExampleTable) -> SynthesisResult.Status? {
        do {
            if !problem.constraints.contains(where: \.mentionsVariables) {
                try table.add(point: problem.variables.map { _ in Value.int(0) }, specification, evaluator)
            } else {
                var random = SplitMix64(seed: options.seed)
                for _ in 0..<options.initialPoints {
                    try table.add(point: problem.variables.map { random.value(of: $0.sort) }, specification, evaluator)
                }
            }
        } catch .contradictoryOutputs(let arguments) {
            return .infeasible("the constraints demand two different outputs for the input \(arguments.map(\.description).joined(separator: " "))")
        } catch {
            return .unknown(.unsupported("constraints that cannot be evaluated at the starting points"))
        }
        return nil
    }
}
