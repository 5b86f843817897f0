import Foundation
import Language

/// A program of a corpus with its weight: its posterior within its task's frontier.
public struct WeightedProgram: Sendable {
    public var program: Program
    public var request: TypeExpr
    public var weight: Double

    public init(program: Program, request: TypeExpr, weight: Double) {
        self.program = program
        self.request = request
        self.weight = weight
    }

    /// A task's frontier as weighted programs: each program weighted by its posterior
    /// within the frontier, `exp(logPrior + logLikelihood)` normalised over the frontier.
    public static func frontier(_ entries: [(program: Program, logPrior: Double, logLikelihood: Double)],
                                request: TypeExpr) -> [WeightedProgram] {
        let scores = entries.map { $0.logPrior + $0.logLikelihood }
        guard let top = scores.max() else { return [] }
        let total = scores.reduce(0) { $0 + exp($1 - top) }
        return zip(entries, scores).map { WeightedProgram(program: $0.program, request: request, weight: exp($1 - top) / total) }
    }
}

extension Grammar {
    /// The grammar with weights refitted to `corpus` (DreamCoder's estimate for
    /// type-directed grammars): a choice's weight is
    /// `log(uses + pseudocount) − log(possible + pseudocount)`, where `uses` is its expected
    /// number of uses and `possible` the expected number of positions where it fitted, both
    /// counted with each program's weight. With `contextual`, the same counts are kept per
    /// slot (parent production and argument) and become contextual weights; the unigram
    /// weights are refitted either way. Programs the grammar cannot derive are skipped. A
    /// choice that no position offered gets the mean weight of those that were offered.
    public func refitted(to corpus: [WeightedProgram], pseudocount: Double = 1, contextual: Bool = false) -> Grammar {
        var choices: [(ChoicePoint, Double)] = []
        for item in corpus where item.weight > 0 {
            guard let points = choicePoints(of: item.program, request: item.request) else { continue }
            choices += points.map { ($0, item.weight) }
        }
        return refitted(toChoices: choices, pseudocount: pseudocount, contextual: contextual)
    }

    /// The grammar with weights refitted to weighted choice points (derivations already
    /// known, as for SyGuS answers), by the estimate of `refitted(to:)`.
    public func refitted(toChoices choices: [(ChoicePoint, Double)], pseudocount: Double = 1, contextual: Bool = false) -> Grammar {
        var uses: [SlotChoice: Double] = [:]
        var possible: [SlotChoice: Double] = [:]
        var slotUses: [ContextualKey: Double] = [:]
        var slotPossible: [ContextualKey: Double] = [:]
        for (point, weight) in choices where weight > 0 {
            uses[point.chosen, default: 0] += weight
            var fitting = point.fittingProductions.map(SlotChoice.production)
            if point.fittingVariables > 0 { fitting.append(.variable) }
            for choice in fitting { possible[choice, default: 0] += weight }
            if contextual {
                slotUses[ContextualKey(slot: point.slot, choice: point.chosen), default: 0] += weight
                for choice in fitting { slotPossible[ContextualKey(slot: point.slot, choice: choice), default: 0] += weight }
            }
        }
        func estimate(_ used: Double, _ fitted: Double) -> Double { log(used + pseudocount) - log(fitted + pseudocount) }
        // A choice never offered in the data has no estimate of its own: it gets the mean of
        // those that were offered (the estimate's value for it, 0, would rank it above all).
        let seen = possible.map { estimate(uses[$0.key] ?? 0, $0.value) }
        let unseen = seen.isEmpty ? 0 : seen.reduce(0, +) / Double(seen.count)
        func weight(_ choice: SlotChoice) -> Double {
            guard let fitted = possible[choice] else { return unseen }
            return estimate(uses[choice] ?? 0, fitted)
        }
        var grammar = self
        for production in productions {
            grammar.setLogWeight(weight(.production(production.key)), for: production.key)
        }
        grammar.variableLogWeight = weight(.variable)
        grammar.contextualLogWeights = [:]
        for (key, fitted) in slotPossible {
            grammar.contextualLogWeights[key] = estimate(slotUses[key] ?? 0, fitted)
        }
        return grammar
    }
}
