import Foundation
import Grammar
import Language
import Ranking
import Tasks

/// SyGuS problems seen by the ranking model: a problem's grammar productions keyed like the
/// productions of a `Grammar` (operator name and sorts; a function parameter is a variable),
/// so that weights learned on one problem apply to every problem offering the same operators,
/// and production costs for the bottom-up search derived from a (task-conditioned) grammar.
extension SyGuSProblem {
    /// What a production template of `function`'s grammar chooses: a production key, a
    /// variable, or `nil` for a chain production (`Start → B`), which chooses nothing.
    public func choice(of template: Tasks.Expression) -> SlotChoice? {
        switch template {
        case .builtin(let primitive, _): return .production(ProductionKey(name: primitive.name, type: primitive.type.canonical))
        case .constant(let value):
            guard let type = value.type else { return nil }
            return .production(ProductionKey(name: value.description, type: type))
        case .parameter, .variable: return .variable
        case .nonterminal: return nil
        case .definition(let index, _):
            let definition = definitions[index]
            return .production(ProductionKey(name: definition.name, type: TypeExpr.function(definition.parameters.map(\.sort), definition.returnSort).canonical))
        case .synthesized(let index, _):
            return .production(ProductionKey(name: functions[index].name, type: functions[index].type.canonical))
        }
    }

    /// The choices of the derivation of `body` in `function`'s grammar, each in its slot (the
    /// root, or an argument of the production that chose it, arguments counted over the
    /// production's nonterminal holes; a chain production `Start → B` passes its slot on);
    /// `nil` when the grammar cannot derive it.
    public func choicePoints(of body: Tasks.Expression, function: Int) -> [ChoicePoint]? {
        let grammar = functions[function].grammar
        guard let derivation = grammar.derivation(of: body) else { return nil }
        var slots: [Slot] = [.root]  // the slots still to fill, the next one last
        var points: [ChoicePoint] = []
        for step in derivation {
            let slot = slots.popLast() ?? .root
            guard let index = step.production else { continue }
            let template = grammar.nonterminals[step.nonterminal].productions[index]
            let chosen = choice(of: template)
            let holes = template.nonterminals.count
            if case .production(let key) = chosen {
                slots += (0..<holes).reversed().map { Slot.argument(of: key, index: $0) }
            } else {
                slots += Array(repeating: slot, count: holes)
            }
            guard let chosen else { continue }
            let (fitting, variables) = fittingChoices(grammar.nonterminals[step.nonterminal])
            points.append(ChoicePoint(slot: slot, fittingProductions: fitting, fittingVariables: variables, chosen: chosen))
        }
        return points
    }

    /// The production keys (each once) and the number of variables a nonterminal offers.
    func fittingChoices(_ nonterminal: SyGuSGrammar.Nonterminal) -> (productions: [ProductionKey], variables: Int) {
        var fitting: [ProductionKey] = []
        var variables = 0
        for template in nonterminal.productions {
            switch choice(of: template) {
            case .production(let key): if !fitting.contains(key) { fitting.append(key) }
            case .variable: variables += 1
            case nil: break
            }
        }
        return (fitting, variables)
    }

    /// The input-output examples of a programming-by-example problem: every constraint
    /// `(= (f c1 … cn) c)` with literal arguments, for the first function to synthesize.
    public var examples: [(inputs: [Value], output: Value)] {
        var result: [(inputs: [Value], output: Value)] = []
        for constraint in constraints {
            guard case .builtin(let equals, let sides) = constraint, equals.name == "=", sides.count == 2 else { continue }
            for (call, other) in [(sides[0], sides[1]), (sides[1], sides[0])] {
                guard case .synthesized(0, let arguments) = call, case .constant(let output) = other else { continue }
                let inputs = arguments.compactMap { argument -> Value? in
                    if case .constant(let value) = argument { return value }
                    return nil
                }
                if inputs.count == arguments.count { result.append((inputs, output)) }
                break
            }
        }
        return result
    }

