import Foundation
import Grammar
import Language
import Domain
import Domains
import Synthesis
import Tasks
import Testing
import Verification
import TestSupport
@testable import Bootstrap

@Suite struct SyGuSLibraryTests {
    private func problem(_ path: String) throws -> (problem: SyGuSProblem, source: String) {
        let source = try TestSupport.text(path)
        return (try SyGuSProblem(parsing: source), source)
    }

    private func options(timeout: Duration = .seconds(20)) -> SynthesisOptions {
        var options = SynthesisOptions()
        options.timeout = timeout
        return options
    }

    /// `base` plus an abstraction read from `body`.
    private func grammar(_ base: Grammar, adding name: String, _ body: String) throws -> Grammar {
        var grammar = base
        let program = try Program(parsing: body, primitives: grammar.primitiveTable)
        try grammar.add(Production(try Abstraction(name: name, body: program)))
        return grammar
    }

    /// An abstraction the function's grammar derives becomes a production calling a helper;
    /// the answer found with it comes back inlined, in the problem's own grammar, and the
    /// search enumerated fewer candidates than without it.
    @Test func libraryAbstractionsBecomeProductionsAndAnswersComeBackInlined() throws {
        let (problem, _) = try problem("Problems/strings/train/first-name.sl")
        let base = Grammar.fitted(to: [], offering: [problem], name: "strings")
        let library = try grammar(base, adding: "before", "(lambda (lambda (str.substr $1 0 (str.indexof $1 $0 0))))")
        let extended = problem.extended(with: library)
        #expect(extended.offered == ["before"])
        #expect(extended.problem.definitions.count == problem.definitions.count + 1)
        #expect(extended.problem.functions[0].grammar.nonterminals[0].productions.last
            == .definition(problem.definitions.count, [.nonterminal(0), .nonterminal(0)]))

