import Grammar
import Language
import Testing
import TestSupport
@testable import Compression

@Suite struct LibraryLearningTests {
    private func listsGrammar() throws -> Grammar {
        try Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))
    }

    /// The frontiers Ouroboros found for the list training tasks, typed by inference.
    private func listFrontiers(_ grammar: Grammar) throws -> [WeightedProgram] {
        let text = try TestSupport.text("Tests/LearningTests/Fixtures/lists-frontiers.txt")
        let table = grammar.primitiveTable
        return try Corpus.read(text) { source throws(SyntaxError) in
            let program = try Program(parsing: source, primitives: table)
            return WeightedProgram(program: program, request: try! program.inferType(), weight: 1)
        }
    }

    @Test func learnsTypedAbstractionsFromListFrontiersAndRewritesSoundly() throws {
        let grammar = try listsGrammar()
        let corpus = try listFrontiers(grammar)
        #expect(corpus.count == 103)
        let learning = try LibraryLearning(corpus: corpus, grammar: grammar)
        #expect(learning.note == nil)
        #expect(learning.abstractions.count == 10)
        let first = try #require(learning.abstractions.first)
        #expect(first.name == "fn_0")
        #expect(first.type.description == "int -> int")
        #expect(first.body.description == "(lambda (+ 1 $0))")
        // η-long: no body rooted at a lambda or a partial application, so every use is full.
        for learned in learning.compression.abstractions {
            if case .lambda = learned.body { Issue.record("\(learned.name) is rooted at a lambda") }
        }
        #expect(learning.compression.compressionRatio > 1.2)

        // Every rewritten program has its original's type and inlines back to its original.
        let library = AbstractionLibrary(learning.compression.abstractions)
        for (rewritten, original) in zip(learning.rewritten, corpus) {
            try rewritten.program.check(against: original.request)
            #expect(library.inlining(Term.shape(of: rewritten.program)) == Term.shape(of: original.program))
            #expect(learning.grammar.logPrior(of: rewritten.program, request: rewritten.request) != nil)
        }
        // The library is a grammar file like any other.
        let reread = try Grammar(parsing: learning.grammar.fileText)
        #expect(reread.abstractions.map(\.name) == learning.abstractions.map(\.name))
        #expect(reread.abstractions.map(\.type) == learning.abstractions.map(\.type))
    }

    @Test func programsSampledFromAGrammarCompressSoundly() throws {
        let grammar = try listsGrammar()
        var generator = SplitMix64(seed: 7)
        let request = try TypeExpr(parsing: "list(int) -> list(int)")
        let programs = (0..<150).compactMap { _ in grammar.sample(request: request, maximumDepth: 6, maximumSize: 30, using: &generator) }
        #expect(programs.count == 150)
        let terms = programs.map(Term.shape(of:))
        let result = try Compression.compress(terms)
        #expect(!result.abstractions.isEmpty)
        let library = AbstractionLibrary(result.abstractions)
        for (rewritten, original) in zip(result.rewritten, terms) {
            #expect(library.inlining(rewritten) == original)
        }
    }

    @Test func libraryEntriesReportUsesAndSavings() throws {
        let grammar = try listsGrammar()
        let table = grammar.primitiveTable
        let corpus = try [
            "(lambda (map (lambda (+ $0 1)) (cdr $0)))",
            "(lambda (map (lambda (* $0 $0)) (cdr $0)))",
            "(lambda (map (lambda (- $0 1)) (cdr $0)))",
        ].map { source in
            let program = try Program(parsing: source, primitives: table)
            return WeightedProgram(program: program, request: try program.inferType(), weight: 1)
        }
        let learning = try LibraryLearning(corpus: corpus, grammar: grammar, options: CompressionOptions(iterations: 1))
        let learned = try #require(learning.compression.abstractions.first)
        #expect(learned.body.description == "(map #1 (cdr #0))")

        let entries = LibraryEntry.library(of: learning.grammar, corpus: learning.compression.rewritten)
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.type.description == "list(t0) -> (t0 -> t1) -> list(t1)")
        #expect(entry.body.description == "(lambda (lambda (map $0 (cdr $1))))")
        #expect(entry.pattern.description == "(map #1 (cdr #0))")
        #expect(entry.arity == 2)
        #expect(entry.uses == 3)
        // Inlining it back grows the corpus by what compression saved: its utility plus its body.
        #expect(entry.savings == learned.utility + (2 + 100 + 1 + 100))
    }

    @Test func partialApplicationsInlineByEtaExpansion() throws {
        let body = try Term(parsing: "(map #0 (cdr #1))", allowsArguments: true)
        let library = AbstractionLibrary([LearnedAbstraction(name: "fn_0", arity: 2, body: body, uses: 0, utility: 0)])
        #expect(library.inlining(try Term(parsing: "(fn_0 f)")).description == "(lam (map f (cdr $0)))")
        #expect(library.inlining(try Term(parsing: "(lam (fn_0 (g $0)))")).description == "(lam (lam (map (g $1) (cdr $0))))")
        #expect(library.inlining(try Term(parsing: "(fn_0 f x)")).description == "(map f (cdr x))")
    }
}