    /// Examples of what a logical specification demands, where it says so directly: for a
    /// constraint `(= E (f v1 … vn))` (either side) whose arguments are distinct declared
    /// variables and whose `E` calls no function to synthesize, `E` evaluated at `count` seeded
    /// points (`SplitMix64.value(of:)`: edge cases and random values). Empty for
    /// other specifications. The ranking model sees these as it sees a programming-by-example
    /// problem's examples.
    public func referenceExamples(count: Int = 12, seed: UInt64 = 1) -> [(inputs: [Value], output: Value)] {
        guard functions.count == 1 else { return [] }
        for constraint in constraints {
            guard case .builtin(let equals, let sides) = constraint, equals.name == "=", sides.count == 2 else { continue }
            for (call, reference) in [(sides[0], sides[1]), (sides[1], sides[0])] {
                guard case .synthesized(0, let arguments) = call, !reference.callsSynthesizedFunction else { continue }
                let indices = arguments.compactMap { argument -> Int? in
                    if case .variable(let index) = argument { return index }
                    return nil
                }
                guard indices.count == arguments.count, Set(indices).count == indices.count else { continue }
                var random = SplitMix64(seed: seed)
                let evaluator = ExpressionEvaluator(definitions: definitions)
                var examples: [(inputs: [Value], output: Value)] = []
                for _ in 0..<count * 3 where examples.count < count {
                    let point = variables.map { random.value(of: $0.sort) }
                    guard let output = try? evaluator.evaluate(reference, variables: point) else { continue }
                    examples.append((indices.map { point[$0] }, output))
                }
                return examples
            }
        }
        return []
    }

    /// The examples the ranking model describes a problem by: its input/output examples, or
    /// its reference examples.
    public var featureExamples: [(inputs: [Value], output: Value)] {
        let given = examples
        return given.isEmpty ? referenceExamples() : given
    }

    /// The built-in operators the specification mentions (constraints and helper bodies), with counts.
    public var specificationOperators: [String: Int] {
        var counts: [String: Int] = [:]
        func visit(_ e: Tasks.Expression) {
            switch e {
            case .builtin(let primitive, let arguments):
                counts[primitive.name, default: 0] += 1
                arguments.forEach(visit)
            case .definition(_, let arguments), .synthesized(_, let arguments): arguments.forEach(visit)
            case .constant, .variable, .parameter, .nonterminal: break
            }
        }
        constraints.forEach(visit)
        definitions.forEach { visit($0.body) }
        return counts
    }

    /// Production costs of `searched` (a function's grammar) for the bottom-up search, from a
    /// grammar's weights (unigram, or a task-conditioned grammar's predictions): within a
    /// nonterminal, the most likely production costs 1, and each half nat less likely adds 1,
    /// up to 16; a chain production costs 1. Root costs come from the weights at the root slot
    /// (a ranking model trained on SyGuS derivations predicts there the task's distribution
    /// over every position: see `SyGuSDomain.rankingChoices`). When `grammar` has contextual
    /// weights, each argument of each production gets costs of its own: the log-probabilities
    /// of its nonterminal's productions in that slot averaged with those at the root
    /// (`contextShare` of the slot's), which keeps what little data a slot has from overruling
    /// what all positions say.
    public func costs(of searched: SyGuSGrammar, from grammar: Grammar, contextShare: Double = 0.5) -> ProductionCosts {
        let rootWeights = logWeights(of: searched, from: grammar)
        let root = rootWeights.map(Self.costs(from:))
        guard grammar.isContextual else { return ProductionCosts(root: root) }
        let rootLogProbabilities = rootWeights.map(Self.normalized)
        let arguments = searched.nonterminals.map { nonterminal in
            nonterminal.productions.map { template -> [[Int]] in
                let holes = template.nonterminals
                guard case .production(let key)? = choice(of: template) else { return holes.map { root[$0] } }
                return holes.enumerated().map { index, hole in
                    let slot = Self.normalized(logWeights(of: searched.nonterminals[hole], from: grammar, in: .argument(of: key, index: index)))
                    let mixed = zip(slot, rootLogProbabilities[hole]).map { pair -> Double? in
                        guard let inSlot = pair.0, let atRoot = pair.1 else { return nil }
                        return contextShare * inSlot + (1 - contextShare) * atRoot
                    }
                    return Self.costs(from: mixed)
                }
            }
        }
        return ProductionCosts(root: root, arguments: arguments)
    }

