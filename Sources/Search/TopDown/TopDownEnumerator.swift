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

    struct ProductionInfo {
        var program: Program
        var name: String
        var type: TypeExpr
        var variables: [Int]
        var arity: Int
        var logWeight: Double
    }

    final class Binding {
        let type: TypeExpr
        let next: Binding?
        init(_ type: TypeExpr, _ next: Binding?) { self.type = type; self.next = next }
    }

    struct Hole {
        var type: TypeExpr
        var environment: Binding?
        /// The production whose argument this hole is; `-1` at the root, `-2` under a variable.
        var parent: Int
        var argument: Int
    }

    /// Choice codes in a program's preorder: a production's index, or one of these.
    static let lambdaCode: Int32 = -1
    static func variableCode(_ index: Int, arity: Int) -> Int32 { Int32(-2 - index * 16 - arity) }

    public let grammar: Grammar
    public let request: TypeExpr
    let productions: [ProductionInfo]
    let variableLogWeight: Double
    /// Width of a cost window, in nats.
    public let windowWidth: Double
    let forbidden: Set<PruningRules.Triple>
    /// A lower bound on the cost of filling any hole: every hole's normaliser includes the
    /// productions whose result is a bare type variable (they fit any type), and no choice
    /// weighs more than the heaviest weight, so no hole costs less. Partial programs whose
    /// open holes cannot fit in the window are cut early.
    let minimumHoleCost: Double
    private var candidateCache: [TypeExpr: [(index: Int, logWeight: Double)]] = [:]
    /// Contextual weights by slot (see `slot(parent:argument:)`): productions' weights and the
    /// variable weight; empty when the grammar has no contextual weights.
    let slotProductionWeights: [[Double]]
    let slotVariableWeights: [Double]
    private let slotBase: [Int]
    static let maximumVariableArity = 8

    /// Partial programs expanded so far (over all windows).
    public private(set) var expansions = 0
    /// Complete programs handed out so far.
    public private(set) var programs = 0
    /// The bound on the bytes the complete programs of one window may take before they are
    /// sorted and handed out (the search's bank; see `storedBytes(choices:)`).
    public let memoryLimit: Int

    public init(grammar: Grammar, request: TypeExpr, windowWidth: Double = 1.5,
                memoryLimit: Int = 1 << 30, pruning: Bool = true) {
        self.grammar = grammar
        self.request = request
        self.windowWidth = windowWidth
        self.memoryLimit = memoryLimit
        self.variableLogWeight = grammar.variableLogWeight
        productions = grammar.productions.map { production in
            let type = production.type
            return ProductionInfo(program: production.program, name: production.name, type: type, variables: type.variables,
                                  arity: type.arguments.count, logWeight: production.logWeight)
        }
        forbidden = pruning ? PruningRules.forbidden(in: productions.map(\.name)) : []
        var base: [Int] = []
        var next = 1 + Self.maximumVariableArity
        for info in productions {
            base.append(next)
            next += info.arity
        }
        slotBase = base
        if grammar.isContextual {
            var slots: [Slot] = [.root] + (0..<Self.maximumVariableArity).map { Slot.variableArgument(index: $0) }
            for production in grammar.productions {
                slots += (0..<production.type.arguments.count).map { Slot.argument(of: production.key, index: $0) }
            }
            slotProductionWeights = slots.map { slot in grammar.productions.map { grammar.logWeight(of: .production($0.key), in: slot) } }
            slotVariableWeights = slots.map { grammar.logWeight(of: .variable, in: $0) }
        } else {
            slotProductionWeights = []
            slotVariableWeights = []
        }
        // Per slot (or once, without contextual weights): the universal productions' share.
        let infos = productions
        let universal = infos.indices.filter { if case .variable = infos[$0].type.returnType { return true } else { return false } }
        func bound(_ weights: [Double], _ variableWeight: Double) -> Double {
            let shares = universal.map { weights[$0] }
            guard let top = shares.max(), top > -.infinity else { return 0 }
            let normaliser = top + log(shares.reduce(0) { $0 + exp($1 - top) })
            return max(0, normaliser - max(weights.max() ?? 0, variableWeight))
        }
        if slotProductionWeights.isEmpty {
            minimumHoleCost = bound(infos.map(\.logWeight), grammar.variableLogWeight)
        } else {
            let (productionRows, variableRow) = (slotProductionWeights, slotVariableWeights)
            minimumHoleCost = zip(productionRows, variableRow).map { bound($0, $1) }.min() ?? 0
        }
    }

    /// Hands out complete programs in non-decreasing cost (−log prior), calling `onProgram`
    /// with each and its log prior, until it returns `false`, the deadline passes, the cost
    /// exceeds `maximumCost`, or a window's programs take more than `memoryLimit` bytes.
    public func run(deadline: ContinuousClock.Instant? = nil, maximumCost: Double = .infinity,
                    onProgram: (Program, Double) -> Bool) -> Outcome {
        var lower = 0.0
        while lower <= maximumCost {
            let upper = min(lower + windowWidth, maximumCost.nextUp)
            var search = WindowSearch(enumerator: self, lower: lower, upper: upper, deadline: deadline)
            let status = search.run()
            expansions += search.expansions
            if status == .memoryLimit { return .memoryLimit }
            search.found.sort { $0.cost < $1.cost }
            for (position, (cost, choices)) in search.found.enumerated() {
                if position % 256 == 255, let deadline, ContinuousClock.now >= deadline { return .timeLimit }
                programs += 1
                if !onProgram(program(from: choices), -cost) { return .stopped }
            }
            if status == .timeLimit { return .timeLimit }
            if !search.sawDeeper { return .exhausted }
            lower = upper
        }
        return .costLimit
    }

    /// The dense index of the slot of a hole: the root, an argument of a variable, or an
    /// argument of a production; `nil` for variable arguments past the table.
    func slot(parent: Int, argument: Int) -> Int? {
        switch parent {
        case -1: return 0
        case -2: return argument < Self.maximumVariableArity ? 1 + argument : nil
        default: return slotBase[parent] + argument
        }
    }

    /// The productions whose result can unify with `type`, cached by the type's shape.
    func fittingProductions(_ type: TypeExpr) -> [(index: Int, logWeight: Double)] {
        let key = type.canonical
        if let cached = candidateCache[key] { return cached }
        var fitting: [(index: Int, logWeight: Double)] = []
        for (index, info) in productions.enumerated() {
            let trail = TypeTrail(next: (key.variables.max() ?? -1) + 1)
            let instantiated = trail.instantiate(info.type, variables: info.variables)
            if trail.unify(instantiated.returnType, key) { fitting.append((index, info.logWeight)) }
        }
        candidateCache[key] = fitting
        return fitting
    }

    /// Rebuilds a program from its choice codes in preorder.
    func program(from choices: [Int32]) -> Program {
        var position = 0
        func build() -> Program {
            let code = choices[position]
            position += 1
            if code == Self.lambdaCode { return .lambda(build()) }
            var program: Program
            let arity: Int
            if code >= 0 {
                program = productions[Int(code)].program
                arity = productions[Int(code)].arity
            } else {
                let packed = Int(-2 - code)
                program = .variable(packed / 16)
                arity = packed % 16
            }
            for _ in 0..<arity { program = .apply(program, build()) }
            return program
        }
        return build()
    }

    /// The bytes a window's bank spends on one complete program of `count` choices: its
    /// entry (cost and array reference) and the array's heap block (header, codes, the
    /// allocator's rounding).
    static func storedBytes(choices count: Int) -> Int {
        MemoryLayout<(Double, [Int32])>.stride + (32 + 4 * count + 15) / 16 * 16 + 16
    }
}

