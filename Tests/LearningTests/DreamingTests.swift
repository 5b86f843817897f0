import Domain
import Domains
import Foundation
import Grammar
import Language
import Tasks
import Testing
import TestSupport

/// The dreaming loop every domain shares, and the SyGuS grammar as a choice space.
@Suite struct DreamingTests {
    /// Dreams over two sources whose "programs" are numbers drawn at random, behaving as their
    /// remainder by 3 (0 fails), weighing minus themselves.
    static func numbers(seed: UInt64, count: Int) -> ([Dreaming.Dreamt<Int, Int>], samples: [(source: Int, program: Int)]) {
        var samples: [(source: Int, program: Int)] = []
        let dreams = Dreaming(count: count, seed: seed, attemptsPerDream: 10).dreams(over: [0, 1], sample: { source, random in
            let program = Int(random.next() % 20)
            samples.append((source, program))
            return (program, -Double(program))
        }, behaviour: { (_: Int, program: Int) -> Int? in
            program % 3 == 0 ? nil : program % 3
        })
        return (dreams, samples)
    }

    @Test func ofProgramsThatBehaveAlikeOnASourceTheMostProbableIsKept() {
        // Only four behaviours exist (two sources, two remainders): asking for ten runs every attempt.
        let (dreams, samples) = Self.numbers(seed: 3, count: 10)
        #expect(dreams.count == 4)
        #expect(Set(dreams.map { "\($0.source) \($0.behaviour)" }).count == 4)
        var replaced = 0
        for dream in dreams {
            #expect(dream.behaviour == dream.program % 3)
            #expect(dream.logPrior == -Double(dream.program))
            // The most probable is the smallest number of its behaviour drawn for its source.
            let alike = samples.filter { $0.source == dream.source && $0.program % 3 == dream.behaviour }.map(\.program)
            #expect(dream.program == alike.min(), "\(dream.program) among \(alike)")
            if dream.program != alike.first { replaced += 1 }
        }
        // The first program of a behaviour was not always its most probable.
        #expect(replaced > 0)
        // Dreams come in the order their behaviours were first seen.
        let firstSeen = samples.filter { $0.program % 3 != 0 }.map { "\($0.source) \($0.program % 3)" }
        var order: [String] = []
        for key in firstSeen where !order.contains(key) { order.append(key) }
        #expect(dreams.map { "\($0.source) \($0.behaviour)" } == order)
        #expect(Self.numbers(seed: 3, count: 10).0.map(\.program) == dreams.map(\.program))
    }

    @Test func theLoopStopsAtItsCountOrAfterItsAttempts() {
        let (two, early) = Self.numbers(seed: 1, count: 2)
        #expect(two.count == 2 && early.count < 20)
        let (dreams, samples) = Self.numbers(seed: 1, count: 10)
        #expect(dreams.count == 4)
        #expect(samples.count == 100)
        #expect(Dreaming(count: 3, seed: 1).dreams(over: [Int](), sample: { _, _ in (0, 0) }, behaviour: { (_: Int, _: Int) in 0 }).isEmpty)
    }

    static let andNot = try! SyGuSProblem(parsing: TestSupport.text("Problems/bitvec/train/and-not-64.sl"))

    @Test func aSyGuSBodysUniformLikelihoodCountsItsChoices() throws {
        // Start offers x, y, three constants and four operators: each choice is 1 in 9.
        let space = SyGuSChoiceSpace(Self.andNot, function: 0, weights: nil)
        let productions = Self.andNot.functions[0].grammar.nonterminals[0].productions
        let body = try #require(productions.first { if case .builtin(let p, _) = $0 { return p.name == "bvand" } else { return false } })
        #expect(productions.contains(.parameter(0)) && productions.contains(.parameter(1)))
        let x = Tasks.Expression.parameter(0), y = Tasks.Expression.parameter(1)
        let likelihood = try #require(space.logLikelihood(of: body.fillingHoles([x, y])))
        #expect(abs(likelihood - 3 * log(1.0 / 9)) < 1e-12)
    }

    @Test func aSyGuSDreamsLogPriorIsItsLikelihoodUnderTheGrammarItWasDrawnWith() throws {
        let grammar = Grammar(name: "empty")
        let dreams = SyGuSDream.dreams(over: [("and-not-64", Self.andNot)], grammar: grammar, count: 5, seed: 2)
        #expect(!dreams.isEmpty)
        let space = SyGuSChoiceSpace(Self.andNot, function: 0, weights: grammar)
        for dream in dreams {
            #expect(space.logLikelihood(of: dream.body) == dream.logPrior)
            #expect(!dream.choices.isEmpty)
        }
        // A logical problem's dreams are told apart by their text.
        #expect(Set(dreams.map { Self.andNot.text(of: $0.body, function: 0) }).count == dreams.count)
    }
}