    /// Log weights normalised to log-probabilities over the non-`nil` entries.
    private static func normalized(_ weights: [Double?]) -> [Double?] {
        let known = weights.compactMap { $0 }
        guard let top = known.max() else { return weights }
        let total = top + log(known.reduce(0) { $0 + exp($1 - top) })
        return weights.map { $0.map { $0 - total } }
    }

    private static func costs(from weights: [Double?]) -> [Int] {
        let best = weights.compactMap { $0 }.max() ?? 0
        return weights.map { weight in
            guard let weight else { return 1 }
            return 1 + min(15, Int((2 * (best - weight)).rounded()))
        }
    }

    /// The log weight of each production of `searched` under `grammar` at the root slot
    /// (`nil` for a chain production); see `logWeights(of:from:in:)`.
    public func logWeights(of searched: SyGuSGrammar, from grammar: Grammar) -> [[Double?]] {
        searched.nonterminals.map { logWeights(of: $0, from: grammar, in: .root) }
    }

    /// The log weight of each production of `nonterminal` in `slot` under `grammar` (`nil`
    /// for a chain production). A production the grammar has no weight for gets the mean
    /// weight of those it has in the same nonterminal (see `SyGuSChoiceSpace.knownLogWeight`).
    func logWeights(of nonterminal: SyGuSGrammar.Nonterminal, from grammar: Grammar, in slot: Slot) -> [Double?] {
        let choices = nonterminal.productions.map(choice(of:))
        let known = choices.compactMap { $0 }.map { Self.logWeight(of: $0, in: slot, under: grammar) }
        var filled = SyGuSChoiceSpace.fillingUnknown(known).makeIterator()
        return choices.map { $0 == nil ? nil : filled.next() }
    }

    /// The log weight of `choice` in `slot` under `grammar`, its weight at the root when the
    /// slot has none; a call of an abstraction retyped to this problem's bit-vector width
    /// weighs what the abstraction weighs. `nil` when the grammar has no finite weight for it.
    static func logWeight(of choice: SlotChoice, in slot: Slot, under grammar: Grammar) -> Double? {
        var choice = choice
        if case .production(let key) = choice, grammar[key] == nil {
            guard let learned = grammar.abstractions.first(where: { $0.name == key.name }) else { return nil }
            choice = .production(ProductionKey(name: learned.name, type: learned.type.canonical))
        }
        let weight = grammar.contextualLogWeights[ContextualKey(slot: slot, choice: choice)] ?? grammar.logWeight(of: choice, in: .root)
        return weight.isFinite ? weight : nil
    }
}

extension Grammar {
    /// A grammar over every production the problems' grammars offer (operators at their sorts
    /// and literal constants; helpers and chain productions have no production here), with
    /// weights fitted to `points` (`Grammar.refitted(toChoices:)`), for the bottom-up
    /// search's costs and as the base of a ranking model.
    public static func fitted(to points: [(ChoicePoint, Double)], offering problems: [SyGuSProblem], name: String) -> Grammar {
        var primitives: [ProductionKey: Primitive] = [:]
        for problem in problems {
            for function in problem.functions {
                for nonterminal in function.grammar.nonterminals {
                    for template in nonterminal.productions {
                        guard case .production(let key)? = problem.choice(of: template), let primitive = Self.primitive(of: template) else { continue }
                        primitives[key] = primitive
                    }
                }
            }
        }
        var grammar = Grammar(name: name)
        for key in primitives.keys.sorted() {
            try? grammar.add(Production(primitives[key]!))
        }
        return grammar.refitted(toChoices: points)
    }

    /// The primitive a production template chooses: its operator, or its constant.
    static func primitive(of template: Tasks.Expression) -> Primitive? {
        switch template {
        case .builtin(let primitive, _): return primitive
        case .constant(let value): return value.type.map { Primitive.constant(value, type: $0) }
        default: return nil
        }
    }
}
