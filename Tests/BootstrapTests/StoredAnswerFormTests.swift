import Domain
import Domains
import Foundation
import GRDB
import Grammar
import Tasks
import Testing
import TestSupport
@testable import Bootstrap

/// Answers are kept in their domain's structured, versioned form, and a store from before
/// structured forms is upgraded when a run opens it.
@Suite struct StoredAnswerFormTests {
    private let files = [
        ("Problems/strings/train/first-name.sl", Split.train), ("Problems/strings/train/email-domain.sl", .train),
        ("Problems/strings/test/email-user.sl", .test),
    ]

    private func run(_ path: String, rounds: Int) throws -> (BootstrapRun, [String: SyGuSTask]) {
        var sygus: [(file: String, task: SyGuSTask, split: Split)] = []
        for (file, split) in files {
            let source = try TestSupport.text(file)
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            sygus.append((file, SyGuSTask(name: name, problem: try SyGuSProblem(parsing: source), source: source), split))
        }
        var settings = BootstrapSettings(rounds: rounds, timeout: 10, jobs: 2, seed: 1)
        settings.dreams = 20
        let store = try RunStore(path: path, access: FileManager.default.fileExists(atPath: path) ? .update : .create)
        let run = try BootstrapRun(store: store, settings: settings, tasks: RunTasks(domain: SyGuSDomain(), tasks: sygus),
                                   grammar: SyGuSDomain().startingGrammar(for: sygus.map(\.task)))
        return (run, Dictionary(uniqueKeysWithValues: sygus.map { ($0.file, $0.task) }))
    }

    @Test func sygusAnswersAreStoredInTheirStructuredFormAndReadBack() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (run, tasks) = try run(directory.appendingPathComponent("run.sqlite").path, rounds: 0)
        try run.run { _ in }
        let stored = try run.store.tasks()
        var solved = 0
        for (id, result) in try run.store.latestFrontiers(upTo: 0) {
            let file = try #require(stored.first { $0.id == id }).file
            let task = try #require(tasks[file])
            let entry = try #require(result.first)
            #expect(entry.form == "sygus-answer/1")
            let bodies = try task.problem.answer(decoding: try #require(entry.content))
            #expect(bodies == (try SyGuSProblem.answerBodies(entry.program, source: task.source)))
            solved += 1
        }
        #expect(solved == 3)
    }

    /// A store written before structured forms (schema v1: answers as text alone) is migrated
    /// when opened for a run and its answers upgraded; the sleep then learns exactly what it
    /// learns from answers stored in the structured form.
    @Test func aStoreFromBeforeStructuredFormsIsUpgradedAndLearnsTheSame() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.sqlite").path
        try run(path, rounds: 0).0.run { _ in }
        let legacy = directory.appendingPathComponent("legacy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: legacy)
        #expect(try TestSupport.sqlite(legacy, """
            ALTER TABLE solutions DROP COLUMN form; ALTER TABLE solutions DROP COLUMN content;
            DELETE FROM grdb_migrations WHERE identifier = 'v2';
            """) == 0)

        // Both runs extended by one round: the sleep of round 0 runs over the stored answers.
        let (fresh, _) = try run(path, rounds: 1)
        let (upgraded, _) = try run(legacy, rounds: 1)
        let forms = try DatabaseQueue(path: legacy).read { db in try String?.fetchAll(db, sql: "SELECT form FROM solutions") }
        #expect(!forms.isEmpty && forms.allSatisfy { $0 == "sygus-answer/1" })
        try fresh.run { _ in }
        try upgraded.run { _ in }
        #expect(try upgraded.store.grammarText(round: 1) == fresh.store.grammarText(round: 1))
        #expect(try upgraded.store.rankerData(round: 1) == fresh.store.rankerData(round: 1))
    }

    /// An answer of an old store that does not read is a damaged store, naming the row.
    @Test func aLegacyAnswerThatDoesNotReadIsRefusedNamingTheRow() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.sqlite").path
        try run(path, rounds: 0).0.run { _ in }
        #expect(try TestSupport.sqlite(path, "UPDATE solutions SET form = NULL, content = NULL, program = '(define-fun f ((x Int)) Int x)'") == 0)
        #expect {
            try run(path, rounds: 1)
        } throws: { error in
            let text = "\(error)"
            return text.contains("the run store is damaged: table solutions, row ") && text.contains("does not read as an answer to")
        }
    }
}
