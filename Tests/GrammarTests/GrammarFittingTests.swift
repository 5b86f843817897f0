import Foundation
import Grammar
import Language
import Testing

@Suite struct GrammarFittingTests {
    /// Probabilities of the choices that fit an `int` position, from log weights.
    static func probabilities(_ grammar: Grammar, in slot: Slot = .root) -> [String: Double] {
        let choices = grammar.productions.filter { $0.type.returnType == .int }
        let weights = choices.map { grammar.logWeight(of: .production($0.key), in: slot) }
        let total = weights.reduce(0) { $0 + exp($1) }
        return Dictionary(uniqueKeysWithValues: zip(choices.map(\.name), weights.map { exp($0) / total }))
    }

    @Test func refittingRecoversTheProbabilitiesThatDrewTheCorpus() throws {
        // + : 0.2, 0 : 0.5, 1 : 0.3 at every int position.
        let known = try Grammar(parsing: """
            (primitive + "int -> int -> int" \(log(0.2)))
            (primitive 0 "int" \(log(0.5)))
            (primitive 1 "int" \(log(0.3)))
            """)
        var generator = SplitMix64(seed: 2_024)
        let corpus = (0..<3_000).compactMap { _ in known.sample(request: .int, maximumDepth: 20, maximumSize: 200, using: &generator) }
            .map { WeightedProgram(program: $0, request: .int, weight: 1) }
        #expect(corpus.count == 3_000)
        let uniform = try Grammar(parsing: """
            (primitive + "int -> int -> int")
            (primitive 0 "int")
            (primitive 1 "int")
            """)
        let refitted = uniform.refitted(to: corpus, pseudocount: 1)
        let recovered = Self.probabilities(refitted)
        for (name, truth) in ["+": 0.2, "0": 0.5, "1": 0.3] {
            #expect(abs(recovered[name]! - truth) < 0.02, "\(name): \(recovered[name]!) against \(truth)")
        }
    }

    @Test func contextualRefittingLearnsWhatEachSlotPrefers() throws {
        // The first argument of + is always 1 and the second always 0.
        let grammar = try Grammar(parsing: """
            (primitive + "int -> int -> int")
            (primitive 0 "int")
            (primitive 1 "int")
            """)
        let program = try Program(parsing: "(+ 1 0)", primitives: grammar.primitiveTable)
        let refitted = grammar.refitted(to: Array(repeating: WeightedProgram(program: program, request: .int, weight: 1), count: 50),
                                        pseudocount: 0.1, contextual: true)
        #expect(refitted.isContextual)
        let plus = grammar.productions[0].key
        #expect(Self.probabilities(refitted, in: .argument(of: plus, index: 0))["1"]! > 0.95)
        #expect(Self.probabilities(refitted, in: .argument(of: plus, index: 1))["0"]! > 0.95)
        #expect(Self.probabilities(refitted, in: .root)["+"]! > 0.95)
    }

    @Test func frontierWeightsArePosteriorsWithinTheTask() throws {
        let a = Program.primitive(Builtins.literal("0")!), b = Program.primitive(Builtins.literal("1")!)
        let weighted = WeightedProgram.frontier([(a, log(0.6), 0), (b, log(0.2), 0)], request: .int)
        #expect(abs(weighted[0].weight - 0.75) < 1e-12)
        #expect(abs(weighted[1].weight - 0.25) < 1e-12)
    }
}
