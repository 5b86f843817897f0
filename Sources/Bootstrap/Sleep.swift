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
enum Sleep {
    static func learn(_ parts: [any SleepPart], input: SleepInput) throws -> SleepOutput {
        let settings = input.settings
        let recompressed = parts.allSatisfy { $0.libraryGrowth == .recompressed }
        let base = parts.reduce(recompressed ? input.startGrammar : input.grammar) { $1.admitting($0) }
        var solutions: [(part: Int, owner: Int, solution: Solution)] = []
        for (index, part) in parts.enumerated() {
            solutions += part.solutions(in: base).map { (index, $0.owner, $0.solution) }
        }

        // Abstraction sleep.
        let library = try compress(solutions.map(\.solution), base: base, previous: recompressed ? input.grammar.abstractions : [],
                                   iterations: settings.abstractionsPerRound * (recompressed ? input.round + 1 : 1), input: input)
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

        // Dream sleep.
        var ranker: Data?
        if settings.useRanker && !solutions.isEmpty {
            var examples: [RankerExample] = []
            for ((part, owner, solution), derivation) in zip(solutions, derivations) {
                guard let derivation else { continue }
                let (name, features) = parts[part].description(of: owner)
                examples.append(RankerExample(task: name, features: features, derivation: .choices(parts[part].rankingChoices(derivation)),
                                              weight: solution.weight))
            }
            let seed = settings.seed &+ UInt64(input.round)
            for (index, part) in parts.enumerated() {
                let count = settings.dreams / parts.count + (index < settings.dreams % parts.count ? 1 : 0)
                for dream in part.dreams(grammar: next, count: count, seed: seed) {
                    guard let choices = dream.choices else { continue }
                    examples.append(RankerExample(task: dream.name, features: dream.features, derivation: .choices(choices), isDream: true))
                }
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

/// What a round's sleep learns from, besides the answers.
struct SleepInput: Sendable {
    var round: Int
    /// The grammar the round searched with.
    var grammar: Grammar
    /// The grammar the run started from.
    var startGrammar: Grammar
    var settings: BootstrapSettings
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
}

/// One domain's train tasks and answers in a sleep, the domain's types hidden; `owner`
/// numbers the answers.
protocol SleepPart {
    var libraryGrowth: LibraryGrowth { get }
    var fitsContextualWeights: Bool { get }
    func admitting(_ grammar: Grammar) -> Grammar
    func solutions(in grammar: Grammar) -> [(owner: Int, solution: Solution)]
    func derivation(of solution: Solution, owner: Int, rewritten: Program?, in library: Grammar) -> [ChoicePoint]?
    func shared(_ points: [(ChoicePoint, Double)], owners: [Int]) -> [(ChoicePoint, Double)]
    func rankingChoices(_ points: [ChoicePoint]) -> [ChoicePoint]
    /// The name and features of the task that owns an answer.
    func description(of owner: Int) -> (name: String, features: [Double])
    func dreams(grammar: Grammar, count: Int, seed: UInt64) -> [DreamExample]
}

/// A domain's part of a sleep: its train tasks, and the answers of those that have one.
struct DomainSleepPart<D: Domain>: SleepPart {
    let domain: D
    let train: [D.Task]
    let answers: [(task: D.Task, answer: D.Answer)]

    var libraryGrowth: LibraryGrowth { domain.libraryGrowth }
    var fitsContextualWeights: Bool { domain.fitsContextualWeights }

    func admitting(_ grammar: Grammar) -> Grammar { domain.grammar(grammar, admitting: answers) }

    func solutions(in grammar: Grammar) -> [(owner: Int, solution: Solution)] {
        answers.enumerated().flatMap { owner, item in domain.solutions(of: item.answer, for: item.task, in: grammar).map { (owner, $0) } }
    }

    func derivation(of solution: Solution, owner: Int, rewritten: Program?, in library: Grammar) -> [ChoicePoint]? {
        domain.derivation(of: solution, rewritten: rewritten, answer: answers[owner].answer, for: answers[owner].task, in: library)
    }

    func shared(_ points: [(ChoicePoint, Double)], owners: [Int]) -> [(ChoicePoint, Double)] {
        domain.shared(points, among: owners.map { answers[$0].task })
    }

    func rankingChoices(_ points: [ChoicePoint]) -> [ChoicePoint] { domain.rankingChoices(points) }

    func description(of owner: Int) -> (name: String, features: [Double]) {
        (domain.name(of: answers[owner].task), domain.features(of: answers[owner].task))
    }

    func dreams(grammar: Grammar, count: Int, seed: UInt64) -> [DreamExample] {
        domain.dreams(over: train, grammar: grammar, count: count, seed: seed)
    }
}
