import Foundation
import Grammar
import Language
import Tasks
import Testing
import TestSupport
@testable import Domains
@testable import Ranking

@Suite struct NamedFeaturesTests {
    private func listsGrammar() throws -> Grammar {
        try Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))
    }

    /// Two solved tasks described by `first` and `second`.
    private func examples(_ grammar: Grammar, _ first: Features, _ second: Features) throws -> [RankerExample] {
        let request = try TypeExpr(parsing: "list(int) -> int")
        let table = grammar.primitiveTable
        return [
            RankerExample(task: "length", features: first, program: try Program(parsing: "(lambda (length $0))", primitives: table), request: request),
            RankerExample(task: "head", features: second, program: try Program(parsing: "(lambda (car $0))", primitives: table), request: request),
        ]
    }

    private func trainingOptions() -> RankerTrainingOptions {
        var options = RankerTrainingOptions()
        options.hidden = 4
        options.maximumEpochs = 5
        options.validationFraction = 0
        options.leadingInputs = []
        return options
    }

    @Test func aModelReadsTheFeaturesItKnowsByNameAndZeroForThoseATaskLacks() throws {
        let grammar = try listsGrammar()
        let data = try examples(grammar, ["a": 1, "b": 0], ["a": 0, "b": 1])
        let (ranker, _) = Ranker.train(data, grammar: grammar, options: trainingOptions())
        #expect(ranker.featureNames == ["a", "b"] && ranker.network.inputCount == 2)

        // {b, c}: b is used, c ignored, a reads 0 — whatever the order.
        let bc = ranker.grammar(for: ["b": 0.7, "c": 5], base: grammar).contextualLogWeights
        #expect(!bc.isEmpty)
        #expect(bc == ranker.grammar(for: ["a": 0, "b": 0.7], base: grammar).contextualLogWeights)
        #expect(bc == ranker.grammar(for: ["c": -3, "b": 0.7], base: grammar).contextualLogWeights)
        #expect(bc != ranker.grammar(for: ["b": 0.2, "c": 5], base: grammar).contextualLogWeights)
        #expect(bc != ranker.grammar(for: ["a": 1, "b": 0.7], base: grammar).contextualLogWeights)
        let byHand = ranker.network.outputs([0, 0.7])
        for (row, key) in ranker.keys.enumerated() where grammar.offers(key) {
            #expect(bc[key] == byHand[row], "\(key)")
        }
    }

    @Test func aNewModelsInputsAreTheLeadingOnesThenEachNameInOrderOfFirstAppearance() throws {
        let grammar = try listsGrammar()
        let data = try examples(grammar, ["b": 1, "a": 0], ["c": 1, "a": 1, "d": 0])
        var options = trainingOptions()
        #expect(Ranker.train(data, grammar: grammar, options: options).0.featureNames == ["b", "a", "c", "d"])
        options.leadingInputs = ["d", "z"]
        #expect(Ranker.train(data, grammar: grammar, options: options).0.featureNames == ["d", "z", "b", "a", "c"])
        // By default a model has version 1's inputs first: a λ task's features fill the first 60.
        let lambda = try examples(grammar, TaskFeatures.vector(of: []), TaskFeatures.vector(of: []))
        #expect(Ranker.train(lambda, grammar: grammar).0.featureNames == Features.version1Names)
    }

    /// Every producer's features, each named once, the domains' apart: a λ task's, a SyGuS
    /// programming-by-example problem's, a logical problem's and a SyGuS dream's.
    @Test func featureNamesAreUniqueAcrossProducers() throws {
        let lambda = TaskFeatures.vector(of: ExampleTask(name: "t", request: try TypeExpr(parsing: "int -> int"),
                                                         examples: [ExampleTask.Example(inputs: [.int(1)], output: .int(2))]))
        let pbe = TaskFeatures.vector(of: try SyGuSProblem(parsing: TestSupport.text("Problems/strings/train/abbreviation-with-dots.sl")))
        let logicalProblem = try SyGuSProblem(parsing: TestSupport.text("Problems/bitvec/train/and-not-64.sl"))
        let logical = TaskFeatures.vector(of: logicalProblem)
        let dreams = SyGuSDream.dreams(over: [("and-not-64", logicalProblem)], grammar: Grammar(name: "empty"), count: 2, seed: 1)
        #expect(!dreams.isEmpty)
        let sygusNames = SyGuSFeature.operators + [SyGuSFeature.logical, SyGuSFeature.constraints, SyGuSFeature.parameters, SyGuSFeature.functions]
        for features in [lambda, pbe, logical] + dreams.map(\.features) {
            #expect(Set(features.names).count == features.count)
        }
        #expect(lambda.names == ExampleFeature.names)
        for features in [pbe, logical] + dreams.map(\.features) {
            #expect(features.names == ExampleFeature.names + sygusNames)
        }
        #expect(ExampleFeature.names.allSatisfy { !$0.hasPrefix("sygus.") } && sygusNames.allSatisfy { $0.hasPrefix("sygus.") })
        // Version 1's record of its inputs is today's producers' names in its order.
        #expect(Features.version1Names == ExampleFeature.names + sygusNames)
        #expect(Features.version1Names.count == 96)
    }

    @Test func featuresKeepTheirOrderAndReadByName() {
        var features: Features = ["x": 1, "y": 2]
        features.append("z", 3)
        features.append(names: ["w", "v"], values: [4, 5])
        #expect(features.names == ["x", "y", "z", "w", "v"] && features.values == [1, 2, 3, 4, 5])
        #expect(features["w"] == 4 && features["u"] == nil && features.count == 5)
    }
}

