import Foundation
import Language

/// The grammar as a `ChoiceSpace`: a hole is a type to inhabit with the variables in scope
/// and the slot it fills; an option is a production whose result unifies with the type, or
/// a variable whose result does; a hole of arrow type is a lambda around a hole of its result.
extension Grammar: ChoiceSpace {
    public struct Hole {
        public var type: TypeExpr
        /// The types of the variables in scope, `$0` last.
        public var environment: [TypeExpr]
        public var slot: Slot
    }

    public struct Option {
        /// The production's program, or the variable.
        public var head: Program
        /// The production's type scheme, or the variable's type.
        public var type: TypeExpr
        /// What the option chooses, which names its arguments' slots.
        public var choice: SlotChoice
    }

    public func knownLogWeight(of choice: SlotChoice, in slot: Slot) -> Double? {
        logWeight(of: choice, in: slot)
    }

    public func opened(_ hole: Hole, context: inout TypeContext) -> (inner: Hole, wrap: (Program) -> Program)? {
        guard case .arrow(let argument, let result) = context.apply(hole.type) else { return nil }
        return (Hole(type: result, environment: hole.environment + [argument], slot: hole.slot), Program.lambda)
    }

    public func options(for hole: Hole, leavesOnly: Bool, context: inout TypeContext) -> [(option: Option, logWeight: Double)] {
        let type = context.apply(hole.type)
        var options: [(option: Option, logWeight: Double)] = []
        for production in productions {
            var trial = context
            let instantiated = trial.instantiate(production.type)
            guard (try? trial.unify(instantiated.returnType, type)) != nil else { continue }
            if leavesOnly && !instantiated.arguments.isEmpty { continue }
            let choice = SlotChoice.production(production.key)
            options.append((Option(head: production.program, type: production.type, choice: choice), logWeight(of: choice, in: hole.slot)))
        }
        for (position, variableType) in hole.environment.enumerated() {
            var trial = context
            let resolved = trial.apply(variableType)
            guard (try? trial.unify(resolved.returnType, type)) != nil else { continue }
            if leavesOnly && !resolved.arguments.isEmpty { continue }
            options.append((Option(head: .variable(hole.environment.count - 1 - position), type: resolved, choice: .variable),
                            logWeight(of: .variable, in: hole.slot)))
        }
        return options
    }

    public func holes(of option: Option, filling hole: Hole, context: inout TypeContext) -> [Hole]? {
        let headType = option.head.isVariable ? option.type : context.instantiate(option.type)
        guard (try? context.unify(headType.returnType, context.apply(hole.type))) != nil else { return nil }
        return headType.arguments.enumerated().map { position, argumentType in
            let slot: Slot
            switch option.choice {
            case .production(let key): slot = .argument(of: key, index: position)
            case .variable: slot = .variableArgument(index: position)
            }
            return Hole(type: argumentType, environment: hole.environment, slot: slot)
        }
    }

    public func term(of option: Option, children: [Program]) -> Program {
        children.reduce(option.head) { .apply($0, $1) }
    }

    /// A program of type `request` drawn from the grammar's distribution (see
    /// `ChoiceSpace.sample(from:maximumDepth:maximumSize:context:using:)`): positions at
    /// `maximumDepth` take only choices without arguments; a draw that dead-ends or passes
    /// `maximumSize` nodes is retried, up to `attempts` times (`nil` after that).
    ///
    /// Deterministic for a given generator state: the same seed gives the same programs.
    public func sample(request: TypeExpr, maximumDepth: Int = 6, maximumSize: Int = 40,
                       attempts: Int = 100, using generator: inout SplitMix64) -> Program? {
        for _ in 0..<attempts {
            var context = TypeContext(nextVariable: (request.variables.max() ?? -1) + 1)
            let root = Hole(type: request, environment: [], slot: .root)
            if let program = sample(from: root, maximumDepth: maximumDepth, maximumSize: maximumSize, context: &context, using: &generator) {
                return program
            }
        }
        return nil
    }
}

extension Program {
    /// Whether the program is a variable `$i`.
    var isVariable: Bool {
        if case .variable = self { return true }
        return false
    }
}
