import Grammar
import Language

/// Typed top-down enumeration of λ-programs in order of decreasing prior probability.
///
/// Best-first search over partial programs: the leftmost hole of the cheapest partial program
/// is expanded with every choice whose type fits — a production whose result unifies with
/// the hole's type (polymorphic types instantiated freshly), a variable in scope, or a
/// lambda when the hole has an arrow type (programs are built in η-long form). A choice costs
/// −log P(choice | hole): its weight normalised over the choices that fit (DreamCoder's
/// type-directed grammar; Ellis et al., PLDI 2021). All costs are non-negative, so complete
/// programs come out in non-decreasing cost, that is non-increasing prior, and each
/// derivation exactly once.
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
        var arguments: [TypeExpr]
        var result: TypeExpr
        var logWeight: Double
    }

    enum Choice {
        case lambda
        case production(Int, arity: Int)
        case variable(Int, arity: Int)
    }

    final class ChoiceNode {
        let choice: Choice
        let next: ChoiceNode?
        init(_ choice: Choice, _ next: ChoiceNode?) { self.choice = choice; self.next = next }
    }

    final class Binding {
        let type: TypeExpr
        let next: Binding?
        init(_ type: TypeExpr, _ next: Binding?) { self.type = type; self.next = next }
    }

    final class Hole {
        let type: TypeExpr
        let environment: Binding?
        /// The production whose argument this hole is (`-1` at the root or under a variable).
        let parent: Int
        let argument: Int
        let next: Hole?
        init(_ type: TypeExpr, _ environment: Binding?, parent: Int, argument: Int, _ next: Hole?) {
            self.type = type; self.environment = environment; self.parent = parent; self.argument = argument; self.next = next
        }
    }

    struct State: Comparable {
        var cost: Double
        var serial: Int
        var choices: ChoiceNode?
        var holes: Hole?
        var context: TypeContext

        static func < (a: State, b: State) -> Bool { (a.cost, a.serial) < (b.cost, b.serial) }
        static func == (a: State, b: State) -> Bool { a.cost == b.cost && a.serial == b.serial }
    }

    public let grammar: Grammar
    public let request: TypeExpr
    let productions: [ProductionInfo]
    let variableLogWeight: Double
    /// Pairs (parent production, argument, child production) never expanded (see `PruningRules`).
    let forbidden: Set<PruningRules.Triple>
    private var heap = BinaryHeap<State>()
    private var serial = 0
    private var candidateCache: [TypeExpr: [(index: Int, logWeight: Double)]] = [:]

    /// Partial programs expanded so far.
    public private(set) var expansions = 0
    /// Complete programs produced so far.
    public private(set) var programs = 0
    /// The bound on partial programs held at once.
    public let maximumStates: Int

    public init(grammar: Grammar, request: TypeExpr, maximumStates: Int = 4_000_000, pruning: Bool = true) {
        self.grammar = grammar
        self.request = request
        self.maximumStates = maximumStates
        self.variableLogWeight = grammar.variableLogWeight
        productions = grammar.productions.map { production in
            let type = production.type
            return ProductionInfo(program: production.program, name: production.name, type: type,
                                  arguments: type.arguments, result: type.returnType, logWeight: production.logWeight)
        }
        forbidden = pruning ? PruningRules.forbidden(in: productions.map(\.name)) : []
        let context = TypeContext(nextVariable: (request.variables.max() ?? -1) + 1)
        heap.insert(State(cost: 0, serial: 0, choices: nil,
                          holes: Hole(request, nil, parent: -1, argument: 0, nil), context: context))
    }

    /// Produces complete programs in non-decreasing cost (−log prior), calling `onProgram`
    /// with each and its log prior until it returns `false`, the deadline passes, the cost
    /// exceeds `maximumCost`, or the frontier outgrows `maximumStates`.
    public func run(deadline: ContinuousClock.Instant? = nil, maximumCost: Double = .infinity,
                    onProgram: (Program, Double) -> Bool) -> Outcome {
        var countdown = 0
        while let state = heap.popMin() {
            if state.cost > maximumCost {
                heap.insert(state)
                return .costLimit
            }
            countdown -= 1
            if countdown <= 0 {
                countdown = 1_024
                if let deadline, ContinuousClock.now >= deadline {
                    heap.insert(state)
                    return .timeLimit
                }
                if heap.count > maximumStates { return .memoryLimit }
            }
            guard let hole = state.holes else {
                programs += 1
                if !onProgram(Self.program(from: state.choices, productions), -state.cost) { return .stopped }
                continue
            }
            expansions += 1
            expand(state, hole)
        }
        return .exhausted
    }

    private func push(_ state: State) {
        serial += 1
        var state = state
        state.serial = serial
        heap.insert(state)
    }

    private func expand(_ state: State, _ hole: Hole) {
        let type = state.context.apply(hole.type)
        if case .arrow(let argument, let result) = type {
            push(State(cost: state.cost, serial: 0, choices: ChoiceNode(.lambda, state.choices),
                       holes: Hole(result, Binding(argument, hole.environment), parent: hole.parent, argument: hole.argument, hole.next),
                       context: state.context))
            return
        }
        let fitting = fittingProductions(type)
        var variables: [(index: Int, type: TypeExpr)] = []
        var binding = hole.environment
        var index = 0
        while let b = binding {
            var trial = state.context
            let variableType = trial.apply(b.type)
            if (try? trial.unify(variableType.returnType, type)) != nil { variables.append((index, variableType)) }
            binding = b.next
            index += 1
        }
        // Normalise over every choice that fits.
        var weights = fitting.map(\.logWeight)
        weights += Array(repeating: variableLogWeight, count: variables.count)
        guard let maximum = weights.max() else { return }
        let normaliser = maximum + log(weights.reduce(0) { $0 + exp($1 - maximum) })

        for candidate in fitting {
            let info = productions[candidate.index]
            if hole.parent >= 0, forbidden.contains(PruningRules.Triple(hole.parent, hole.argument, candidate.index)) { continue }
            var context = state.context
            let instantiated = context.instantiate(info.type)
            guard (try? context.unify(instantiated.returnType, type)) != nil else { continue }
            let argumentTypes = instantiated.arguments
            var holes = hole.next
            for (position, argument) in argumentTypes.enumerated().reversed() {
                holes = Hole(argument, hole.environment, parent: candidate.index, argument: position, holes)
            }
            push(State(cost: state.cost + normaliser - candidate.logWeight, serial: 0,
                       choices: ChoiceNode(.production(candidate.index, arity: argumentTypes.count), state.choices),
                       holes: holes, context: context))
        }
        for variable in variables {
            var context = state.context
            guard (try? context.unify(variable.type.returnType, type)) != nil else { continue }
            let argumentTypes = variable.type.arguments
            var holes = hole.next
            for (position, argument) in argumentTypes.enumerated().reversed() {
                holes = Hole(argument, hole.environment, parent: -1, argument: position, holes)
            }
            push(State(cost: state.cost + normaliser - variableLogWeight, serial: 0,
                       choices: ChoiceNode(.variable(variable.index, arity: argumentTypes.count), state.choices),
                       holes: holes, context: context))
        }
    }

    /// The productions whose result can unify with `type`, cached by the type's shape.
    private func fittingProductions(_ type: TypeExpr) -> [(index: Int, logWeight: Double)] {
        let key = type.canonical
        if let cached = candidateCache[key] { return cached }
        var fitting: [(index: Int, logWeight: Double)] = []
        for (index, info) in productions.enumerated() {
            var context = TypeContext(nextVariable: (key.variables.max() ?? -1) + 1)
            let instantiated = context.instantiate(info.result)
            if (try? context.unify(instantiated, key)) != nil { fitting.append((index, info.logWeight)) }
        }
        candidateCache[key] = fitting
        return fitting
    }

    /// Rebuilds a program from its choices (most recent first, so reversed preorder).
    static func program(from choices: ChoiceNode?, _ productions: [ProductionInfo]) -> Program {
        var preorder: [Choice] = []
        var node = choices
        while let n = node {
            preorder.append(n.choice)
            node = n.next
        }
        preorder.reverse()
        var position = 0
        func build() -> Program {
            let choice = preorder[position]
            position += 1
            switch choice {
            case .lambda:
                return .lambda(build())
            case .production(let index, let arity):
                var program = productions[index].program
                for _ in 0..<arity { program = .apply(program, build()) }
                return program
            case .variable(let index, let arity):
                var program = Program.variable(index)
                for _ in 0..<arity { program = .apply(program, build()) }
                return program
            }
        }
        return build()
    }
}

import Foundation
