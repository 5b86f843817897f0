import Grammar
import Tasks

/// One function's grammar of a SyGuS problem as a `ChoiceSpace`: a hole is a nonterminal in
/// a slot, an option one of its productions, weighted by a run's grammar (uniformly without
/// one); a production's holes are its nonterminals, each in the slot of its argument (a chain
/// production `Start → B` passes its slot on). Its likelihood scores the derivations
/// `SyGuSProblem.choicePoints(of:function:)` gives, and it samples the programs SyGuS dreams run.
public struct SyGuSChoiceSpace: ChoiceSpace {
    public struct Hole: Sendable {
        public var nonterminal: Int
        public var slot: Slot
    }

    public struct Option: Sendable {
        public var nonterminal: Int
        public var production: Int
    }

    public let problem: SyGuSProblem
    public let function: Int
    /// The grammar whose weights the choices take; `nil` for uniform weights.
    public let weights: Grammar?

    public init(_ problem: SyGuSProblem, function: Int, weights: Grammar?) {
        self.problem = problem
        self.function = function
        self.weights = weights
    }

    /// The hole a derivation of the function's body starts from.
    public var start: Hole { Hole(nonterminal: 0, slot: .root) }

    private var grammar: SyGuSGrammar { problem.functions[function].grammar }

    public func knownLogWeight(of choice: SlotChoice, in slot: Slot) -> Double? {
        guard let weights else { return 0 }
        return SyGuSProblem.logWeight(of: choice, in: slot, under: weights)
    }

    public func opened(_ hole: Hole, context: inout Void) -> (inner: Hole, wrap: (Tasks.Expression) -> Tasks.Expression)? { nil }

    /// The nonterminal's productions with their weights; a chain production weighs 0.
    public func options(for hole: Hole, leavesOnly: Bool, context: inout Void) -> [(option: Option, logWeight: Double)] {
        let nonterminal = grammar.nonterminals[hole.nonterminal]
        let logWeights = weights.map { problem.logWeights(of: nonterminal, from: $0, in: hole.slot) }
        return nonterminal.productions.indices.compactMap { index in
            guard !leavesOnly || nonterminal.productions[index].nonterminals.isEmpty else { return nil }
            return (Option(nonterminal: hole.nonterminal, production: index), logWeights?[index] ?? 0)
        }
    }

    public func holes(of option: Option, filling hole: Hole, context: inout Void) -> [Hole]? {
        let template = grammar.nonterminals[option.nonterminal].productions[option.production]
        let chosen = problem.choice(of: template)
        return template.nonterminals.enumerated().map { index, nonterminal in
            guard case .production(let key)? = chosen else { return Hole(nonterminal: nonterminal, slot: hole.slot) }
            return Hole(nonterminal: nonterminal, slot: .argument(of: key, index: index))
        }
    }

    public func term(of option: Option, children: [Tasks.Expression]) -> Tasks.Expression {
        grammar.nonterminals[option.nonterminal].productions[option.production].fillingHoles(children)
    }

    /// The log likelihood of `body` as derived by `SyGuSProblem.choicePoints(of:function:)`;
    /// `nil` when the grammar cannot derive it.
    public func logLikelihood(of body: Tasks.Expression) -> Double? {
        problem.choicePoints(of: body, function: function).flatMap(logLikelihood(of:))
    }
}
