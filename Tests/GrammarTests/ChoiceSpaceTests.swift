import Foundation
import Grammar
import Language
import Testing

/// The likelihood and the sampler written once over `ChoiceSpace`, seen through a small
/// space of its own and through the λ grammar.
@Suite struct ChoiceSpaceTests {
    /// Terms `x`, `y` and `(f t)`: one hole per choice, `f` opening one more; weights by name,
    /// a name without one unknown.
    struct Chain: ChoiceSpace {
        var weights: [String: Double]

        func knownLogWeight(of choice: SlotChoice, in slot: Slot) -> Double? {
            guard case .production(let key) = choice else { return nil }
            return weights[key.name]
        }

        func opened(_ hole: Slot, context: inout Void) -> (inner: Slot, wrap: (String) -> String)? { nil }

        func options(for hole: Slot, leavesOnly: Bool, context: inout Void) -> [(option: String, logWeight: Double)] {
            let names = leavesOnly ? ["x", "y"] : ["x", "y", "f"]
            let filled = Self.fillingUnknown(names.map { knownLogWeight(of: Self.choice($0), in: hole) })
            return Array(zip(names, filled))
        }

        func holes(of option: String, filling hole: Slot, context: inout Void) -> [Slot]? {
            option == "f" ? [.argument(of: Self.key("f"), index: 0)] : []
        }

        func term(of option: String, children: [String]) -> String {
            children.isEmpty ? option : "(\(option) \(children.joined(separator: " ")))"
        }

        static func key(_ name: String) -> ProductionKey { ProductionKey(name: name, type: .int) }
        static func choice(_ name: String) -> SlotChoice { .production(key(name)) }

        /// The derivation of `(f … (f leaf))` with `depth` `f`s.
        static func points(depth: Int, leaf: String) -> [ChoicePoint] {
            let all = ["x", "y", "f"].map(key)
            var points: [ChoicePoint] = []
            var slot = Slot.root
            for _ in 0..<depth {
                points.append(ChoicePoint(slot: slot, fittingProductions: all, fittingVariables: 0, chosen: choice("f")))
                slot = .argument(of: key("f"), index: 0)
            }
            points.append(ChoicePoint(slot: slot, fittingProductions: all, fittingVariables: 0, chosen: choice(leaf)))
            return points
        }
    }

    @Test func unknownWeightsAreTheMeanOfTheKnownFiniteOnes() {
        #expect(Chain.fillingUnknown([1, nil, 3]) == [1, 2, 3])
        #expect(Chain.fillingUnknown([nil, nil]) == [0, 0])
        #expect(Chain.fillingUnknown([-.infinity, nil, 2]) == [-.infinity, 2, 2])
        #expect(Chain.fillingUnknown([5, -.infinity]) == [5, -.infinity])
    }

    @Test func aDerivationsLikelihoodNormalisesEachChoiceOverWhatFitted() throws {
        let space = Chain(weights: ["x": log(2.0), "y": 0, "f": 0])
        // (f x): f is 1 in 4, then x 2 in 4.
        let likelihood = try #require(space.logLikelihood(of: Chain.points(depth: 1, leaf: "x")))
        #expect(abs(likelihood - log(1.0 / 4 * 2.0 / 4)) < 1e-12)
        // y has no weight: it weighs the mean of x's and f's, log(2.0) / 2.
        let unknown = Chain(weights: ["x": log(2.0), "f": 0])
        let y = exp(log(2.0) / 2)
        let chosenY = try #require(unknown.logLikelihood(of: Chain.points(depth: 0, leaf: "y")))
        #expect(abs(chosenY - log(y / (2 + y + 1))) < 1e-12)
        // Nothing fits: no likelihood.
        let empty = [ChoicePoint(slot: .root, fittingProductions: [], fittingVariables: 0, chosen: Chain.choice("x"))]
        #expect(space.logLikelihood(of: empty) == nil)
    }

    @Test func samplesFollowTheWeightsTheLikelihoodScores() throws {
        let space = Chain(weights: ["x": log(3.0), "y": 0, "f": 0])
        var random = SplitMix64(seed: 5)
        var counts: [String: Int] = [:]
        for _ in 0..<5_000 {
            let term = try #require(space.sample(from: .root, maximumDepth: 0, using: &random))
            counts[term, default: 0] += 1
        }
        // At the maximum depth only leaves: x three times in four.
        #expect(Set(counts.keys) == ["x", "y"])
        #expect(abs(Double(counts["x"]!) / 5_000 - 0.75) < 0.03)
        // Deeper draws stay within the depth and the size.
        for _ in 0..<200 {
            let term = try #require(space.sample(from: .root, maximumDepth: 3, using: &random))
            #expect(term.filter { $0 == "f" }.count <= 3, "\(term)")
        }
        var bounded = SplitMix64(seed: 5)
        let sizes = (0..<200).compactMap { _ in space.sample(from: .root, maximumDepth: 50, maximumSize: 2, using: &bounded) }
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0.filter { $0 == "f" }.count <= 1 })
    }

    @Test func aGrammarsLogPriorIsTheLikelihoodOfItsChoicePoints() throws {
        let grammar = try Grammar(parsing: """
            (primitive 0 "int" \(log(3.0)))
            (primitive 1 "int" 0)
            (primitive + "int -> int -> int" 0)
            """)
        let program = try Program(parsing: "(+ 0 1)")
        let points = try #require(grammar.choicePoints(of: program, request: .int))
        let prior = try #require(grammar.logPrior(of: program, request: .int))
        #expect(grammar.logLikelihood(of: points) == prior)
        #expect(abs(prior - log(1.0 / 5 * 3.0 / 5 * 1.0 / 5)) < 1e-12)
    }
}