@Suite struct RankerFileFormatTests {
    private func listsGrammar() throws -> Grammar {
        try Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))
    }

    /// A model `ouro train` wrote in format version 1 (no feature names): 96 inputs, 2 hidden
    /// units, trained on Problems/lists/train/mapping.json for 3 epochs without dreams.
    private func version1File() throws -> Data {
        Data(try TestSupport.text("Tests/LearningTests/Fixtures/ranker-v1-mapping-hidden2-epochs3.json").utf8)
    }

    @Test func versionOneFilesReadAsTheVersionOneInputsAndPredictAsBefore() throws {
        let ranker = try Ranker(fileData: version1File())
        #expect(ranker.featureNames == Features.version1Names)
        #expect(ranker.network.inputCount == 96 && ranker.network.hiddenCount == 2 && ranker.keys.count == 114)

        // Version 1 read a λ task as 96 numbers, the SyGuS ones 0.
        let grammar = try listsGrammar()
        let task = ExampleTask(name: "double", request: try TypeExpr(parsing: "list(int) -> list(int)"), examples: [
            ExampleTask.Example(inputs: [.list([.int(1), .int(2)])], output: .list([.int(2), .int(4)])),
        ])
        let features = TaskFeatures.vector(of: task)
        let before = ranker.network.outputs(features.values + [Double](repeating: 0, count: 36))
        let conditioned = ranker.grammar(for: features, base: grammar).contextualLogWeights
        var compared = 0
        for (row, key) in ranker.keys.enumerated() where grammar.offers(key) {
            #expect(conditioned[key] == before[row], "\(key)")
            compared += 1
        }
        #expect(compared > 50)

        // Written again it is a version-2 file naming the same inputs.
        let rewritten = try Ranker(fileData: ranker.fileData())
        #expect(rewritten.featureNames == ranker.featureNames && rewritten.network == ranker.network && rewritten.keys == ranker.keys)
        let text = String(decoding: ranker.fileData(), as: UTF8.self)
        #expect(text.contains(#""version":2"#) && text.contains(#""features":["output.int","output.bool","#))
    }

    /// The version-1 fixture rewritten as version 2 with `names` as its features.
    private func version2File(names: [Any]) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: version1File()) as! [String: Any]
        object["version"] = 2
        object["features"] = names
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    private func refusal(_ data: Data) -> String? {
        do {
            _ = try Ranker(fileData: data)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func versionTwoFilesNamingTheirFeaturesWronglyAreRefused() throws {
        let names = Features.version1Names
        #expect(refusal(try version2File(names: names)) == nil)
        #expect(refusal(try version2File(names: Array(names.dropLast()))) == "the model names 95 features for its 96 inputs")
        #expect(refusal(try version2File(names: names + ["extra"])) == "the model names 97 features for its 96 inputs")
        var repeated = names
        repeated[40] = "list.reversed"
        #expect(refusal(try version2File(names: repeated)) == "feature \"list.reversed\" is named twice (names 26 and 41)")
        var notString: [Any] = names
        notString[2] = 7
        #expect(refusal(try version2File(names: notString)) == "feature name 3 is the number 7, not a string")

        var object = try JSONSerialization.jsonObject(with: version1File()) as! [String: Any]
        object["version"] = 2
        let unnamed = try JSONSerialization.data(withJSONObject: object)
        #expect(refusal(unnamed) == "the model does not name its features (a \"features\" list of strings, one per input)")
        // A version-1 file must have version 1's 96 inputs.
        object["version"] = 1
        object["inputs"] = 95
        #expect(refusal(try JSONSerialization.data(withJSONObject: object))
            == "the model's sizes or parameters are missing or inconsistent (96 features expected)")
    }
}
