import Foundation
import Language
import Synchronization

/// A search for the most probable programs of a request that pass a check (a task's
/// examples), window by window, in which any number of threads can share each window.
///
/// Each window's programs are checked as the depth-first walk meets them, never stored;
/// the ones that pass are ordered by cost and then depth-first order, which is the order in
/// which `TopDownEnumerator.run` hands programs out, so the programs found are the first
/// `frontierSize` passing programs of that order whose cost is within `frontierWindow` of
/// the first's — whichever threads took part. Once programs are found, the walk is cut at
/// the cost past which nothing more can join them.
///
/// The thread that calls `run()` searches every window; other threads may call `help()`
/// at any time to take part until the search ends (see `TopDownWalker` for how a window's
/// units are shared out).
public final class TopDownSearch: @unchecked Sendable {
    /// A program that passed, with its place in the order programs are handed out.
    public struct Found: Sendable {
        public var codes: [Int32]
        public var cost: Double
        /// The depth-first unit it was found in, and its position among the programs that
        /// walker visited: with `cost`, its place in the order.
        var unit: Int
        var sequence: Int
    }

    public struct Result: Sendable {
        /// The programs found, most probable first.
        public var found: [Found]
        public var outcome: TopDownEnumerator.Outcome
        /// Programs checked, over every thread.
        public var candidates: Int
        public var expansions: Int
        /// The threads that took part in at least one window besides the caller of `run()`.
        public var helpers: Int
        /// The time of one checked program in every `CandidateSample.interval`, over every thread.
        public var sample: CandidateSample
        /// Seconds the threads spent walking windows, summed over the threads.
        public var walkSeconds: Double
        /// Seconds the caller of `run()` waited for helping threads to finish a window.
        public var waitingSeconds: Double
    }

    /// A check of a complete program's choice codes. Each thread makes its own.
    public typealias Check = (UnsafeBufferPointer<Int32>) -> Bool

    /// What a thread checks programs with: whether a program passes, and (for observational
    /// equivalence) what a subprogram does on the task's examples.
    public struct Checker {
        public var fits: Check
        public var behaviour: ((UnsafeBufferPointer<Int32>, TypeExpr) -> Behaviour?)?

        public init(fits: @escaping Check, behaviour: ((UnsafeBufferPointer<Int32>, TypeExpr) -> Behaviour?)? = nil) {
            self.fits = fits
            self.behaviour = behaviour
        }
    }

    /// Observational equivalence of closed subprograms (see `TopDownWalker+Equivalence.swift`):
    /// the task's input types, and the bounds of each hole type's table of the cheapest
    /// behaviours — its cost, and how many behaviours it may hold.
    public struct ObservationalEquivalence: Sendable {
        public var inputs: [TypeExpr]
        public var maximumCost: Double
        public var capacity: Int

        public init(inputs: [TypeExpr], maximumCost: Double, capacity: Int) {
            self.inputs = inputs
            self.maximumCost = maximumCost
            self.capacity = capacity
        }
    }

    private let space: TopDownSpace
    private let windowWidth: Double
    private let frontierSize: Int
    private let frontierWindow: Double
    private let deadline: ContinuousClock.Instant?
    private let makeChecker: @Sendable () -> Checker
    private let equivalence: EquivalenceTable?
    /// Units are the partial programs of this many choices (see `TopDownWalker`).
    private let splitDepth: Int

    /// Guards `state` and signals its changes (a window opened or closed, a thread done).
    private let condition = NSCondition()
    private var state = State()
    private let tickets = Atomic<Int>(0)
    /// The bit pattern of the cost past which no program can join the ones found.
    private let bound = Atomic<UInt64>(Double.infinity.bitPattern)

    private struct State {
        var window: (lower: Double, upper: Double, number: Int)?
        var finished = false
        var participants = 0
        var found: [Found] = []
        /// The costs of every program found so far, merged or not.
        var costs: [Double] = []
        var candidates = 0
        var expansions = 0
        var sawDeeper = false
        var timedOut = false
        var helpers = 0
        var sample = CandidateSample()
        var walkSeconds = 0.0
        var waitingSeconds = 0.0
    }

    public init(enumerator: TopDownEnumerator, frontierSize: Int, frontierWindow: Double, deadline: ContinuousClock.Instant?,
                splitDepth: Int = 4, equivalence: ObservationalEquivalence? = nil, checker: @escaping @Sendable () -> Checker) {
        space = enumerator.space
        windowWidth = enumerator.windowWidth
        self.frontierSize = frontierSize
        self.frontierWindow = frontierWindow
        self.deadline = deadline
        self.splitDepth = splitDepth
        makeChecker = checker
        self.equivalence = equivalence.map {
            EquivalenceTable(grammar: enumerator.grammar, inputs: $0.inputs, maximumCost: $0.maximumCost, capacity: $0.capacity)
        }
    }

    /// A search whose threads check programs with `check` alone.
    public convenience init(enumerator: TopDownEnumerator, frontierSize: Int, frontierWindow: Double,
                            deadline: ContinuousClock.Instant?, splitDepth: Int = 4, check: @escaping @Sendable () -> Check) {
        self.init(enumerator: enumerator, frontierSize: frontierSize, frontierWindow: frontierWindow, deadline: deadline,
                  splitDepth: splitDepth) { Checker(fits: check()) }
    }

    /// A walker of this search for the calling thread, with its checker.
    private func makeWalker() -> (TopDownWalker, Check) {
        let walker = TopDownWalker(space: space)
        let checker = makeChecker()
        if let equivalence, let behaviour = checker.behaviour { walker.observe(equivalence, behaviour: behaviour) }
        return (walker, checker.fits)
    }

