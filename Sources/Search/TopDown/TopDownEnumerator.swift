import Foundation
import Grammar
import Language

/// Typed top-down enumeration of λ-programs in order of decreasing prior probability.
///
/// The leftmost hole of a partial program is expanded with every choice whose type fits — a
/// production whose result unifies with the hole's type (polymorphic types instantiated
/// freshly), a variable in scope, or a lambda when the hole has an arrow type (programs are
/// built in η-long form). A choice costs −log P(choice | hole): its weight normalised over
/// the choices that fit (DreamCoder's type-directed grammar; Ellis et al., PLDI 2021).
///
/// Search is depth-first within cost windows (DreamCoder's iterative deepening, windows of
/// `windowWidth` nats): memory stays proportional to the program's depth. The complete
/// programs of a window are sorted before they are handed out, so programs come out in
/// non-decreasing cost — non-increasing prior — and each derivation exactly once.
///
/// Invariants: de Bruijn indices are correct by construction (a variable choice names a
/// binding of the hole's environment); every complete program is well typed at the request.
public final class TopDownEnumerator {
    /// How a run ended.
    public enum Outcome: Equatable, Sendable {
        case stopped
        case exhausted
        case timeLimit
        case memoryLimit
        case costLimit
    }

    public let grammar: Grammar
    public let request: TypeExpr
    /// Width of a cost window, in nats.
    public let windowWidth: Double
    let space: TopDownSpace
    private let walker: TopDownWalker

    /// Partial programs expanded so far (over all windows).
    public var expansions: Int { walker.expansions }
    /// Complete programs handed out so far.
    public private(set) var programs = 0
    /// The bound on the bytes the complete programs of one window may take before they are
    /// sorted and handed out (the search's bank; see `storedBytes(choices:)`).
    public let memoryLimit: Int

    public init(grammar: Grammar, request: TypeExpr, windowWidth: Double = 1.5,
                memoryLimit: Int = Defaults.memoryLimit, pruning: TopDownPruning = .all) {
        self.grammar = grammar
        self.request = request
        self.windowWidth = windowWidth
        self.memoryLimit = memoryLimit
        space = TopDownSpace(grammar: grammar, request: request, pruning: pruning)
        walker = TopDownWalker(space: space)
    }

    /// Hands out complete programs in non-decreasing cost (−log prior), calling `onProgram`
    /// with each and its log prior, until it returns `false`, the deadline passes, the cost
    /// exceeds `maximumCost`, or a window's programs take more than `memoryLimit` bytes.
    public func run(deadline: ContinuousClock.Instant? = nil, maximumCost: Double = .infinity,
                    onProgram: (Program, Double) -> Bool) -> Outcome {
        run(deadline: deadline, maximumCost: maximumCost) { codes, logPrior in onProgram(program(from: codes), logPrior) }
    }

    /// `run(deadline:maximumCost:onProgram:)` with each program given as its choice codes
    /// (`ProgramCode` over `leaves`), valid during the call.
    public func run(deadline: ContinuousClock.Instant? = nil, maximumCost: Double = .infinity,
                    onCodes: (UnsafeBufferPointer<Int32>, Double) -> Bool) -> Outcome {
        var lower = 0.0
        var codes: [Int32] = []
        var found: [(cost: Double, start: Int32, count: Int32)] = []
        while lower <= maximumCost {
            let upper = min(lower + windowWidth, maximumCost.nextUp)
            codes.removeAll(keepingCapacity: true)
            found.removeAll(keepingCapacity: true)
            var bytes = 0
            var full = false
            let status = walker.walk(lower: lower, upper: upper, deadline: deadline) { choices, cost in
                found.append((cost, Int32(codes.count), Int32(choices.count)))
                codes.append(contentsOf: choices)
                bytes += Self.storedBytes(choices: choices.count)
                if bytes > self.memoryLimit { full = true }
                return !full
            }
            if full { return .memoryLimit }
            found.sort { $0.cost < $1.cost }
            let ending = codes.withUnsafeBufferPointer { all -> Outcome? in
                for (position, entry) in found.enumerated() {
                    if position % 256 == 255, let deadline, ContinuousClock.now >= deadline { return .timeLimit }
                    programs += 1
                    let program = UnsafeBufferPointer(rebasing: all[Int(entry.start)..<Int(entry.start + entry.count)])
                    if !onCodes(program, -entry.cost) { return .stopped }
                }
                return nil
            }
            if let ending { return ending }
            if status == .timeLimit { return .timeLimit }
            if !walker.sawDeeper { return .exhausted }
            lower = upper
        }
        return .costLimit
    }

    /// The programs production codes stand for (`ProgramCode`): the grammar's productions.
    public var leaves: [Program] { space.leaves }

    /// The program whose choice codes (`ProgramCode`, over `leaves`) are `codes`.
    public func program(from codes: some Collection<Int32>) -> Program {
        ProgramCode.program(from: codes, leaves: space.leaves, leafArities: space.arities)
    }

    /// The bytes a window's bank spends on one complete program of `count` choices: its
    /// entry (cost, start and length) and its codes.
    static func storedBytes(choices count: Int) -> Int {
        MemoryLayout<(Double, Int32, Int32)>.stride + 4 * count
    }
}
