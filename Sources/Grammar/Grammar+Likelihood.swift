import Foundation
import Language

/// One choice in a program's derivation: the slot it was made in, the choices that fitted
/// there (`variables` counts the fitting variables), and the choice made.
public struct ChoicePoint: Sendable {
    public var slot: Slot
    public var fittingProductions: [ProductionKey]
    public var fittingVariables: Int
    public var chosen: SlotChoice

    public init(slot: Slot, fittingProductions: [ProductionKey], fittingVariables: Int, chosen: SlotChoice) {
        self.slot = slot
        self.fittingProductions = fittingProductions
        self.fittingVariables = fittingVariables
        self.chosen = chosen
    }
}

extension Grammar {
    /// The log prior of `program` as a program of type `request`: the sum, over its choices
    /// in η-long form, of the choice's log weight normalised over the choices that fit its
    /// position (productions whose result unifies with the position's type, and the
    /// variables in scope). `nil` when the program is not a well-typed η-long program of the
    /// grammar at that type.
    public func logPrior(of program: Program, request: TypeExpr) -> Double? {
        choicePoints(of: program, request: request).flatMap(logLikelihood(of:))
    }

    /// The choices that derive `program` at type `request`, in preorder; `nil` when it is not
    /// a well-typed η-long program of the grammar at that type.
    public func choicePoints(of program: Program, request: TypeExpr) -> [ChoicePoint]? {
        var context = TypeContext(nextVariable: (request.variables.max() ?? -1) + 1)
        var points: [ChoicePoint] = []
        guard walk(program, request, [], .root, &context, &points) else { return nil }
        return points
    }

    private func walk(_ program: Program, _ requested: TypeExpr, _ environment: [TypeExpr], _ slot: Slot,
                      _ context: inout TypeContext, _ points: inout [ChoicePoint]) -> Bool {
        let type = context.apply(requested)
        if case .arrow(let argument, let result) = type {
            guard case .lambda(let body) = program else { return false }
            return walk(body, result, environment + [argument], slot, &context, &points)
        }
        let (head, arguments) = program.spine
        var fitting: [ProductionKey] = []
        for production in productions {
            var trial = context
            let instantiated = trial.instantiate(production.type)
            if (try? trial.unify(instantiated.returnType, type)) != nil { fitting.append(production.key) }
        }
        var fittingVariables = 0
        for variableType in environment {
            var trial = context
            if (try? trial.unify(trial.apply(variableType).returnType, type)) != nil { fittingVariables += 1 }
        }
        let headType: TypeExpr
        let chosen: SlotChoice
        let childSlot: (Int) -> Slot
        switch head {
        case .variable(let i):
            guard i < environment.count else { return false }
            headType = context.apply(environment[environment.count - 1 - i])
            chosen = .variable
            childSlot = { .variableArgument(index: $0) }
        case .primitive, .invented:
            guard let production = productions.first(where: { $0.program == head }) else { return false }
            headType = context.instantiate(production.type)
            let key = production.key
            chosen = .production(key)
            childSlot = { .argument(of: key, index: $0) }
        default:
            return false
        }
        let argumentTypes = headType.arguments
        guard argumentTypes.count == arguments.count, (try? context.unify(headType.returnType, type)) != nil else { return false }
        points.append(ChoicePoint(slot: slot, fittingProductions: fitting, fittingVariables: fittingVariables, chosen: chosen))
        for (position, (argument, argumentType)) in zip(arguments, argumentTypes).enumerated() {
            guard walk(argument, argumentType, environment, childSlot(position), &context, &points) else { return false }
        }
        return true
    }
}
