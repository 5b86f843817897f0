import Foundation
import Grammar
import Language
import Testing
import TestSupport

@Suite struct GrammarSamplingTests {
    static let lists = try! Grammar(parsing: try! TestSupport.text("Grammars/lists.grammar"))

    /// Leaves and lambdas: the choices a program is made of.
    static func choices(_ p: Program) -> Int {
        switch p {
        case .primitive, .invented, .variable: return 1
        case .lambda(let body): return 1 + choices(body)
        case .apply(let f, let x): return choices(f) + choices(x)
        }
    }

    @Test(arguments: ["list(int) -> list(int)", "list(int) -> int", "int -> bool"])
    func samplesAreWellTypedProgramsTheGrammarScores(request text: String) throws {
        let request = try TypeExpr(parsing: text)
        for seed: UInt64 in [1, 2] {
            var generator = SplitMix64(seed: seed)
            for index in 0..<60 {
                let program = try #require(Self.lists.sample(request: request, maximumSize: 25, using: &generator),
                                           "seed \(seed), draw \(index): no program")
                #expect((try? program.check(against: request)) != nil, "seed \(seed): \(program) is not a \(request)")
                #expect(Self.lists.logPrior(of: program, request: request) != nil, "seed \(seed): \(program)")
                #expect(Self.choices(program) <= 25, "seed \(seed): \(program) is too large")
            }
        }
    }

    @Test func theSameSeedGivesTheSamePrograms() {
        let request = try! TypeExpr(parsing: "list(int) -> list(int)")
        func draws(_ seed: UInt64) -> [String] {
            var generator = SplitMix64(seed: seed)
            return (0..<50).map { _ in Self.lists.sample(request: request, using: &generator)?.description ?? "-" }
        }
        #expect(draws(42) == draws(42))
        #expect(draws(42) != draws(43))
    }

    @Test func choicesFollowTheirWeights() throws {
        // 0 weighs three times 1: three in four draws should be 0.
        let grammar = try Grammar(parsing: """
            (primitive 0 "int" \(log(3.0)))
            (primitive 1 "int" 0)
            """)
        var generator = SplitMix64(seed: 7)
        let draws = (0..<4_000).compactMap { _ in grammar.sample(request: .int, using: &generator) }
        #expect(draws.count == 4_000)
        let zeros = Double(draws.filter { $0.description == "0" }.count) / 4_000
        #expect(abs(zeros - 0.75) < 0.03, "share of 0: \(zeros)")
    }

    @Test func depthBoundForcesLeaves() throws {
        let grammar = try Grammar(parsing: """
            (primitive + "int -> int -> int" 5)
            (primitive 1 "int")
            """)
        var generator = SplitMix64(seed: 11)
        for _ in 0..<100 {
            let program = try #require(grammar.sample(request: .int, maximumDepth: 2, maximumSize: 100, using: &generator))
            #expect(program.depth <= 5, "\(program)")
        }
    }
}
