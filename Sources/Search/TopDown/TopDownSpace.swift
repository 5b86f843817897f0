import Foundation
import Grammar
import Language

/// A grammar prepared for top-down search toward one request: its productions' types
/// interned, their weights per slot, the pruning table and the bound on a hole's cost.
/// Immutable once built, and shared by every thread searching the request.
///
/// Everything the search's inner loop reads is a flat array of plain numbers, indexed by
/// production, so that the loop neither counts references nor hashes.
struct TopDownSpace: @unchecked Sendable {
    /// The productions' leaves (`.primitive`, `.invented`), by index: the programs a
    /// production code stands for.
    let leaves: [Program]
    let names: [String]
    /// Interned scheme types: every production's and the request's.
    let types: TypeTable
    let request: Int32
    let returnNodes: [Int32]
    /// Production `i`'s argument types are `argumentNodes[argumentStart[i] ..< argumentStart[i] + arities[i]]`.
    let argumentNodes: [Int32]
    let argumentStart: [Int]
    let arities: [Int]
    /// How many fresh type variables an instance of production `i` takes.
    let variableCounts: [Int32]
    let logWeights: [Double]
    let variableLogWeight: Double
    /// Contextual weights by slot (see `slot(parent:argument:)`): row `s` holds the
    /// productions' weights in slot `s`; empty when the grammar has no contextual weights.
    let slotProductionWeights: [[Double]]
    let slotVariableWeights: [Double]
    let slotBase: [Int]
    let slotCount: Int
    /// `forbidden[slot * productionCount + child]`: the pruning rules' table.
    let forbidden: [Bool]
    /// How each production's arguments are ordered (see `TopDownWalker+ArgumentOrder.swift`).
    let argumentOrders: [ArgumentOrder]
    /// A lower bound on the cost of filling any hole: every hole's normaliser includes the
    /// productions whose result is a bare type variable (they fit any type), and no choice
    /// weighs more than the heaviest weight, so no hole costs less. Partial programs whose
    /// open holes cannot fit in the window are cut early.
    let minimumHoleCost: Double
    /// A lower bound on the cost of filling each argument of each production (by the
    /// argument's place in `argumentNodes`), and their sum per production: for an argument of
    /// a ground type, the cost of the likeliest choice that fits it when no variable is in
    /// scope (variables only add to a hole's normaliser); elsewhere `minimumHoleCost`.
    let argumentBounds: [Double]
    let argumentBoundSums: [Double]

    static let maximumVariableArity = 8
    /// The number of the request's arguments: the variables in scope outside every λ.
    let inputCount: Int

    var productionCount: Int { leaves.count }
    var isContextual: Bool { !slotProductionWeights.isEmpty }

    init(grammar: Grammar, request: TypeExpr, pruning: TopDownPruning) {
        let types = TypeTable()
        let productions = grammar.productions
        leaves = productions.map(\.program)
        names = productions.map(\.name)
        var returnNodes: [Int32] = [], argumentNodes: [Int32] = [], argumentStart: [Int] = []
        var arities: [Int] = [], variableCounts: [Int32] = []
        for production in productions {
            let node = types.intern(production.type)
            let arguments = production.type.arguments
            argumentStart.append(argumentNodes.count)
            argumentNodes += arguments.map { types.intern($0) }
            arities.append(arguments.count)
            returnNodes.append(types.intern(production.type.returnType))
            variableCounts.append(types.variableCount(node))
        }
        self.request = types.intern(request)
        inputCount = request.arguments.count
        self.returnNodes = returnNodes
        self.argumentNodes = argumentNodes
        self.argumentStart = argumentStart
        self.arities = arities
        self.variableCounts = variableCounts
        self.types = types
        logWeights = productions.map(\.logWeight)
        variableLogWeight = grammar.variableLogWeight

        var base: [Int] = []
        var next = 1 + Self.maximumVariableArity
        for arity in arities {
            base.append(next)
            next += arity
        }
        slotBase = base
        slotCount = next
        if grammar.isContextual {
            var slots: [Slot] = [.root] + (0..<Self.maximumVariableArity).map { Slot.variableArgument(index: $0) }
            for production in productions {
                slots += (0..<production.type.arguments.count).map { Slot.argument(of: production.key, index: $0) }
            }
            slotProductionWeights = slots.map { slot in productions.map { grammar.logWeight(of: .production($0.key), in: slot) } }
            slotVariableWeights = slots.map { grammar.logWeight(of: .variable, in: $0) }
        } else {
            slotProductionWeights = []
            slotVariableWeights = []
        }
        var forbidden = Array(repeating: false, count: next * productions.count)
        if pruning.contains(.shapes) {
            for triple in PruningRules.forbidden(in: names) {
                forbidden[(base[triple.parent] + triple.argument) * productions.count + triple.child] = true
            }
        }
        self.forbidden = forbidden
        argumentOrders = pruning.contains(.argumentOrder) ? Self.argumentOrders(productions, argumentStart: argumentStart, argumentNodes: argumentNodes,
                                                       slotBase: base, slotProductionWeights: slotProductionWeights,
                                                       slotVariableWeights: slotVariableWeights) : productions.map { _ in .free }

        (minimumHoleCost, argumentBounds, argumentBoundSums) = Self.holeBounds(
            productions: productions, variableLogWeight: grammar.variableLogWeight, types: types, returnNodes: returnNodes,
            variableCounts: variableCounts, argumentNodes: argumentNodes, argumentStart: argumentStart, arities: arities,
            slotProductionWeights: slotProductionWeights, slotVariableWeights: slotVariableWeights)
    }

