import Foundation
import Grammar
import Language
import Testing
import TestSupport
@testable import Ranking
@testable import Domains

@Suite struct RankerTests {
    private func listsGrammar() throws -> Grammar {
        try Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))
    }

    private func task(_ name: String, _ request: String, _ pairs: [([Value], Value)]) throws -> ExampleTask {
        ExampleTask(name: name, request: try TypeExpr(parsing: request), examples: pairs.map { ExampleTask.Example(inputs: $0.0, output: $0.1) })
    }

    private func list(_ items: [Int]) -> Value { .list(items.map(Value.int)) }

    /// A few tasks with known solutions, as training examples.
    private func examples(_ grammar: Grammar) throws -> [RankerExample] {
        let table = grammar.primitiveTable
        let solved: [(ExampleTask, String)] = [
            (try task("double", "list(int) -> list(int)", [([list([1, 2])], list([2, 4])), ([list([3])], list([6]))]),
             "(lambda (map (lambda (+ $0 $0)) $0))"),
            (try task("increment", "list(int) -> list(int)", [([list([1, 2])], list([2, 3])), ([list([5])], list([6]))]),
             "(lambda (map (lambda (+ $0 1)) $0))"),
            (try task("length", "list(int) -> int", [([list([1, 2])], .int(2)), ([list([])], .int(0))]),
             "(lambda (length $0))"),
            (try task("head", "list(int) -> int", [([list([4, 2])], .int(4)), ([list([7])], .int(7))]),
             "(lambda (car $0))"),
        ]
        return try solved.map { task, source in
            RankerExample(task: task.name, features: TaskFeatures.vector(of: task),
                          program: try Program(parsing: source, primitives: table), request: task.request)
        }
    }

    @Test func analyticGradientsMatchFiniteDifferences() throws {
        let grammar = try listsGrammar()
        var options = RankerTrainingOptions()
        options.hidden = 5
        options.maximumEpochs = 1
        options.validationFraction = 0
        let (trained, _) = Ranker.train(try examples(grammar), grammar: grammar, options: options)
        // Perturb the weights away from the initial biases so every term matters.
        var ranker = trained
        var random = SplitMix64(seed: 3)
        func jitter(_ values: inout [Double]) {
            for i in values.indices { values[i] += (Double(random.next() % 1000) / 1000 - 0.5) * 0.4 }
        }
        jitter(&ranker.network.w1); jitter(&ranker.network.b1); jitter(&ranker.network.w2); jitter(&ranker.network.b2)
        let grammarPoints = try examples(grammar).map { ($0, $0.choicePoints(in: grammar)!) }
        var compiled = grammarPoints.map { ranker.compile($0.0, $0.1) }
        compiled[0].weight = 0.7

        func totalLoss(_ r: Ranker) -> Double {
            var ignored = NeuralNetwork.Gradient(like: r.network)
            return compiled.reduce(0) { $0 + r.loss($1, gradient: &ignored) * $1.weight }
        }
        var analytic = NeuralNetwork.Gradient(like: ranker.network)
        for example in compiled { _ = ranker.loss(example, gradient: &analytic) }

        let step = 1e-6
        var checked = 0
        func check(_ path: WritableKeyPath<NeuralNetwork, [Double]>, _ gradient: [Double]) {
            for index in stride(from: 0, to: gradient.count, by: max(1, gradient.count / 40)) {
                var plus = ranker, minus = ranker
                plus.network[keyPath: path][index] += step
                minus.network[keyPath: path][index] -= step
                let numeric = (totalLoss(plus) - totalLoss(minus)) / (2 * step)
                let scale = max(1, abs(numeric), abs(gradient[index]))
                #expect(abs(numeric - gradient[index]) / scale < 1e-6, "parameter \(index): numeric \(numeric), analytic \(gradient[index])")
                checked += 1
            }
        }
        check(\.w1, analytic.w1)
        check(\.b1, analytic.b1)
        check(\.w2, analytic.w2)
        check(\.b2, analytic.b2)
        #expect(checked > 100)
    }

    @Test func trainingLowersTheLossAndSameSeedGivesSameModelAndSameSearch() throws {
        let grammar = try listsGrammar()
        var options = RankerTrainingOptions()
        options.maximumEpochs = 40
        options.validationFraction = 0
        options.batchSize = 2
        let data = try examples(grammar)
        let (first, report) = Ranker.train(data, grammar: grammar, options: options)
        let (second, _) = Ranker.train(data, grammar: grammar, options: options)
        #expect(first.network == second.network && first.keys == second.keys)
        #expect(report.epochs.last!.trainingLoss < report.epochs.first!.trainingLoss)

        // The model makes each training task's own solution more likely than the base grammar does.
        for example in data {
            guard case .program(let program, let request) = example.derivation else { continue }
            let conditioned = first.grammar(for: example.features, base: grammar)
            let before = grammar.logPrior(of: program, request: request)!
            let after = conditioned.logPrior(of: program, request: request)!
            #expect(after > before, "\(example.task): \(after) not above \(before)")
        }

        let target = try task("double", "list(int) -> list(int)", [([list([1, 2])], list([2, 4])), ([list([3])], list([6]))])
        var solver = ExampleTaskSolver()
        solver.timeout = .seconds(20)
        let a = solver.solve(target, grammar: first.grammar(for: TaskFeatures.vector(of: target), base: grammar))
        let b = solver.solve(target, grammar: second.grammar(for: TaskFeatures.vector(of: target), base: grammar))
        #expect(a.solved && a.frontier.map(\.program) == b.frontier.map(\.program) && a.candidates == b.candidates)
        let baseline = solver.solve(target, grammar: grammar)
        #expect(baseline.solved && a.candidates < baseline.candidates)
    }

    @Test func modelFilesRoundTripAndBadFilesAreRefused() throws {
        let grammar = try listsGrammar()
        var options = RankerTrainingOptions()
        options.maximumEpochs = 2
        let (ranker, _) = Ranker.train(try examples(grammar), grammar: grammar, options: options)
        let reread = try Ranker(fileData: ranker.fileData())
        let identical = reread.network == ranker.network && reread.keys == ranker.keys && reread.featureNames == ranker.featureNames
        #expect(identical)

        #expect(throws: RankerFileError.self) { try Ranker(fileData: Data("[1, 2]".utf8)) }
        do {
            _ = try Ranker(fileData: Data(#"{"format": "ouroboros-ranker", "version": 99}"#.utf8))
            Issue.record("a newer version was accepted")
        } catch {
            #expect(error.message == "model format version 99 is newer than this ouro reads (2)")
        }
        do {
            _ = try Ranker(fileData: Data(#"{"format": "something-else"}"#.utf8))
            Issue.record("a foreign file was accepted")
        } catch {
            #expect(error.message == "not an Ouroboros ranker model (no \"format\": \"ouroboros-ranker\")")
        }
        let truncated = ranker.fileData().prefix(200)
        #expect(throws: RankerFileError.self) { try Ranker(fileData: Data(truncated)) }
    }

    @Test func aModelAppliesOnlyWhereTheGrammarHasTheProductions() throws {
        let grammar = try listsGrammar()
        let (ranker, _) = Ranker.train(try examples(grammar), grammar: grammar)
        // A grammar without `length`: keys naming it are ignored, others apply.
        var smaller = Grammar(name: "smaller", variableLogWeight: grammar.variableLogWeight)
        for production in grammar.productions where production.name != "length" { try smaller.add(production) }
        let conditioned = ranker.grammar(for: TaskFeatures.vector(of: []), base: smaller)
        #expect(!conditioned.contextualLogWeights.isEmpty)
        #expect(conditioned.contextualLogWeights.keys.allSatisfy { key in
            if case .production(let child) = key.choice, child.name == "length" { return false }
            if case .argument(let parent, _) = key.slot, parent.name == "length" { return false }
            return true
        })
    }
}

@Suite struct TaskFeaturesTests {
    @Test func listFeaturesDescribeTheRelationBetweenInputAndOutput() {
        let reverse = TaskFeatures.vector(of: [
            (inputs: [.list([.int(1), .int(2), .int(3)])], output: .list([.int(3), .int(2), .int(1)])),
            (inputs: [.list([.int(5), .int(4)])], output: .list([.int(4), .int(5)])),
        ])
        #expect(reverse.names == ExampleFeature.names)
        #expect(reverse["output.list"] == 1 && reverse["output.int"] == 0)
        #expect(reverse["length.equal"] == 1 && reverse["list.subset"] == 1)    // same length, same elements
        #expect(reverse["list.reversed"] == 1 && reverse["output.is.input"] == 0)
        #expect(reverse["bias"] == 1)

        let sum = TaskFeatures.vector(of: [(inputs: [.list([.int(1), .int(2)])], output: .int(3))])
        #expect(sum["output.int"] == 1 && sum["int.sum"] == 1 && sum["int.length"] == 0)
    }

    @Test func bitVectorAndStringFeatures() {
        let shift = TaskFeatures.vector(of: [(inputs: [.bitVector(0b1010, width: 64)], output: .bitVector(0b10100, width: 64))])
        #expect(shift["output.bitvector"] == 1 && shift["bits.shifted"] == 1 && shift["bits.not"] == 0)
        #expect(shift["bits.output.ones"] == 2.0 / 64)
        let upper = TaskFeatures.vector(of: [(inputs: [.string("ab c")], output: .string("AB C"))])
        #expect(upper["output.string"] == 1 && upper["string.case.changed"] == 1 && upper["string.uppercase"] == 0.75)
        let finite = upper.values.allSatisfy { $0.isFinite }
        #expect(finite)
    }
}

@Suite struct DreamTests {
    @Test func dreamsReproduceTheirOutputsAreDistinctAndDeterministic() throws {
        let grammar = try Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))
        let tasks = try ExampleTask.readAll(json: TestSupport.text("Problems/lists/train/mapping.json"))
        let dreams = Dream.dreams(of: grammar, over: tasks, options: DreamOptions(count: 12, seed: 5))
        #expect(dreams.count >= 8 && dreams.count <= 12)
        let evaluator = Evaluator(stepLimit: 5_000)
        var behaviours = Set<[Value]>()
        for dream in dreams {
            let outputs = dream.task.examples.map(\.output)
            #expect(dream.task.examples.allSatisfy { (try? evaluator.run(dream.program, on: $0.inputs)) == $0.output })
            #expect(outputs.count < 2 || Set(outputs).count > 1, "constant dream \(dream.program)")
            #expect(grammar.logPrior(of: dream.program, request: dream.task.request) == dream.logPrior)
            #expect(behaviours.insert(outputs + [.string(dream.inputsFrom)]).inserted)
        }
        let again = Dream.dreams(of: grammar, over: tasks, options: DreamOptions(count: 12, seed: 5))
        #expect(again.map(\.program) == dreams.map(\.program))
    }
}
