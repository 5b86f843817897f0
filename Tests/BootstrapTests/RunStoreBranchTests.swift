import Domains
import Foundation
import GRDB
import Grammar
import Testing
import TestSupport
@testable import Bootstrap

/// A run branched from round K holds round K's state byte for byte, leaves the run it came
/// from untouched, and resumes by searching round K again.
@Suite struct RunStoreBranchTests {
    /// A finished two-round run (rounds 0 and 1) over the mapping tasks, `guarded` or not.
    static func finishedRun(in directory: URL, guarded: Bool = false) throws -> (path: String, run: () throws -> BootstrapRun) {
        let (grammar, _, _, tasks) = try BootstrapRunTests.mappingTasks()
        var settings = BootstrapSettings(rounds: 1, timeout: 0.5, jobs: 2, seed: 1)
        settings.dreams = 20
        if guarded {
            settings.guarding = GuardSettings()
            settings.ceilings = Ceilings()
        }
        let path = directory.appendingPathComponent("run.sqlite").path
        try BootstrapRun(store: try RunStore(path: path), settings: settings, tasks: tasks, grammar: grammar).run { _ in }
        return (path, { try BootstrapRun(store: try RunStore(path: directory.appendingPathComponent("branch.sqlite").path, access: .update),
                                         settings: settings, tasks: tasks, grammar: grammar) })
    }

    /// The rows of `sql` in the store at `path`, each as its columns' database values.
    static func rows(_ path: String, _ sql: String) throws -> [[DatabaseValue]] {
        try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }()).read { db in
            try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { $0 } }
        }
    }

    @Test func aBranchHoldsRoundKsStateAndResumesFromIt() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, resumed) = try Self.finishedRun(in: directory, guarded: true)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let branch = directory.appendingPathComponent("branch.sqlite").path
        try RunStore.branch(from: path, round: 1, to: branch)

        // Round 1's grammar (with its library), model, abstractions and search configurations,
        // the settings, the tasks and round 0's journal: the same bytes.
        #expect(try !Self.rows(path, "SELECT * FROM proposals WHERE round = 0").isEmpty)
        for sql in ["SELECT round, text FROM grammars ORDER BY round", "SELECT round, data FROM rankers ORDER BY round",
                    "SELECT * FROM configurations ORDER BY round, domain", "SELECT * FROM proposals ORDER BY id",
                    "SELECT * FROM abstractions ORDER BY name", "SELECT * FROM settings ORDER BY key", "SELECT * FROM tasks ORDER BY id",
                    "SELECT * FROM results WHERE round < 1 ORDER BY task", "SELECT * FROM solutions WHERE round < 1 ORDER BY id",
                    "SELECT * FROM rounds WHERE round < 1"] {
            #expect(try Self.rows(branch, sql) == Self.rows(path, sql), "\(sql)")
        }
        #expect(try !Self.rows(branch, "SELECT round FROM grammars WHERE round = 1").isEmpty)
        // Nothing of round 1's search is left; the branch says where it came from.
        #expect(try Self.rows(branch, "SELECT * FROM results WHERE round >= 1").isEmpty)
        #expect(try Self.rows(branch, "SELECT * FROM solutions WHERE round >= 1").isEmpty)
        #expect(try Self.rows(branch, "SELECT message FROM events WHERE round >= 1") == [["branched from \(path) at round 1".databaseValue]])
        // The run branched from is only read.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        // Resumed, the branch searches round 1 again with round 1's grammar and model.
        let run = try resumed()
        #expect(try run.grammar(for: 1).fileText == RunStore(path: path, access: .readOnly).grammarText(round: 1))
        nonisolated(unsafe) var rounds: [Int] = []
        try run.run { event in if case .finished(let summary) = event { rounds.append(summary.round) } }
        #expect(rounds == [1])
        #expect(try RunStore(path: branch, access: .readOnly).finishedRounds().map(\.round) == [0, 1])
        #expect(try Self.rows(branch, "SELECT text FROM grammars WHERE round = 1") == Self.rows(path, "SELECT text FROM grammars WHERE round = 1"))
    }

    @Test func aBranchNeverOverwritesAFileOrInventsARound() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (path, _) = try Self.finishedRun(in: directory)
        let existing = directory.appendingPathComponent("existing.sqlite").path
        try Data("keep".utf8).write(to: URL(fileURLWithPath: existing))
        #expect(throws: RunStoreError(file: existing, message: "already exists: choose another --run for the new run")) {
            try RunStore.branch(from: path, round: 0, to: existing)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == Data("keep".utf8))
        // A finished run of rounds 0 and 1 has no round 2 begun.
        let branch = directory.appendingPathComponent("late.sqlite").path
        #expect(throws: RunStoreError(file: path, message: "holds no round 2 to branch from: its rounds go from 0 to 1")) {
            try RunStore.branch(from: path, round: 2, to: branch)
        }
        #expect(!FileManager.default.fileExists(atPath: branch))
        // Nothing is left behind in the folder but the files it had.
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix("run.sqlite") }
        #expect(names == ["existing.sqlite"])
    }
}
