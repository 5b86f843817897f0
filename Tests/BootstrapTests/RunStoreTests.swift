import Foundation
import GRDB
import Testing
import TestSupport
@testable import Bootstrap

@Suite struct RunStoreTests {
    @Test func recordsRoundTripAndSurviveReopening() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("runs/a.sqlite").path
        do {
            let store = try RunStore(path: path)
            try store.saveSettings(["settings": "{}"])
            let tasks = try store.register([("f.json", "sum", .train), ("f.json", "max", .test)])
            #expect(tasks.map(\.name) == ["sum", "max"])
            try store.record(round: 0, StoredResult(task: tasks[0].id, solved: true, seconds: 0.5, candidates: 12, reason: nil, frontier: [
                StoredProgram(program: "(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))", logPrior: -9.5, logLikelihood: 0),
            ]))
            try store.record(round: 0, StoredResult(task: tasks[1].id, solved: false, seconds: 1, candidates: 99, reason: "timeout", frontier: []))
            let summary = RoundSummary(round: 0, trainSolved: 1, trainTotal: 1, testSolved: 0, testTotal: 1, newAbstractions: 0,
                                       librarySize: 0, seconds: 1.5, medianCandidatesTest: nil)
            try store.finish(summary, nextGrammar: "(grammar g)\n", nextRanker: Data([1, 2, 3]), abstractions: [])
        }
        let store = try RunStore(path: path)
        #expect(try store.settings() == ["settings": "{}"])
        let results = try store.results(round: 0)
        #expect(results.count == 2)
        #expect(results.values.first { $0.solved }?.frontier.first?.program == "(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))")
        #expect(try store.finishedRounds().map(\.round) == [0])
        #expect(try store.grammarText(round: 1) == "(grammar g)\n")
        #expect(try store.rankerData(round: 1) == Data([1, 2, 3]))
        #expect(try store.latestFrontiers(upTo: 0).count == 1)
    }

    @Test func foreignTruncatedAndNewerFilesAreRefusedWithAMessage() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }

        let text = directory.appendingPathComponent("notes.sqlite").path
        try "just some text, long enough to look like a file header........................................".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: RunStoreError(file: text, message: "not a run store (not an SQLite database)")) { try RunStore(path: text) }

        // A real run store cut short.
        let good = directory.appendingPathComponent("good.sqlite").path
        do {
            let store = try RunStore(path: good)
            try store.saveSettings(["settings": String(repeating: "x", count: 20_000)])
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: good))
        let truncated = directory.appendingPathComponent("truncated.sqlite").path
        try data.prefix(data.count / 3).write(to: URL(fileURLWithPath: truncated))
        do {
            let store = try RunStore(path: truncated)
            _ = try store.settings()
            Issue.record("a truncated run store was read")
        } catch {
            #expect(error.file == truncated)
            #expect(error.message.contains("damaged") || error.message.contains("not a run store"))
        }

        // Another application's SQLite database.
        let other = directory.appendingPathComponent("other.sqlite").path
        try TestSupport.sqlite(other, "CREATE TABLE photos (id INTEGER); PRAGMA application_id = 42;")
        #expect(throws: RunStoreError(file: other, message: "not an Ouroboros run store (an SQLite database of something else)")) {
            try RunStore(path: other)
        }

        // A run store from a newer schema.
        try TestSupport.sqlite(good, "INSERT INTO grdb_migrations (identifier) VALUES ('v99');")
        #expect(throws: RunStoreError(file: good, message: "written by a newer Ouroboros (schema v1, v2, v3, v4, v5, v99); this ouro knows v1, v2, v3, v4, v5")) {
            try RunStore(path: good)
        }
    }

    @Test func aStoreLockedByAnotherProcessIsRefusedWithAMessage() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("locked.sqlite").path
        do {
            let store = try RunStore(path: path)
            try store.saveSettings(["settings": "{}"])
        }
        let holder = try TestSupport.LockHolder(path: path, seconds: 1)
        #expect(throws: RunStoreError(file: path, message: "the run store is locked by another process (is another ouro using it?)")) {
            let store = try RunStore(path: path, lockTimeout: 0.2)
            _ = try store.settings()
        }
        holder.wait()
        #expect(try RunStore(path: path).settings() == ["settings": "{}"])
    }

    @Test func aFullDiskLosesNothingCommittedAndTheStoreTakesWritesAgainOnceThereIsRoom() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("full.sqlite").path
        let store = try RunStore(path: path)
        let tasks = try store.register([("f.json", "sum", .train), ("f.json", "max", .test)])
        let first = StoredResult(task: tasks[0].id, solved: true, seconds: 0.5, candidates: 12, reason: nil, frontier: [
            StoredProgram(program: "(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))", logPrior: -9.5, logLikelihood: 0),
        ])
        try store.record(round: 0, first)
        // SQLite's page limit makes the file unable to grow, as a full disk does (SQLITE_FULL).
        try store.queue.inDatabase { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        let large = StoredResult(task: tasks[1].id, solved: true, seconds: 1, candidates: 99, reason: nil, frontier: (0..<20).map {
            StoredProgram(program: "(lambda \($0) " + String(repeating: "(cdr ", count: 2_000) + "$0" + String(repeating: ")", count: 2_001),
                          logPrior: -Double($0), logLikelihood: 0)
        })
        #expect(throws: RunStoreError(file: path, message: "the disk is full; the write failed and was rolled back, and nothing already committed is lost")) {
            try store.record(round: 0, large)
        }
        // The failed transaction left nothing behind, and what was committed before is intact.
        let results = try store.results(round: 0)
        #expect(results.keys.sorted() == [tasks[0].id])
        #expect(results[tasks[0].id]?.frontier == first.frontier)
        #expect(try store.tasks().map(\.name) == ["sum", "max"])

        // With room again (a new connection has no page limit) the same write goes through.
        let reopened = try RunStore(path: path)
        try reopened.record(round: 0, large)
        #expect(try reopened.results(round: 0)[tasks[1].id]?.frontier.count == 20)
        #expect(try reopened.results(round: 0)[tasks[0].id]?.frontier == first.frontier)
    }
}
