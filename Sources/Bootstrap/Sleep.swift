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
/// with the abstractions. The library grows incrementally, on top of the round's grammar,
/// unless every domain of the run recompresses: then each round starts from the run's
/// starting grammar, with room for as many abstractions as all rounds so far, and an
/// abstraction the library already had keeps its name. The weights are refitted to the
/// solutions' derivations in the new library. In a run of several domains the library is
/// shared: compression sees every domain's solutions.
///
/// **Dream sleep.** The ranking model is trained on those derivations, each described by its
/// task's features, and on each domain's dreams drawn from the new grammar (the dreams asked
/// for are shared out among the domains).
public enum Sleep {
    /// A round's sleep: what `abstractionSleep` learns, then the model `dreamSleep` trains.
    static func learn(_ parts: [any LearningPart], input: SleepInput) throws -> SleepOutput {
        let settings = input.settings
        let learned = try abstractionSleep(parts, round: input.round, grammar: input.grammar, startGrammar: input.startGrammar,
                                           abstractions: SleepSettings.count(SleepSettings.abstractionsPerRound, in: input.configuration),
                                           maximumArity: SleepSettings.count(SleepSettings.maximumArity, in: input.configuration))
        var ranker: Data?
        var timings = learned.timings
        if settings.useRanker && !learned.solutions.isEmpty {
            var options = RankerTrainingOptions()
            options.seed = settings.seed &+ UInt64(input.round)
            let trained = dreamSleep(parts, after: learned, dreams: SleepSettings.count(SleepSettings.dreams, in: input.configuration),
                                     options: options)
            ranker = trained?.ranker.fileData()
            timings.add(trained?.timings ?? Timings())
        }
        return SleepOutput(grammar: learned.grammar, ranker: ranker, learned: learned.abstractions, derivations: learned.derivations,
                           timings: timings)
    }

    /// What an abstraction sleep learned.
    public struct Learned: Sendable {
        /// The next round's grammar: the library, weights refitted.
        public var grammar: Grammar
        /// The new abstractions.
        public var abstractions: [StoredAbstraction]
        /// Every solution learned from, by part and answer.
        public var solutions: [(part: Int, owner: Int, solution: Solution)]
        /// Each solution's derivation in the library (`nil` where none was found).
        public var derivations: [[ChoicePoint]?]
        /// The seconds its parts took: `compression` (learning and rewriting), `refitting`
        /// (derivations in the new library and the refit).
        public var timings: Timings
    }

    /// The abstraction sleep of round `round`, which searched with `grammar` (see `Sleep`);
    /// `abstractions` per round, each of at most `maximumArity` arguments (0: the weights are
    /// refitted and nothing is learned).
    public static func abstractionSleep(_ parts: [any LearningPart], round: Int, grammar: Grammar, startGrammar: Grammar,
                                        abstractions: Int, maximumArity: Int) throws -> Learned {
        let recompressed = parts.allSatisfy { $0.libraryGrowth == .recompressed }
        let base = parts.reduce(recompressed ? startGrammar : grammar) { $1.admitting($0) }
        var solutions: [(part: Int, owner: Int, solution: Solution)] = []
        for (index, part) in parts.enumerated() {
            solutions += part.solutions(in: base).map { (index, $0.owner, $0.solution) }
        }
        var timings = Timings()
        let library = try timings.measure(.compression) {
            try compress(solutions.map(\.solution), base: base, previous: recompressed ? grammar.abstractions : [],
                         iterations: abstractions * (recompressed ? round + 1 : 1), maximumArity: maximumArity, round: round)
        }
        let refitStart = ContinuousClock.now
        var derivations: [[ChoicePoint]?] = []
        var points: [[(ChoicePoint, Double)]] = Array(repeating: [], count: parts.count)
        for (index, (part, owner, solution)) in solutions.enumerated() {
            let derivation = parts[part].derivation(of: solution, owner: owner, rewritten: library.rewritten[index], in: library.grammar)
            derivations.append(derivation)
            points[part] += (derivation ?? []).map { ($0, solution.weight) }
        }
        let shared = parts.indices.flatMap { part in
            parts[part].shared(points[part], owners: Set(solutions.filter { $0.part == part }.map(\.owner)).sorted())
        }
        let next = library.grammar.refitted(toChoices: shared, contextual: parts.contains { $0.fitsContextualWeights })
        timings.add(.refitting, Timings.seconds(since: refitStart))
        return Learned(grammar: next, abstractions: library.learned, solutions: solutions, derivations: derivations, timings: timings)
    }