/// One cost window's depth-first search.
private struct WindowSearch {
    enum Status { case done, timeLimit, memoryLimit }

    let enumerator: TopDownEnumerator
    let lower: Double
    let upper: Double
    let deadline: ContinuousClock.Instant?
    let trail: TypeTrail
    var holes: [TopDownEnumerator.Hole]
    var choices: [Int32] = []
    var found: [(cost: Double, choices: [Int32])] = []
    /// What `found` takes, by `TopDownEnumerator.storedBytes(choices:)`.
    var foundBytes = 0
    var expansions = 0
    /// Whether some program was cut off at the window's upper edge (a later window has work).
    var sawDeeper = false
    private var countdown = 0
    private var status = Status.done

    init(enumerator: TopDownEnumerator, lower: Double, upper: Double, deadline: ContinuousClock.Instant?) {
        self.enumerator = enumerator
        self.lower = lower
        self.upper = upper
        self.deadline = deadline
        trail = TypeTrail(next: (enumerator.request.variables.max() ?? -1) + 1)
        holes = [TopDownEnumerator.Hole(type: enumerator.request, environment: nil, parent: -1, argument: 0)]
    }

    mutating func run() -> Status {
        search(cost: 0)
        return status
    }

    private mutating func search(cost: Double) {
        if status != .done { return }
        guard let hole = holes.popLast() else {
            if cost >= lower {
                found.append((cost, choices))
                foundBytes += TopDownEnumerator.storedBytes(choices: choices.count)
                if foundBytes > enumerator.memoryLimit { status = .memoryLimit }
            }
            return
        }
        defer { holes.append(hole) }
        expansions += 1
        countdown -= 1
        if countdown <= 0 {
            countdown = 4_096
            if let deadline, ContinuousClock.now >= deadline {
                status = .timeLimit
                return
            }
        }
        let type = trail.resolve(hole.type)
        if case .arrow(let argument, let result) = type {
            choices.append(TopDownEnumerator.lambdaCode)
            holes.append(.init(type: result, environment: .init(argument, hole.environment), parent: hole.parent, argument: hole.argument))
            search(cost: cost)
            holes.removeLast()
            choices.removeLast()
            return
        }
        var fitting = enumerator.fittingProductions(type)
        var variables: [(index: Int, type: TypeExpr)] = []
        var binding = hole.environment
        var index = 0
        while let b = binding {
            let variableType = trail.resolve(b.type)
            let mark = trail.mark
            if trail.unify(variableType.returnType, type) { variables.append((index, variableType)) }
            trail.undo(to: mark)
            binding = b.next
            index += 1
        }
        var variableWeight = enumerator.variableLogWeight
        if !enumerator.slotProductionWeights.isEmpty, let slot = enumerator.slot(parent: hole.parent, argument: hole.argument) {
            let weights = enumerator.slotProductionWeights[slot]
            fitting = fitting.map { ($0.index, weights[$0.index]) }
            variableWeight = enumerator.slotVariableWeights[slot]
        }
        var maximum = variables.isEmpty ? -Double.infinity : variableWeight
        for candidate in fitting { maximum = max(maximum, candidate.logWeight) }
        guard maximum > -.infinity else { return }
        var sum = Double(variables.count) * exp(variableWeight - maximum)
        for candidate in fitting { sum += exp(candidate.logWeight - maximum) }
        let normaliser = maximum + log(sum)

        let holeBound = enumerator.minimumHoleCost
        for candidate in fitting {
            let childCost = cost + normaliser - candidate.logWeight
            if childCost + Double(holes.count + enumerator.productions[candidate.index].arity) * holeBound >= upper {
                sawDeeper = true
                continue
            }
            if hole.parent >= 0, enumerator.forbidden.contains(PruningRules.Triple(hole.parent, hole.argument, candidate.index)) { continue }
            let info = enumerator.productions[candidate.index]
            let mark = trail.mark
            let instantiated = trail.instantiate(info.type, variables: info.variables)
            if trail.unify(instantiated.returnType, type) {
                let arguments = instantiated.arguments
                for (position, argument) in arguments.enumerated().reversed() {
                    holes.append(.init(type: argument, environment: hole.environment, parent: candidate.index, argument: position))
                }
                choices.append(Int32(candidate.index))
                search(cost: childCost)
                choices.removeLast()
                holes.removeLast(arguments.count)
            }
            trail.undo(to: mark)
            if status != .done { return }
        }
        for variable in variables {
            let childCost = cost + normaliser - variableWeight
            if childCost + Double(holes.count + variable.type.arguments.count) * holeBound >= upper {
                sawDeeper = true
                continue
            }
            let mark = trail.mark
            if trail.unify(variable.type.returnType, type) {
                let arguments = variable.type.arguments
                for (position, argument) in arguments.enumerated().reversed() {
                    holes.append(.init(type: argument, environment: hole.environment, parent: -2, argument: position))
                }
                choices.append(TopDownEnumerator.variableCode(variable.index, arity: arguments.count))
                search(cost: childCost)
                choices.removeLast()
                holes.removeLast(arguments.count)
            }
            trail.undo(to: mark)
            if status != .done { return }
        }
    }
}