    /// Searches window by window until the programs found are complete, the space is
    /// exhausted or the deadline passes.
    public func run() -> Result {
        let (walker, check) = makeWalker()
        var lower = 0.0
        var outcome = TopDownEnumerator.Outcome.exhausted
        var number = 0
        while true {
            let upper = min(lower + windowWidth, Self.cost(bound.load(ordering: .relaxed)).nextUp)
            tickets.store(0, ordering: .relaxed)
            open(lower: lower, upper: upper, number: number)
            let status = take(part: walker, check: check, lower: lower, upper: upper)
            let (sawDeeper, timedOut) = close()
            if timedOut || status == .timeLimit {
                outcome = .timeLimit
                break
            }
            let limit = Self.cost(bound.load(ordering: .relaxed))
            if limit < upper {
                outcome = .stopped
                break
            }
            if !sawDeeper {
                outcome = .exhausted
                break
            }
            lower = upper
            number += 1
        }
        return finish(outcome: outcome)
    }

    /// Takes part in the search from another thread until it ends. Returns whether this
    /// thread searched any window.
    @discardableResult
    public func help() -> Bool {
        var walker: TopDownWalker?
        var check: Check?
        var lastWindow = -1
        while true {
            condition.lock()
            var joined: (lower: Double, upper: Double, number: Int)?
            while true {
                if state.finished {
                    condition.unlock()
                    return walker != nil
                }
                if let window = state.window, window.number != lastWindow {
                    state.participants += 1
                    if walker == nil { state.helpers += 1 }
                    joined = window
                    break
                }
                condition.wait()
            }
            condition.unlock()
            guard let window = joined else { continue }
            lastWindow = window.number
            if walker == nil { (walker, check) = makeWalker() }
            _ = take(part: walker!, check: check!, lower: window.lower, upper: window.upper)
            condition.lock()
            state.participants -= 1
            condition.broadcast()
            condition.unlock()
        }
    }

    private static func cost(_ bits: UInt64) -> Double { Double(bitPattern: bits) }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }

    private func open(lower: Double, upper: Double, number: Int) {
        condition.lock()
        state.window = (lower, upper, number)
        condition.broadcast()
        condition.unlock()
    }

    /// Ends the current window: no thread joins it any more, and the ones in it finish.
    private func close() -> (sawDeeper: Bool, timedOut: Bool) {
        condition.lock()
        defer { condition.unlock() }
        state.window = nil
        if state.participants > 0 {
            let start = ContinuousClock.now
            while state.participants > 0 { condition.wait() }
            state.waitingSeconds += Self.seconds(since: start)
        }
        defer { state.sawDeeper = false }
        return (state.sawDeeper, state.timedOut)
    }

    private func finish(outcome: TopDownEnumerator.Outcome) -> Result {
        condition.lock()
        defer { condition.unlock() }
        state.finished = true
        condition.broadcast()
        var found = state.found.sorted { ($0.cost, $0.unit, $0.sequence) < ($1.cost, $1.unit, $1.sequence) }
        if let best = found.first {
            found = Array(found.prefix { $0.cost <= best.cost + frontierWindow }.prefix(frontierSize))
        }
        return Result(found: found, outcome: outcome, candidates: state.candidates, expansions: state.expansions, helpers: state.helpers,
                      sample: state.sample, walkSeconds: state.walkSeconds, waitingSeconds: state.waitingSeconds)
    }

    /// One thread's walk of the window `[lower, upper)`: it claims units, checks the
    /// programs it meets, and adds what it found and counted to the search's state.
    private func take(part walker: TopDownWalker, check: @escaping Check, lower: Double, upper: Double) -> TopDownWalker.Status {
        var found: [Found] = []
        var candidates = 0
        var sequence = 0
        var sample = CandidateSample()
        let expansionsBefore = walker.expansions
        let start = ContinuousClock.now
        let status = walker.walk(lower: lower, upper: upper, deadline: deadline, splitDepth: splitDepth,
                                 claim: { self.tickets.wrappingAdd(1, ordering: .relaxed).oldValue },
                                 poll: { Self.cost(self.bound.load(ordering: .relaxed)).nextUp }) { codes, cost in
            if cost > Self.cost(self.bound.load(ordering: .relaxed)) { return true }
            candidates += 1
            sequence += 1
            let passes: Bool
            if CandidateSample.times(candidates) {
                let before = ContinuousClock.now
                passes = check(codes)
                sample.add(evaluation: CandidateSample.seconds(from: before, to: ContinuousClock.now))
            } else {
                passes = check(codes)
            }
            if passes {
                found.append(Found(codes: Array(codes), cost: cost, unit: walker.currentUnit, sequence: sequence))
                walker.tighten(to: self.record(cost).nextUp)
            }
            return true
        }
        let walked = Self.seconds(since: start)
        condition.lock()
        state.found += found
        state.candidates += candidates
        state.sample.add(sample)
        state.walkSeconds += walked
        state.expansions += walker.expansions - expansionsBefore
        if walker.sawDeeper { state.sawDeeper = true }
        if status == .timeLimit { state.timedOut = true }
        condition.unlock()
        return status
    }

    /// Records a program found at `cost` and returns the new bound: the cost of the
    /// `frontierSize`-th cheapest program found, or `frontierWindow` past the cheapest.
    private func record(_ cost: Double) -> Double {
        condition.lock()
        defer { condition.unlock() }
        state.costs.append(cost)
        state.costs.sort()
        var limit = state.costs[0] + frontierWindow
        if state.costs.count >= frontierSize { limit = min(limit, state.costs[frontierSize - 1]) }
        bound.store(limit.bitPattern, ordering: .relaxed)
        return limit
    }
}
