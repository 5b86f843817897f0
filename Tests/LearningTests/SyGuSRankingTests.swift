import Foundation
import Grammar
import Language
import Tasks
import Testing
import TestSupport
@testable import Domains
@testable import Ranking

@Suite struct SyGuSRankingTests {
    private func problem(_ path: String) throws -> (SyGuSProblem, String) {
        let text = try TestSupport.text(path)
        return (try SyGuSProblem(parsing: text), text)
    }

    @Test func programmingByExampleConstraintsBecomeExamplesAndFeatures() throws {
        let (problem, _) = try problem("Problems/strings/train/abbreviation-with-dots.sl")
        #expect(problem.examples.count == 5)
        #expect(problem.examples[0].inputs == [.string("International Business Machines")])
        #expect(problem.examples[0].output == .string("I.B.M."))
        let features = TaskFeatures.vector(of: problem)
        #expect(features.names == ExampleFeature.names + SyGuSFeature.operators
            + [SyGuSFeature.logical, SyGuSFeature.constraints, SyGuSFeature.parameters, SyGuSFeature.functions])
        #expect(features["output.string"] == 1)
        #expect(features["sygus.logical"] == 0)         // no declared variable in the constraints
    }

    @Test func logicalSpecificationsAreDescribedByTheirOperators() throws {
        let (problem, _) = try problem("Problems/bitvec/train/and-not-64.sl")
        #expect(problem.examples.isEmpty)
        #expect(problem.specificationOperators == ["bvsub": 1, "bvand": 1, "=": 1])
        let features = TaskFeatures.vector(of: problem)
        #expect(features["sygus.logical"] == 1)
        #expect(SyGuSFeature.operators.map { features[$0]! }.reduce(0, +) > 0.99)
    }

    /// A specification `(= (spec x) (f x))` is also described by what `spec` computes.
    @Test func referenceImplementationsGiveExamples() throws {
        let (turnOff, _) = try problem("Problems/bitvec/train/turn-off-rightmost-one-32.sl")
        let examples = turnOff.referenceExamples(count: 12, seed: 3)
        #expect(examples.count == 12)
        for example in examples {
            guard case .bitVector(let x) = example.inputs[0], case .bitVector(let y) = example.output else {
                Issue.record("not bit-vectors: \(example)")
                continue
            }
            #expect(y.bits == x.bits & (x.bits &- 1) & 0xFFFF_FFFF && y.width == 32)
        }
        #expect(Set(examples.map { $0.inputs[0] }).count > 4)
        #expect(turnOff.featureExamples.count == 12)
        let features = TaskFeatures.vector(of: turnOff)
        #expect(features["output.bitvector"] == 1)
        #expect(features["bits.subset"] == 1)          // y's bits are a subset of x's
        // A specification that relates outputs only logically has none.
        let (maximum, _) = try problem("Problems/lia/train/max2.sl")
        #expect(maximum.referenceExamples().isEmpty)
    }

    /// A choice at 32 bits stands for the same choice at 64: operators retyped, constants by role.
    @Test func choicePointsRetypeToAnotherWidth() throws {
        let bvand32 = ProductionKey(name: "bvand", type: try TypeExpr(parsing: "bv32 -> bv32 -> bv32"))
        let shift32 = ProductionKey(name: "#x0000001f", type: .bitVector(width: 32))
        let ite = ProductionKey(name: "ite", type: try TypeExpr(parsing: "bool -> int -> int -> int"))
        let point = ChoicePoint(slot: .argument(of: bvand32, index: 1), fittingProductions: [bvand32, shift32, ite], fittingVariables: 1, chosen: .production(shift32))
        let wide = point.retypingBitVectors(from: 32, to: 64)
        #expect(wide.fittingProductions.map(\.description) == [
            "bvand : bv64 -> bv64 -> bv64", "#x000000000000003f : bv64", "ite : bool -> int -> int -> int",
        ])
        #expect(wide.chosen == .production(ProductionKey(name: "#x000000000000003f", type: .bitVector(width: 64))))
        #expect(wide.fittingVariables == 1)
        #expect(wide.slot == .argument(of: ProductionKey(name: "bvand", type: try TypeExpr(parsing: "bv64 -> bv64 -> bv64")), index: 1))
    }

    @Test func answersAreDerivedInTheirGrammarAsKeyedChoices() throws {
        let (problem, text) = try problem("Problems/bitvec/train/and-not-64.sl")
        let bodies = try SyGuSProblem.answerBodies(
            "(define-fun f ((x (_ BitVec 64)) (y (_ BitVec 64))) (_ BitVec 64) (bvand x (bvnot y)))", source: text)
        let body = try #require(bodies[0])
        let points = try #require(problem.choicePoints(of: body, function: 0))
        let bvand = ProductionKey(name: "bvand", type: try TypeExpr(parsing: "bv64 -> bv64 -> bv64"))
        let bvnot = ProductionKey(name: "bvnot", type: try TypeExpr(parsing: "bv64 -> bv64"))
        #expect(points.map(\.chosen) == [.production(bvand), .variable, .production(bvnot), .variable])
        #expect(points.map(\.slot) == [.root, .argument(of: bvand, index: 0), .argument(of: bvand, index: 1), .argument(of: bvnot, index: 0)])
        #expect(points[0].fittingVariables == 2)
        #expect(points[0].fittingProductions.count == 7)   // 3 constants and 4 operators

        // A grammar fitted to that one answer makes its operators cheapest in the search.
        let fitted = Grammar.fitted(to: points.map { ($0, 1.0) }, offering: [problem], name: "bv")
        #expect(fitted.productions.count == 7)
        let costs = problem.costs(of: problem.functions[0].grammar, from: fitted)
        let productions = problem.functions[0].grammar.nonterminals[0].productions
        let cost = Dictionary(uniqueKeysWithValues: zip(productions.map { problem.text(of: $0, function: 0) }, costs.root[0]))
        #expect(cost["x"] == 1 && cost["y"] == 1)
        #expect(cost["(bvand Start Start)"]! < cost["(bvor Start Start)"]!)
        #expect(cost["(bvnot Start)"]! < cost["(bvxor Start Start)"]!)
        #expect(costs.arguments == nil)

        // A contextual weight prices bvxor as bvand's second argument only; elsewhere (the root,
        // bvand's first argument) a production costs what it costs at the root.
        var contextual = fitted
        let secondOfAnd = Slot.argument(of: bvand, index: 1)
        let bvxor = ProductionKey(name: "bvxor", type: try TypeExpr(parsing: "bv64 -> bv64 -> bv64"))
        contextual.contextualLogWeights[ContextualKey(slot: secondOfAnd, choice: .production(bvxor))] = 20
        let priced = problem.costs(of: problem.functions[0].grammar, from: contextual)
        let andIndex = try #require(productions.firstIndex { problem.text(of: $0, function: 0) == "(bvand Start Start)" })
        let xorIndex = try #require(productions.firstIndex { problem.text(of: $0, function: 0) == "(bvxor Start Start)" })
        let arguments = try #require(priced.arguments)
        #expect(priced.root == costs.root)
        #expect(arguments[0][andIndex][1][xorIndex] == 1)
        #expect(arguments[0][andIndex][0] == costs.root[0])
        #expect(costs.root[0][xorIndex] > 1)
    }
}
