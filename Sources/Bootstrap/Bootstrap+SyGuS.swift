import Foundation
import Grammar
import Language
import Learning
import Synthesis
import Tasks

extension BootstrapRun {
    /// Solves a SyGuS problem of a wake with the round's grammar (weights and library) and
    /// model, then, if that finds nothing, with `fallback` (see
    /// `Synthesizer.solve(_:grammar:ranker:fallback:primaryShare:runDeadline:)`); the answer is
    /// kept in SyGuS answer form, with its log prior under the grammar's weights.
    static func solve(_ problem: SyGuSProblem, id: Int64, synthesizer: Synthesizer, grammar: Grammar, ranker: Ranker?,
                      fallback: Grammar?, runDeadline: ContinuousClock.Instant?) -> StoredResult {
        let result = synthesizer.solve(problem, grammar: grammar, ranker: ranker, fallback: fallback, runDeadline: runDeadline)
        var stored = StoredResult(task: id, solved: false, seconds: result.seconds, candidates: result.candidates, reason: nil, frontier: [])
        switch result.status {
        case .solved(let bodies):
            stored.solved = true
            let answer = problem.functions.indices.compactMap { f in bodies[f].map { problem.answer(function: f, body: $0) } }.joined(separator: "\n")
            var logPrior = 0.0
            if let body = bodies[0] {
                let searched = problem.functions[0].grammar
                let weights = problem.logWeights(of: searched, from: grammar).map { $0.map { $0 ?? 0 } }
                logPrior = searched.logPrior(of: body, logWeights: weights) ?? 0
            }
            stored.frontier = [StoredProgram(program: answer, logPrior: logPrior, logLikelihood: 0)]
        case .infeasible(let reason):
            stored.reason = "infeasible: \(reason)"
        case .unknown(let reason):
            stored.reason = reason.description
        }
        return stored
    }

    /// Abstraction sleep and dream sleep for SyGuS problems: the library is learned afresh from
    /// every train answer found so far (see `SyGuSLibraryLearning`), growing by up to
    /// `abstractionsPerRound` each round; the model is trained on the answers' derivations in
    /// their grammars extended with the library, and on dreams drawn from those grammars.
    func learnSyGuS(round: Int, grammar: Grammar, train: [(stored: StoredTask, task: BootstrapTask)]) throws
        -> (Grammar, Data?, [StoredAbstraction]) {
        let frontiers = try store.latestFrontierRows(upTo: round)
        var answers: [(problem: SyGuSProblem, body: Tasks.Expression)] = []
        var owners: [(name: String, problem: SyGuSProblem)] = []
        var problems: [(name: String, problem: SyGuSProblem)] = []
        for (stored, task) in train {
            guard case .sygus(let name, let problem, let source) = task else { continue }
            problems.append((name, problem))
            guard problem.functions.count == 1, let (answer, place) = frontiers[stored.id]?.first else { continue }
            let bodies: [Int: Tasks.Expression]
            do {
                bodies = try SyGuSProblem.answerBodies(answer.program, source: source)
            } catch {
                throw store.damaged("\(place): the answer does not read as an answer to \(stored.file): \(error)")
            }
            guard let body = bodies[0] else { continue }
            answers.append((problem, body))
            owners.append((name, problem))
        }
        let options = CompressionOptions(iterations: settings.abstractionsPerRound * (round + 1), maximumArity: settings.maximumArity)
        let learning = try SyGuSLibraryLearning(answers: answers, base: startGrammar, previous: grammar, options: options)
        let next = learning.grammar
        let learned = learning.learned.map { abstraction, compressed in
            StoredAbstraction(
                name: abstraction.name, round: round + 1, body: abstraction.body.description, pattern: compressed.body.description,
                type: abstraction.type.description, arity: compressed.arity, uses: compressed.uses, utility: compressed.utility)
        }

        var rankerData: Data?
        if settings.useRanker && !answers.isEmpty {
            var examples: [RankerExample] = []
            for (owner, points) in zip(owners, learning.derivations) {
                guard let points else { continue }
                examples.append(RankerExample(sygus: owner.name, features: TaskFeatures.vector(of: owner.problem), choices: points))
            }
            let extended = problems.map { (name: $0.name, problem: $0.problem.extended(with: next).problem) }
            let dreams = SyGuSDream.dreams(over: extended, grammar: next, count: settings.dreams, seed: settings.seed &+ UInt64(round))
            examples += dreams.map { RankerExample(sygus: $0.task, features: $0.features, choices: $0.choices, isDream: true) }
            if !examples.isEmpty {
                var options = RankerTrainingOptions()
                options.seed = settings.seed &+ UInt64(round)
                rankerData = Ranker.train(examples, grammar: next, options: options).0.fileData()
            }
        }
        return (next, rankerData, learned)
    }
}
