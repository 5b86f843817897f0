import Foundation
import Grammar
import Language

/// The cheapest program of each behaviour among the small programs of a type, built once per
/// task and type: the evidence observational equivalence prunes by (see
/// `TopDownWalker+Equivalence.swift`).
///
/// For a hole type `σ` (canonical, possibly with type variables) the table enumerates the
/// programs of `inputs -> σ` — the subprograms a hole of type `σ` takes in the scope of the
/// task's inputs, at the costs the hole gives them — in cost windows up to `maximumCost` or
/// until it holds `capacity` behaviours, runs each on the task's examples, and keeps per
/// (result type, behaviour) the lowest cost and that program's most steps on an example.
/// What it holds depends only on the grammar, the task and those two bounds — never on which
/// thread built it or when — so every thread of a search prunes alike.
final class EquivalenceTable: @unchecked Sendable {
    struct Key: Hashable {
        var type: TypeExpr
        var behaviour: Behaviour
    }

    struct Entry {
        var cost: Double
        var mostSteps: Int
    }

    let grammar: Grammar
    let inputs: [TypeExpr]
    let maximumCost: Double
    let capacity: Int
    private let lock = NSLock()
    private var tables: [TypeExpr: [Key: Entry]] = [:]

    init(grammar: Grammar, inputs: [TypeExpr], maximumCost: Double, capacity: Int) {
        self.grammar = grammar
        self.inputs = inputs
        self.maximumCost = maximumCost
        self.capacity = capacity
    }

    /// The table of hole type `type` (canonical), built on first use with `behaviour` (the
    /// calling thread's evaluator, loaded with the task).
    func table(for type: TypeExpr, behaviour: @escaping (UnsafeBufferPointer<Int32>, TypeExpr) -> Behaviour?) -> [Key: Entry] {
        lock.lock()
        defer { lock.unlock() }
        if let table = tables[type] { return table }
        let table = build(type, behaviour: behaviour)
        tables[type] = table
        return table
    }

    private func build(_ type: TypeExpr, behaviour: @escaping (UnsafeBufferPointer<Int32>, TypeExpr) -> Behaviour?) -> [Key: Entry] {
        let space = TopDownSpace(grammar: grammar, request: .function(inputs, type), pruning: .all)
        let walker = TopDownWalker(space: space)
        var table: [Key: Entry] = [:]
        var lower = 0.0
        while lower < maximumCost, table.count < capacity {
            let upper = min(lower + 1.5, maximumCost)
            _ = walker.walk(lower: lower, upper: upper) { codes, cost in
                guard let result = walker.resolvedReturnType(), let found = behaviour(codes, result) else { return true }
                let key = Key(type: result, behaviour: found)
                if let known = table[key], known.cost <= cost { return true }
                table[key] = Entry(cost: cost, mostSteps: found.mostSteps)
                return table.count < self.capacity
            }
            if !walker.sawDeeper { break }
            lower = upper
        }
        return table
    }
}
