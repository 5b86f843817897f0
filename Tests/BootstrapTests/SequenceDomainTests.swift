import Domain
import Domains
import Foundation
import Grammar
import Language
import Ranking
import Testing
import TestSupport
@testable import Bootstrap

/// The name of the domain among `Domains.all` that reads `file`.
private func domainName(reading file: String, text: String) -> String? {
    (try? domain(reading: file, text: text, among: Domains.all))?.name
}

/// The sequence domain, written against the `Domain` seam alone: its files, its features, its
/// answers, and the loop running it on its own and beside the λ domain.
@Suite struct SequenceDomainTests {
    private let domain = SequenceDomain()

    /// The error reading `text` as a sequence file throws, as it prints (`LINE:COLUMN: message`).
    private func readError(_ text: String, limits: ReadingLimits = .none) -> TaskReadError? {
        do throws(TaskReadError) {
            _ = try domain.tasks(in: text, file: "bad.seq", limits: limits)
            return nil
        } catch {
            return error
        }
    }

    private func sequences(_ file: String, _ split: Split) throws -> [(file: String, task: IntegerSequence, split: Split)] {
        try IntegerSequence.readAll(TestSupport.text(file)).map { (file, $0, split) }
    }

    // MARK: Reading

    @Test func aSequenceFileReadsWithCommentsBlankLinesAndOptionalSpaces() throws {
        let text = "\u{FEFF}# Squares and friends\r\nsquares: 0, 1, 4, 9, 16\r\n\r\nnegatives:0,-1,-2,-3   # A001489\n  spaced name :  +1 , 2 ,3\n"
        let tasks = try domain.tasks(in: text, file: "friends.seq", limits: .none)
        #expect(tasks == [
            IntegerSequence(name: "squares", terms: [0, 1, 4, 9, 16]), IntegerSequence(name: "negatives", terms: [0, -1, -2, -3]),
            IntegerSequence(name: "spaced name", terms: [1, 2, 3]),
        ])
        let task = tasks[0].exampleTask
        #expect(task.request == TypeExpr.arrow(.int, .int))
        #expect(task.examples.map(\.inputs) == (0..<5).map { [Value.int($0)] })
        #expect(task.examples.map(\.output) == [0, 1, 4, 9, 16].map(Value.int))
    }

    @Test(arguments: [
        ("squares: 0, 1, x, 9", "1:16: expected an integer, found \"x\""),
        ("a: 1, 2.5, 3", "1:7: expected an integer, found \"2.5\""),
        ("a: 1, 2, 3\r\nb: 1, y, 3\r\n", "2:7: expected an integer, found \"y\""),
        ("# header\nsquares 0, 1, 4, 9", "2:1: missing ':' after the sequence's name (a line reads NAME: 1, 2, 3)"),
        (": 1, 2, 3", "1:1: missing the sequence's name before ':'"),
        ("a: 1, 2, 3\n\nb: 1, 2, 3\na: 4, 5, 6", "4:1: the name \"a\" is already given on line 1"),
        ("  short: 1, 2", "1:3: expected at least 3 terms for \"short\", found 2"),
        ("empty:   # nothing yet", "1:1: expected at least 3 terms for \"empty\", found none"),
        ("a: 1, 2, 3,", "1:12: expected an integer, found the end of the line"),
        ("a: 1,, 2, 3", "1:6: expected an integer, found ','"),
        ("a: 1 2, 3, 4", "1:6: expected ',' between two terms"),
        ("big: 1, 2, 99999999999999999999", "1:12: the integer 99999999999999999999 is outside the 64-bit range"),
        ("# only a comment\n\n", "holds no sequence"),
    ])
    func aBadSequenceFileNamesLineAndColumn(text: String, message: String) throws {
        let error = try #require(readError(text))
        #expect(error.description == message)
        #expect(!error.isOverLimit)
    }

    @Test func aFilePastTheReadingLimitsIsOverLimitNotMalformed() throws {
        let long = (0..<3_000).map { "s\($0): 1, 2, 3" }.joined(separator: "\n")
        let large = try #require(readError(long, limits: ReadingLimits(bytes: 16 << 10)))
        #expect(large.isOverLimit && large.message == ReadingLimits(bytes: 16 << 10).memoryMessage())
        let late = try #require(readError(long, limits: ReadingLimits(deadline: .now - .seconds(1))))
        #expect(late.isOverLimit && late.message == ReadingLimits.timeMessage)
        let bad = try #require(readError("a: 1, x, 3", limits: ReadingLimits(deadline: .now + .seconds(60), bytes: 64 << 20)))
        #expect(!bad.isOverLimit)
        #expect(try domain.tasks(in: long, file: "long.seq", limits: ReadingLimits(deadline: .now + .seconds(60), bytes: 64 << 20)).count == 3_000)
    }

    @Test func sequenceFilesAreClaimedByTheirExtensionOnly() throws {
        #expect(Domains.all.map(\.name) == ["lambda", "sygus", "sequences"])
        #expect(domainName(reading: "Problems/sequences/train/powers.seq", text: "") == "sequences")
        #expect(domainName(reading: "notes.txt", text: "a: 1, 2, 3") == "sygus")
        #expect(!domain.reads(file: "-", text: "a: 1, 2, 3"))
        let sets = try TaskSet.read(["Problems/sequences/test/powers.seq"], domains: Domains.all) { try TestSupport.text($0) }
        #expect(sets.map(\.domainName) == ["sequences"] && sets[0].names == ["powers-of-4", "fermat-like", "fibonacci"])
        #expect(sets[0].fileKind == "sequence files" && sets[0].searchMethod.option == "topdown" && !sets[0].needsGrammar)
    }

    // MARK: Features, search, answers, dreams

    @Test func featuresAreTheExampleFeaturesThenTheDomainsOwn() {
        let squares = IntegerSequence(name: "squares", terms: [0, 1, 4, 9, 16, 25])
        let features = domain.features(of: squares)
        #expect(features.names == ExampleFeature.names + SequenceFeature.names)
        #expect(Array(features.values.prefix(ExampleFeature.names.count)) == TaskFeatures.vector(of: squares.exampleTask).values)
        func own(_ terms: [Int]) -> [String] {
            let features = domain.features(of: IntegerSequence(name: "s", terms: terms))
            return SequenceFeature.names.filter { features[$0] == 1 }
        }
        #expect(own([0, 1, 4, 9, 16, 25]) == ["sequence.differences.second.constant", "sequence.increasing"])
        #expect(own([1, 4, 7, 10]) == ["sequence.differences.constant", "sequence.increasing"])
        #expect(own([1, 2, 4, 8, 16]) == ["sequence.ratios.constant", "sequence.increasing"])
        #expect(own([1, -1, 1, -1]) == ["sequence.ratios.constant", "sequence.alternating.sign", "sequence.differences.alternating", "sequence.periodic"])
        #expect(own([0, 1, 0, 1, 0, 1]) == ["sequence.differences.alternating", "sequence.periodic"])
        #expect(own([0, 1, 1, 2, 3, 5, 8]) == [])
    }

    @Test func aSequenceIsSolvedWithoutAGrammarAndItsAnswerIsStoredInTheSequenceForm() throws {
        let squares = IntegerSequence(name: "squares", terms: [0, 1, 4, 9, 16, 25])
        let report = domain.solve(squares, guidance: Guidance(grammar: nil), budget: Budget(timeout: .seconds(10), memoryLimit: 1 << 30, frontierSize: 3),
                                  board: nil)
        guard case .solved(let frontier) = report.outcome else {
            Issue.record("squares unsolved: \(report.reason ?? "")")
            return
        }
        #expect(frontier.first?.program.description == "(lambda (* $0 $0))")
        let record = domain.record(of: report, for: squares, style: RecordStyle(file: "powers.seq", labelled: false, bare: false))
        #expect(record.ending == .solved && record.text.hasPrefix("squares: solved (lambda (* $0 $0))  log prior -7.45, "))

        let grammar = domain.startingGrammar(for: [squares])
        let stored = domain.stored(frontier, for: squares)
        #expect(stored.allSatisfy { $0.form == "sequence-program/1" && $0.content == $0.program })
        #expect(try domain.answer(from: stored, for: squares, in: grammar, round: 0) == frontier)
        var foreign = stored
        foreign[0].form = "lambda-program/1"
        #expect(throws: AnswerReadError.self) { try domain.answer(from: foreign, for: squares, in: grammar, round: 0) }
        do throws(AnswerReadError) {
            _ = try domain.answer(from: foreign, for: squares, in: grammar, round: 0)
        } catch {
            #expect(error.message == "the program is stored in the form lambda-program/1, not sequence-program/1" && error.entry == 0)
        }
        #expect(throws: AnswerReadError.self) { try domain.upgraded(StoredAnswer(program: "(lambda $0)", logPrior: 0, logLikelihood: 0), for: squares) }
    }

    @Test func dreamsAreDistinctNonConstantSequencesOverTheTasksInputs() throws {
        let tasks = try IntegerSequence.readAll(TestSupport.text("Problems/sequences/train/polynomials.seq"))
        let grammar = domain.startingGrammar(for: tasks)
        let dreams = domain.dreams(over: tasks, grammar: grammar, count: 12, seed: 3)
        #expect(!dreams.isEmpty)
        var seen = Set<[Value]>()
        for dream in dreams {
            let outputs = dream.examples.map(\.output)
            #expect(dream.examples.map(\.inputs) == (0..<outputs.count).map { [Value.int($0)] })
            #expect(outputs.allSatisfy { $0.intValue != nil } && Set(outputs).count > 1)
            #expect(seen.insert(outputs).inserted)
            #expect(dream.features == TaskFeatures.vector(of: IntegerSequence(name: dream.name, terms: outputs.compactMap(\.intValue))))
            #expect(dream.choices != nil)
        }
        #expect(domain.dreams(over: tasks, grammar: grammar, count: 12, seed: 3).map(\.program) == dreams.map(\.program))
    }

    // MARK: Runs

    @Test func aRunOverSequencesSolvesLearnsAbstractionsAndTrainsAModel() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let items = try sequences("Problems/sequences/train/arithmetic.seq", .train) + sequences("Problems/sequences/train/polynomials.seq", .train)
            + sequences("Problems/sequences/test/arithmetic.seq", .test)
        var settings = BootstrapSettings(rounds: 1, timeout: 2, jobs: 2, seed: 1)
        settings.dreams = 30
        let store = try RunStore(path: directory.appendingPathComponent("run.sqlite").path)
        let run = try BootstrapRun(store: store, settings: settings, tasks: RunTasks(domain: domain, tasks: items),
                                   grammar: domain.startingGrammar(for: items.map(\.task)))
        nonisolated(unsafe) var summaries: [RoundSummary] = []
        try run.run { event in if case .finished(let summary) = event { summaries.append(summary) } }
        #expect(summaries.map(\.round) == [0, 1])
        #expect(summaries.allSatisfy { $0.trainTotal == 19 && $0.testTotal == 3 })

        // Round 0 solves the sequences of the smallest programs, whatever the machine's speed.
        let results = try store.results(round: 0)
        let solved = Set(try store.tasks().filter { results[$0.id]?.solved == true }.map(\.name))
        #expect(solved.isSuperset(of: ["naturals", "positive", "evens", "negatives", "one-minus-n", "squares"]))
        #expect(summaries[0].trainSolved == solved.subtracting(["two-more", "three-n-plus-two", "multiples-of-5"]).count)
        for frontier in try store.latestFrontiers(upTo: 0).values {
            #expect(frontier.allSatisfy { $0.form == SequenceDomain.answerForm })
        }

        // The sleep learned abstractions, which round 1 searched with, and a model that reads
        // the sequence features by name.
        let abstractions = try store.abstractions()
        #expect(!abstractions.isEmpty)
        let learned = try Grammar(parsing: try #require(try store.grammarText(round: 1)))
        #expect(Set(learned.abstractions.map(\.name)) == Set(abstractions.map(\.name)))
        #expect(summaries[1].librarySize == abstractions.count)
        let ranker = try Ranker(fileData: try #require(try store.rankerData(round: 1)))
        #expect(Set(ranker.featureNames).isSuperset(of: SequenceFeature.names))
    }

    @Test func sequencesAndJSONTasksShareOneRun() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var reader = RunTasks.Reader(domains: Domains.all)
        for (file, split) in [("Problems/lists/train/mapping.json", Split.train), ("Problems/sequences/train/arithmetic.seq", .train),
                              ("Problems/sequences/test/arithmetic.seq", .test)] {
            try reader.add(TestSupport.text(file), file: file, split: split)
        }
        let tasks = try reader.tasks()
        #expect(tasks.domains == ["lambda", "sequences"])
        #expect(tasks.count == 7 + 9 + 3)
        var settings = BootstrapSettings(rounds: 1, timeout: 2, jobs: 2, seed: 1)
        settings.dreams = 30
        let store = try RunStore(path: directory.appendingPathComponent("run.sqlite").path)
        let grammar = try #require(reader.startingGrammar())
        try BootstrapRun(store: store, settings: settings, tasks: tasks, grammar: grammar).run { _ in }
        #expect(try store.finishedRounds().map(\.round) == [0, 1])

        // Each domain's tasks are searched, and both solve some in round 0.
        let results = try store.results(round: 0)
        let stored = try store.tasks()
        #expect(stored.allSatisfy { results[$0.id] != nil })
        let solvedFiles = Set(stored.filter { results[$0.id]?.solved == true }.map(\.file))
        #expect(solvedFiles.isSuperset(of: ["Problems/lists/train/mapping.json", "Problems/sequences/train/arithmetic.seq"]))
        let frontiers = try store.latestFrontiers(upTo: 0)
        for task in stored {
            let form = task.file.hasSuffix(".seq") ? SequenceDomain.answerForm : LambdaDomain.answerForm
            #expect(frontiers[task.id, default: []].allSatisfy { $0.form == form })
        }

        // The model was trained on both domains' tasks: it reads the shared features and the
        // sequence domain's own.
        let ranker = try Ranker(fileData: try #require(try store.rankerData(round: 1)))
        #expect(Set(ranker.featureNames).isSuperset(of: ExampleFeature.names + SequenceFeature.names))
        #expect(try store.results(round: 1).count == tasks.count)
    }
}
