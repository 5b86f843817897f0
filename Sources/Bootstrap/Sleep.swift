import Compression
import Domain
import Foundation
import Grammar
import Language
import Ranking

/// A round's abstraction sleep and dream sleep, the same for every domain.
///
/// **Abstraction sleep.** The train tasks' latest answers become solutions, λ-programs of the
/// grammar; compression (`LibraryLearning`) learns abstractions from them and rewrites them
/// with the abstractions. A domain whose library grows incrementally compresses on top of the
/// round's grammar; one whose library is recompressed starts from the run's starting grammar
/// each round, with room for as many abstractions as all rounds so far, and an abstraction
/// the library already had keeps its name. The weights are refitted to the solutions'
/// derivations in the new library.
///
/// **Dream sleep.** The ranking model is trained on those derivations, each described by its
/// task's features, and on the domain's dreams drawn from the new grammar.
enum Sleep {
    static func learn<D: Domain>(_ domain: D, train: [D.Task], answers: [(task: D.Task, answer: D.Answer)], input: SleepInput) throws -> SleepOutput {
        let settings = input.settings
        let recompressed = domain.libraryGrowth == .recompressed
        let base = domain.grammar(recompressed ? input.startGrammar : input.grammar, admitting: answers)
        var solutions: [(owner: Int, solution: Solution)] = []
        for (owner, item) in answers.enumerated() {
            solutions += domain.solutions(of: item.answer, for: item.task, in: base).map { (owner, $0) }
        }

        // Abstraction sleep.
        let library = try compress(solutions.map(\.solution), base: base, previous: recompressed ? input.grammar.abstractions : [],
                                   iterations: settings.abstractionsPerRound * (recompressed ? input.round + 1 : 1), input: input)
        var points: [(ChoicePoint, Double)] = []
        var derivations: [[ChoicePoint]?] = []
        for (index, (owner, solution)) in solutions.enumerated() {
            let (task, answer) = answers[owner]
            let derivation = domain.derivation(of: solution, rewritten: library.rewritten[index], answer: answer, for: task, in: library.grammar)
            derivations.append(derivation)
            points += (derivation ?? []).map { ($0, solution.weight) }
        }
        let owners = Set(solutions.map(\.owner)).sorted().map { answers[$0].task }
        let next = library.grammar.refitted(toChoices: domain.shared(points, among: owners), contextual: domain.fitsContextualWeights)

        // Dream sleep.
        var ranker: Data?
        if settings.useRanker && !solutions.isEmpty {
            var examples: [RankerExample] = []
            for ((owner, solution), derivation) in zip(solutions, derivations) {
                guard let derivation else { continue }
                let task = answers[owner].task
                examples.append(RankerExample(task: domain.name(of: task), features: domain.features(of: task),
                                              derivation: .choices(domain.rankingChoices(derivation)), weight: solution.weight))
            }
            let seed = settings.seed &+ UInt64(input.round)
            for dream in domain.dreams(over: train, grammar: next, count: settings.dreams, seed: seed) {
                examples.append(RankerExample(task: dream.name, features: dream.features, derivation: .choices(dream.choices), isDream: true))
            }
            if !examples.isEmpty {
                var options = RankerTrainingOptions()
                options.seed = seed
                ranker = Ranker.train(examples, grammar: next, options: options).0.fileData()
            }
        }
        return SleepOutput(grammar: next, ranker: ranker, learned: library.learned, derivations: derivations)
    }

    /// The library compression learns from `solutions` on top of `base`: the grammar with the
    /// abstractions, each solution rewritten with them (`nil` where it was not compressed),
    /// and the abstractions not among `previous` (an abstraction equal to one of `previous`
    /// takes its name and is not new).
    private static func compress(_ solutions: [Solution], base: Grammar, previous: [Abstraction], iterations: Int,
                                 input: SleepInput) throws -> (grammar: Grammar, rewritten: [Program?], learned: [StoredAbstraction]) {
        var rewritten: [Program?] = Array(repeating: nil, count: solutions.count)
        let compressed = solutions.indices.filter { solutions[$0].program != nil }
        guard iterations > 0 && !compressed.isEmpty else { return (base, rewritten, []) }
        var options = CompressionOptions(iterations: iterations, maximumArity: input.settings.maximumArity)
        options.reservedNames.formUnion(previous.map(\.name))
        let corpus = compressed.map { WeightedProgram(program: solutions[$0].program!, request: solutions[$0].request, weight: solutions[$0].weight) }
        let learning = try LibraryLearning(corpus: corpus, grammar: base, options: options, refitting: false)

        var earlier: [String: Abstraction] = [:]
        for abstraction in previous { earlier[abstraction.body.description + " : " + abstraction.type.description] = abstraction }
        var grammar = base
        var renamed: [String: Abstraction] = [:]
        var learned: [StoredAbstraction] = []
        for (abstraction, found) in zip(learning.abstractions, learning.compression.abstractions) {
            let body = abstraction.body.replacingAbstractions(renamed)
            var kept = earlier[body.description + " : " + abstraction.type.description]
            if kept == nil {
                let fresh = Abstraction(name: abstraction.name, body: body, type: abstraction.type)
                learned.append(StoredAbstraction(
                    name: fresh.name, round: input.round + 1, body: fresh.body.description, pattern: found.body.description,
                    type: fresh.type.description, arity: found.arity, uses: found.uses, utility: found.utility))
                kept = fresh
            }
            renamed[abstraction.name] = kept
            do {
                try grammar.add(Production(kept!))
            } catch {
                throw CompressionError(message: "internal error: \(error)")
            }
        }
        for (index, program) in zip(compressed, learning.rewritten) {
            rewritten[index] = program.program.replacingAbstractions(renamed)
        }
        return (grammar, rewritten, learned)
    }
}