    /// The dream sleep: a ranking model for `learned.grammar`, trained on the derivations the
    /// abstraction sleep found, each described by its task's features, and on `dreams` dreams
    /// drawn from the grammar (shared out among the parts, seeded by `options.seed`); `nil`
    /// when there is nothing to train on. `timings` says how long drawing the dreams
    /// (`dreaming`) and training (`training`) took.
    public static func dreamSleep(_ parts: [any LearningPart], after learned: Learned, dreams: Int, options: RankerTrainingOptions,
                                  progress: ((RankerTrainingReport.Epoch) -> Void)? = nil)
        -> (ranker: Ranker, report: RankerTrainingReport, dreams: Int, timings: Timings)? {
        var examples: [RankerExample] = []
        for ((part, owner, solution), derivation) in zip(learned.solutions, learned.derivations) {
            guard let derivation else { continue }
            let (name, features) = parts[part].description(of: owner)
            examples.append(RankerExample(task: name, features: features, derivation: .choices(parts[part].rankingChoices(derivation)),
                                          weight: solution.weight))
        }
        var dreamed = 0
        let dreamStart = ContinuousClock.now
        for (index, part) in parts.enumerated() {
            let count = dreams / parts.count + (index < dreams % parts.count ? 1 : 0)
            for dream in part.dreams(grammar: learned.grammar, count: count, seed: options.seed) {
                guard let choices = dream.choices else { continue }
                examples.append(RankerExample(task: dream.name, features: dream.features, derivation: .choices(choices), isDream: true))
                dreamed += 1
            }
        }
        var timings = Timings()
        timings.add(.dreaming, Timings.seconds(since: dreamStart))
        guard !examples.isEmpty else { return nil }
        let (ranker, report) = timings.measure(.training) { Ranker.train(examples, grammar: learned.grammar, options: options, progress: progress) }
        return (ranker, report, dreamed, timings)
    }

    /// The library compression learns from `solutions` on top of `base`: the grammar with the
    /// abstractions, each solution rewritten with them (`nil` where it was not compressed),
    /// and the abstractions not among `previous` (an abstraction equal to one of `previous`
    /// takes its name and is not new).
    private static func compress(_ solutions: [Solution], base: Grammar, previous: [Abstraction], iterations: Int, maximumArity: Int,
                                 round: Int) throws -> (grammar: Grammar, rewritten: [Program?], learned: [StoredAbstraction]) {
        var rewritten: [Program?] = Array(repeating: nil, count: solutions.count)
        let compressed = solutions.indices.filter { solutions[$0].program != nil }
        guard iterations > 0 && !compressed.isEmpty else { return (base, rewritten, []) }
        var options = CompressionOptions(iterations: iterations, maximumArity: maximumArity)
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
                    name: fresh.name, round: round + 1, body: fresh.body.description, pattern: found.body.description,
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

/// What a round's sleep learns from, besides the answers.
struct SleepInput: Sendable {
    var round: Int
    /// The grammar the round searched with.
    var grammar: Grammar
    /// The grammar the run started from.
    var startGrammar: Grammar
    var settings: BootstrapSettings
    /// The round's sleep configuration (see `SleepSettings`).
    var configuration: SearchConfiguration
}

/// What a round's sleep learned: the next round's grammar and ranking model, and the new
/// abstractions.
struct SleepOutput {
    var grammar: Grammar
    var ranker: Data?
    var learned: [StoredAbstraction]
    /// Each solution's derivation in the new library (`nil` where none was found), in the
    /// order of the parts and their answers.
    var derivations: [[ChoicePoint]?]
    /// The seconds its parts took (see `Sleep.Learned.timings`, `Sleep.dreamSleep`).
    var timings: Timings
}
