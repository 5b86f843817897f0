import Foundation
import Language

extension Grammar {
    /// A program of type `request` drawn from the grammar's distribution: at each position a
    /// choice that fits (a production whose result unifies, a variable in scope, a lambda for
    /// an arrow type) with probability proportional to its weight in its slot — the same
    /// distribution `logPrior(of:request:)` scores. Positions at `maximumDepth` take only
    /// choices without arguments; a draw that dead-ends or passes `maximumSize` nodes is
    /// retried, up to `attempts` times (`nil` after that).
    ///
    /// Deterministic for a given generator state: the same seed gives the same programs.
    public func sample(request: TypeExpr, maximumDepth: Int = 6, maximumSize: Int = 40,
                       attempts: Int = 100, using generator: inout SplitMix64) -> Program? {
        for _ in 0..<attempts {
            var context = TypeContext(nextVariable: (request.variables.max() ?? -1) + 1)
            var size = 0
            if let program = draw(request, [], .root, depth: 0, maximumDepth, maximumSize, &size, &context, &generator) {
                return program
            }
        }
        return nil
    }

    private func draw(_ requested: TypeExpr, _ environment: [TypeExpr], _ slot: Slot, depth: Int,
                      _ maximumDepth: Int, _ maximumSize: Int, _ size: inout Int,
                      _ context: inout TypeContext, _ generator: inout SplitMix64) -> Program? {
        size += 1
        if size > maximumSize { return nil }
        let type = context.apply(requested)
        if case .arrow(let argument, let result) = type {
            return draw(result, environment + [argument], slot, depth: depth, maximumDepth, maximumSize, &size, &context, &generator)
                .map(Program.lambda)
        }
        // The choices that fit, with their weights in this slot.
        var choices: [(head: Program, type: TypeExpr, weight: Double, childSlot: (Int) -> Slot)] = []
        for production in productions {
            var trial = context
            let instantiated = trial.instantiate(production.type)
            guard (try? trial.unify(instantiated.returnType, type)) != nil else { continue }
            if depth >= maximumDepth && !instantiated.arguments.isEmpty { continue }
            let key = production.key
            choices.append((production.program, production.type, logWeight(of: .production(key), in: slot), { .argument(of: key, index: $0) }))
        }
        for (position, variableType) in environment.enumerated() {
            var trial = context
            let resolved = trial.apply(variableType)
            guard (try? trial.unify(resolved.returnType, type)) != nil else { continue }
            if depth >= maximumDepth && !resolved.arguments.isEmpty { continue }
            choices.append((.variable(environment.count - 1 - position), resolved, logWeight(of: .variable, in: slot),
                            { .variableArgument(index: $0) }))
        }
        guard let top = choices.map(\.weight).max(), top > -.infinity else { return nil }
        let masses = choices.map { exp($0.weight - top) }
        var pick = Double(generator.next() >> 11) / Double(1 << 53) * masses.reduce(0, +)
        var index = 0
        while index < masses.count - 1 && pick >= masses[index] {
            pick -= masses[index]
            index += 1
        }
        let choice = choices[index]
        let headType = choice.head.isVariable ? choice.type : context.instantiate(choice.type)
        guard (try? context.unify(headType.returnType, type)) != nil else { return nil }
        var program = choice.head
        for (position, argumentType) in headType.arguments.enumerated() {
            guard let argument = draw(argumentType, environment, choice.childSlot(position), depth: depth + 1,
                                      maximumDepth, maximumSize, &size, &context, &generator) else { return nil }
            program = .apply(program, argument)
        }
        return program
    }
}

extension Program {
    /// Whether the program is a variable `$i`.
    var isVariable: Bool {
        if case .variable = self { return true }
        return false
    }
}