        let synthesizer = Synthesizer(options: options())
        let with = synthesizer.solve(problem, grammar: library)
        let without = synthesizer.solve(problem, grammar: base)
        guard case .solved(let bodies) = with.status, let body = bodies[0] else {
            Issue.record("not solved: \(with.status)")
            return
        }
        #expect(problem.text(of: body, function: 0) == "(str.substr x 0 (str.indexof x \" \" 0))")
        #expect(problem.functions[0].grammar.derivation(of: body) != nil)
        #expect(try Verifier(problem: problem).verify([0: body]) == .verified)
        #expect(with.candidates < without.candidates)
    }

    /// A search whose own share of the time runs out hands the rest to the fallback grammar,
    /// and the candidates of both searches are counted; a search that succeeds in its share
    /// is the whole answer.
    @Test func aFailedSearchFallsBackToTheFallbackGrammar() throws {
        let (problem, _) = try problem("Problems/strings/train/first-name.sl")
        let base = Grammar.fitted(to: [], offering: [problem], name: "strings")
        let synthesizer = Synthesizer(options: options())
        let alone = synthesizer.solve(problem, grammar: base)
        guard case .solved = alone.status else {
            Issue.record("not solved: \(alone.status)")
            return
        }
        // No time at all for the first search: the fallback alone finds the answer.
        let rescued = synthesizer.solve(problem, grammar: base, ranker: nil, fallback: base, primaryShare: 1e-12)
        guard case .solved(let bodies) = rescued.status, let body = bodies[0] else {
            Issue.record("not solved: \(rescued.status)")
            return
        }
        #expect(try Verifier(problem: problem).verify([0: body]) == .verified)
        #expect(rescued.candidates >= alone.candidates && rescued.foundByFallback && !alone.foundByFallback)
        var starved = synthesizer
        starved.options.timeout = synthesizer.options.timeout * 1e-12
        guard case .unknown = starved.solve(problem, grammar: base).status else {
            Issue.record("a search with no time found an answer")
            return
        }
        // Time enough: the first search answers, and the fallback never runs.
        let direct = synthesizer.solve(problem, grammar: base, ranker: nil, fallback: base)
        #expect(direct.candidates == alone.candidates && direct.iterations == alone.iterations && !direct.foundByFallback)
    }

    /// The two searches take turns: a guided search that cannot find the answer (its grammar
    /// makes the function's parameter all but unusable) keeps only its first turn before the
    /// second search finds it, where in sequence it would spend its whole share first.
    @Test func theSecondSearchTakesItsFirstTurnEarly() throws {
        let (problem, _) = try problem("Problems/strings/test/email-user.sl")
        let base = Grammar.fitted(to: [], offering: [problem], name: "strings")
        var blind = base
        blind.variableLogWeight = -80
        let synthesizer = Synthesizer(options: options(timeout: .seconds(2)))
        let turns = synthesizer.solve(problem, grammar: blind, ranker: nil, fallback: base, primaryShare: 0.5, probeShare: 0.1)
        let sequence = synthesizer.solve(problem, grammar: blind, ranker: nil, fallback: base, primaryShare: 0.5, probeShare: 0)
        for result in [turns, sequence] {
            guard case .solved = result.status else {
                Issue.record("not solved: \(result.status)")
                return
            }
            #expect(result.foundByFallback)
        }
        #expect(turns.candidates < sequence.candidates)
        #expect((turns.timings.seconds[.search] ?? 0) < (sequence.timings.seconds[.search] ?? 0))
    }

    /// An abstraction using a constant the grammar lacks is not offered.
    @Test func abstractionsTheGrammarCannotDeriveAreNotOffered() throws {
        let (email, _) = try problem("Problems/strings/test/email-user.sl")
        let (names, _) = try problem("Problems/strings/train/first-name.sl")
        let base = Grammar.fitted(to: [], offering: [email, names], name: "strings")
        let library = try grammar(base, adding: "firstWord", "(lambda (str.substr $0 0 (str.indexof $0 \" \" 0)))")
        #expect(names.extended(with: library).offered == ["firstWord"])
        let extended = email.extended(with: library)
        #expect(extended.offered.isEmpty)
        #expect(extended.problem.functions[0].grammar == email.functions[0].grammar)
    }

    /// A bit-vector abstraction learned at 32 bits is offered to a 64-bit problem at 64 bits,
    /// its constants by role (`signShift` needs 63, which this grammar does not offer).
    @Test func bitVectorAbstractionsAreRetypedToTheProblemsWidth() throws {
        let (narrow, _) = try problem("Problems/bitvec/train/turn-off-rightmost-one-32.sl")
        let (wide, _) = try problem("Problems/bitvec/test/turn-off-rightmost-one-64.sl")
        let base = Grammar.fitted(to: [], offering: [narrow, wide], name: "bitvec")
        var library = try grammar(base, adding: "dropLow", "(lambda (bvand $0 (bvsub $0 #x00000001)))")
        library = try grammar(library, adding: "signShift", "(lambda (bvashr $0 #x0000001f))")
        library = try grammar(library, adding: "complement", "(lambda (bvxor $0 #xffffffff))")
        let extended = wide.extended(with: library)
        #expect(extended.offered == ["dropLow", "complement"])
        let definitions = extended.problem.definitions.suffix(3).map { extended.problem.text(of: $0.body, parameterNames: ["a"]) }
        #expect(definitions == ["(bvand a (bvsub a #x0000000000000001))", "(bvashr a #x000000000000003f)", "(bvxor a #xffffffffffffffff)"])
        let result = Synthesizer(options: options()).solve(wide, grammar: library)
        guard case .solved(let bodies) = result.status, let body = bodies[0] else {
            Issue.record("not solved: \(result.status)")
            return
        }
        #expect(wide.text(of: body, function: 0) == "(bvand x (bvsub x #x0000000000000001))")
    }

    private func answers(_ files: [(String, String)]) throws -> [(problem: SyGuSProblem, body: Tasks.Expression)] {
        try files.map { path, answer in
            let (problem, source) = try problem(path)
            return (problem, try #require(try SyGuSProblem.answerBodies(answer, source: source)[0]))
        }
    }

    /// A pattern shared by three answers is learned; every answer's derivation in its extended
    /// grammar uses it; learning again from the same answers keeps the names.
    @Test func libraryLearningFromAnswersIsStable() throws {
        let answers = try answers([
            ("Problems/strings/train/first-name.sl", "(define-fun f ((x String)) String (str.substr x 0 (str.indexof x \" \" 0)))"),
            ("Problems/strings/train/city-from-city-state.sl", "(define-fun f ((x String)) String (str.substr x 0 (str.indexof x \",\" 0)))"),
            ("Problems/strings/test/email-user.sl", "(define-fun f ((x String)) String (str.substr x 0 (str.indexof x \"@\" 0)))"),
        ])
        let base = Grammar.fitted(to: [], offering: answers.map(\.problem), name: "strings")
        var settings = BootstrapSettings(rounds: 1, timeout: 1, jobs: 1, seed: 1)
        settings.abstractionsPerRound = 3
        settings.maximumArity = 3
        settings.useRanker = false
        let tasks = answers.enumerated().map { SyGuSTask(name: "\($0.offset)", problem: $0.element.problem, source: "") }
        let solved = zip(tasks, answers).map { (task: $0, answer: SyGuSAnswer(bodies: [0: $1.body], logPrior: 0)) }
        func learn(previous: Grammar) throws -> SleepOutput {
            let part = DomainAnswers(domain: SyGuSDomain(), tasks: tasks, answers: solved)
            return try Sleep.learn([part], input: SleepInput(round: 0, grammar: previous, startGrammar: base, settings: settings,
                                                             configuration: SleepSettings.starting(from: settings)))
        }
        let first = try learn(previous: base)
        #expect(first.grammar.abstractions.map(\.name) == ["fn_0"])
        #expect(first.grammar.abstractions[0].body.description == "(lambda (lambda (str.substr $0 0 (str.indexof $0 $1 0))))")
        #expect(first.learned.count == 1 && first.learned[0].uses == 3)
        let key = ProductionKey(name: "fn_0", type: first.grammar.abstractions[0].type.canonical)
        for points in first.derivations {
            let points = try #require(points)
            #expect(points.contains { $0.chosen == .production(key) })
        }
        let unused = try #require(first.grammar.productions.first { $0.name == "str.replace" })
        #expect(try #require(first.grammar[key]).logWeight > unused.logWeight)
        #expect(try Grammar(parsing: first.grammar.fileText) == first.grammar)

        let again = try learn(previous: first.grammar)
        #expect(again.grammar.abstractions.map(\.name) == ["fn_0"])
        #expect(again.learned.isEmpty)
    }
}