    /// Lower bounds on filling holes: the least any hole costs (the universal productions'
    /// share, per slot or once without contextual weights), each argument's bound, and their
    /// sum for each production.
    private static func holeBounds(productions: [Production], variableLogWeight: Double, types: TypeTable, returnNodes: [Int32],
                                   variableCounts: [Int32], argumentNodes: [Int32], argumentStart: [Int], arities: [Int],
                                   slotProductionWeights: [[Double]], slotVariableWeights: [Double]) -> (Double, [Double], [Double]) {
        let logWeights = productions.map(\.logWeight)
        let universal = productions.indices.filter { if case .variable = productions[$0].type.returnType { return true } else { return false } }
        func bound(_ weights: [Double], _ variableWeight: Double) -> Double {
            let shares = universal.map { weights[$0] }
            guard let top = shares.max(), top > -.infinity else { return 0 }
            let normaliser = top + log(shares.reduce(0) { $0 + exp($1 - top) })
            return max(0, normaliser - max(weights.max() ?? 0, variableWeight))
        }
        let minimumHoleCost = slotProductionWeights.isEmpty
            ? bound(logWeights, variableLogWeight)
            : zip(slotProductionWeights, slotVariableWeights).map { bound($0, $1) }.min() ?? 0
        var bounds: [Int32: Double] = [:]
        let contextual = !slotProductionWeights.isEmpty
        let argumentBounds = argumentNodes.map { node in
            if contextual { return minimumHoleCost }
            if let known = bounds[node] { return known }
            let found = max(minimumHoleCost, Self.bound(of: node, in: types, returnNodes: returnNodes, variableCounts: variableCounts,
                                                        logWeights: logWeights, variableLogWeight: variableLogWeight))
            bounds[node] = found
            return found
        }
        let sums = arities.indices.map { production in
            (0..<arities[production]).reduce(0.0) { $0 + argumentBounds[argumentStart[production] + $1] }
        }
        return (minimumHoleCost, argumentBounds, sums)
    }

    /// The cost of the likeliest choice for a hole of type `node` when no variable is in
    /// scope: a lower bound on filling the hole, for a ground type (0 otherwise). The result of
    /// a function type counts (a λ costs nothing).
    private static func bound(of node: Int32, in types: TypeTable, returnNodes: [Int32], variableCounts: [Int32],
                              logWeights: [Double], variableLogWeight: Double) -> Double {
        var result = TypeTable.Term(node: node, base: 0)
        while types.tag(result) == .arrow { result = types.right(result) }
        guard types.ground[Int(result.node)] else { return 0 }
        var fitting: [Double] = []
        for production in returnNodes.indices {
            let mark = types.mark
            let base = types.reserve(variableCounts[production])
            if types.unify(.init(node: returnNodes[production], base: base), result) { fitting.append(logWeights[production]) }
            types.undo(to: mark)
        }
        guard let top = fitting.max(), top > -.infinity else { return 0 }
        let normaliser = top + log(fitting.reduce(0) { $0 + exp($1 - top) })
        return max(0, normaliser - max(top, variableLogWeight))
    }

    /// Commutative operations whose two arguments have one type, and `if`; with contextual
    /// weights, commutative operations only where the two argument slots weigh every choice
    /// alike (so that swapping the arguments keeps the cost).
    private static func argumentOrders(_ productions: [Production], argumentStart: [Int], argumentNodes: [Int32], slotBase: [Int],
                                       slotProductionWeights: [[Double]], slotVariableWeights: [Double]) -> [ArgumentOrder] {
        productions.indices.map { index in
            guard case .primitive(let primitive) = productions[index].kind, case .operation(let operation) = primitive.implementation else {
                return .free
            }
            let (rule, pair): (ArgumentOrder, (Int, Int))
            if operation.isCommutative, operation.arity == 2 {
                (rule, pair) = (.ordered, (0, 1))
            } else if operation == .ite {
                (rule, pair) = (.different, (1, 2))
            } else {
                return .free
            }
            let start = argumentStart[index]
            guard argumentNodes[start + pair.0] == argumentNodes[start + pair.1] else { return .free }
            if rule == .ordered, !slotProductionWeights.isEmpty {
                let (a, b) = (slotBase[index] + pair.0, slotBase[index] + pair.1)
                guard slotProductionWeights[a] == slotProductionWeights[b], slotVariableWeights[a] == slotVariableWeights[b] else { return .free }
            }
            return rule
        }
    }

    /// The dense index of the slot of a hole: the root, an argument of a variable, or an
    /// argument of a production; `nil` for variable arguments past the table.
    @inline(__always)
    func slot(parent: Int32, argument: Int32) -> Int? {
        switch parent {
        case -1: return 0
        case -2: return argument < Self.maximumVariableArity ? 1 + Int(argument) : nil
        default: return slotBase[Int(parent)] + Int(argument)
        }
    }
}
