import Foundation
import Language

extension Grammar {
    /// The log prior of `program` as a program of type `request`: the sum, over its choices
    /// in η-long form, of the choice's log weight normalised over the choices that fit its
    /// position (productions whose result unifies with the position's type, and the
    /// variables in scope). `nil` when the program is not a well-typed η-long program of the
    /// grammar at that type.
    public func logPrior(of program: Program, request: TypeExpr) -> Double? {
        var context = TypeContext(nextVariable: (request.variables.max() ?? -1) + 1)
        return logPrior(program, request, [], .root, &context)
    }

    private func logPrior(_ program: Program, _ requested: TypeExpr, _ environment: [TypeExpr], _ slot: Slot,
                          _ context: inout TypeContext) -> Double? {
        let type = context.apply(requested)
        if case .arrow(let argument, let result) = type {
            guard case .lambda(let body) = program else { return nil }
            return logPrior(body, result, environment + [argument], slot, &context)
        }
        let (head, arguments) = program.spine
        // Every choice that fits this position, for the normaliser.
        var weights: [Double] = []
        for production in productions {
            var trial = context
            let instantiated = trial.instantiate(production.type)
            if (try? trial.unify(instantiated.returnType, type)) != nil {
                weights.append(logWeight(of: .production(production.key), in: slot))
            }
        }
        for variableType in environment {
            var trial = context
            if (try? trial.unify(trial.apply(variableType).returnType, type)) != nil {
                weights.append(logWeight(of: .variable, in: slot))
            }
        }
        guard let maximum = weights.max() else { return nil }
        let normaliser = maximum + log(weights.reduce(0) { $0 + exp($1 - maximum) })

        let headType: TypeExpr
        let headWeight: Double
        let childSlot: (Int) -> Slot
        switch head {
        case .variable(let i):
            guard i < environment.count else { return nil }
            headType = context.apply(environment[environment.count - 1 - i])
            headWeight = logWeight(of: .variable, in: slot)
            childSlot = { .variableArgument(index: $0) }
        case .primitive, .invented:
            guard let production = productions.first(where: { $0.program == head }) else { return nil }
            headType = context.instantiate(production.type)
            headWeight = logWeight(of: .production(production.key), in: slot)
            let key = production.key
            childSlot = { .argument(of: key, index: $0) }
        default:
            return nil
        }
        let argumentTypes = headType.arguments
        guard argumentTypes.count == arguments.count, (try? context.unify(headType.returnType, type)) != nil else { return nil }
        var total = headWeight - normaliser
        for (position, (argument, argumentType)) in zip(arguments, argumentTypes).enumerated() {
            guard let p = logPrior(argument, argumentType, environment, childSlot(position), &context) else { return nil }
            total += p
        }
        return total
    }
}
