import Bootstrap
import Foundation
import Testing
import TestSupport

/// Run stores are read without being written, written by one run at a time, refused with a
/// message naming the store, table and row when damaged, and keep task names whole.
@Suite struct RunStoreSafetyTests {
    private static let runOptions = ["--timeout", "0.2", "--jobs", "1", "--no-ranker", "--abstractions", "0"]

    private func bootstrap(_ run: String, rounds: Int = 0, resume: Bool) throws -> TestSupport.Outcome {
        try TestSupport.ouro(["bootstrap", "--train", "Problems/lists/train/mapping.json", "--test", "Problems/lists/test/mapping.json",
                              "--rounds", "\(rounds)", "--run", run] + Self.runOptions + (resume ? ["--resume"] : []))
    }

    /// A finished run of `rounds` rounds over the mapping tasks, in `directory`.
    private func finishedRun(in directory: URL, rounds: Int = 0) throws -> String {
        let path = directory.appendingPathComponent("run.sqlite").path
        let outcome = try bootstrap(path, rounds: rounds, resume: false)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return path
    }

    private func sqlite(_ path: String, _ sql: String) throws {
        #expect(try TestSupport.sqlite(path, sql) == 0)
    }

    /// The last line a command printed on standard error (after its progress lines).
    private func lastLine(_ outcome: TestSupport.Outcome) -> String {
        String(outcome.standardError.split(separator: "\n").last ?? "")
    }

    /// The files of a folder, sorted.
    private func listing(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func readingCommandsRefuseFilesThatAreNotRunStoresAndLeaveThemUntouched() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        // Another application's SQLite file with no table yet.
        let foreign = directory.appendingPathComponent("foreign.sqlite").path
        try sqlite(foreign, "PRAGMA application_id = 42; PRAGMA user_version = 3;")
        let files = try listing(directory)
        let before = try [empty, foreign].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        for (file, message) in [(empty, "not a run store (an empty file)"),
                                (foreign, "not an Ouroboros run store (an SQLite database of something else)")] {
            for arguments in [["library", file], ["report", file, "-o", directory.appendingPathComponent("r.html").path], ["dream", file]] {
                let outcome = try TestSupport.ouro(arguments)
                #expect(outcome.status == 2, "\(arguments)")
                #expect(outcome.standardError == "\(file): \(message)\n", "\(arguments)")
            }
        }
        #expect(try [empty, foreign].map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
        #expect(try listing(directory) == files)  // no -journal, -wal or report left
    }

    @Test func aSecondRunOnAStoreInUseIsRefusedNamingTheProcess() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try finishedRun(in: directory)
        let holder = try FlockHolder(path: store)
        let outcome = try bootstrap(store, resume: true)
        holder.release()
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(store): the run store is in use by process \(holder.pid) (another `ouro bootstrap` working on this run); wait for it to finish, or stop it\n")
        #expect(try bootstrap(store, resume: true).status == 0)
    }

    @Test func wrongTypedValuesHugeRoundsAndMissingTablesAreRefusedByEveryCommand() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try finishedRun(in: directory)
        let pristine = try Data(contentsOf: URL(fileURLWithPath: store))
        let html = directory.appendingPathComponent("r.html").path
        let damages = [
            ("UPDATE rounds SET trainSolved = 'many';", "table rounds, row 0: trainSolved holds 'many', not a whole number from 0 on"),
            ("UPDATE rounds SET round = 9223372036854775807;",
             "table rounds, row 9223372036854775807: round 9223372036854775807 where round 0 was expected (rounds are finished in order from 0)"),
            ("DROP TABLE abstractions;", "table abstractions is missing"),
        ]
        for (sql, message) in damages {
            try pristine.write(to: URL(fileURLWithPath: store))
            try sqlite(store, sql)
            for arguments in [["library", store], ["report", store, "-o", html], ["dream", store], nil] {
                let outcome = try arguments.map { try TestSupport.ouro($0) } ?? bootstrap(store, resume: true)
                #expect(outcome.status == 2, "\(sql) \(arguments ?? ["bootstrap"])")
                #expect(outcome.standardError == "\(store): the run store is damaged: \(message)\n", "\(sql) \(arguments ?? ["bootstrap"])")
            }
        }
    }

    @Test func aStoredGrammarOrSolutionThatDoesNotReadIsRefusedNamingTableAndRow() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try finishedRun(in: directory, rounds: 1)
        let pristine = try Data(contentsOf: URL(fileURLWithPath: store))
        // Round 1 to be searched again, with a grammar that does not parse.
        try sqlite(store, "UPDATE grammars SET text = '(grammar' WHERE round = 1; DELETE FROM rounds WHERE round = 1; DELETE FROM results WHERE round = 1;")
        var outcome = try bootstrap(store, rounds: 1, resume: true)
        #expect(outcome.status == 2)
        #expect(lastLine(outcome).hasPrefix("\(store): the run store is damaged: table grammars, round 1: the grammar does not read: 1:"), "\(outcome.standardError)")
        outcome = try TestSupport.ouro(["library", store])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.hasPrefix("\(store): the run store is damaged: table grammars, round 1: the grammar does not read: 1:"), "\(outcome.standardError)")

        // Round 0's sleep to be done again, over a solution that does not parse.
        try pristine.write(to: URL(fileURLWithPath: store))
        try sqlite(store, "UPDATE solutions SET program = '(lambda (no-such-primitive $0))', content = '(lambda (no-such-primitive $0))'; DELETE FROM rounds; DELETE FROM results WHERE round = 1;")
        outcome = try bootstrap(store, rounds: 1, resume: true)
        #expect(outcome.status == 2)
        #expect(lastLine(outcome).hasPrefix("\(store): the run store is damaged: table solutions, row "), "\(outcome.standardError)")
        #expect(lastLine(outcome).contains(": the program does not read in round 0's grammar: "), "\(outcome.standardError)")
    }

    @Test func taskNamesKeepTheirNulCharactersAndPrintWithControlCharactersEscaped() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func task(_ name: String) -> String {
            #"{"name": "\#(name)", "request": "list(int) -> int", "examples": [{"inputs": [[4, 2]], "output": 2}, {"inputs": [[7]], "output": 1}]}"#
        }
        let train = directory.appendingPathComponent("train.json").path
        let test = directory.appendingPathComponent("test.json").path
        try "[\(task(#"a\u0000b"#)), \(task(#"a\u0000c"#))]".write(toFile: train, atomically: true, encoding: .utf8)
        try "[\(task(#"\u001b[31mred"#))]".write(toFile: test, atomically: true, encoding: .utf8)
        let store = directory.appendingPathComponent("names.sqlite").path
        let outcome = try TestSupport.ouro(["bootstrap", "--train", train, "--test", test, "--rounds", "0", "--run", store] + Self.runOptions)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try RunStore(path: store).tasks().map(\.name) == ["a\u{0}b", "a\u{0}c", "\u{1B}[31mred"])

        let solve = try TestSupport.ouro(["solve", train, test, "--grammar", "Grammars/lists.grammar", "--timeout", "5", "--jobs", "1"])
        #expect(solve.status == 0, "\(solve.standardError)")
        let names = solve.standardOutput.split(separator: "\n").map { $0.prefix { $0 != ":" } }
        #expect(names == ["a\\u0000b", "a\\u0000c", "\\u001B[31mred", "solved 3/3"])
    }
}

/// Another process (Python) holding a `flock` lock on a file until `release()`.
private final class FlockHolder {
    private let process = Process()
    private let input = Pipe()
    let pid: Int32

    init(path: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // It closes the descriptors it inherited (other tests' pipes), and gives up the lock
        // when its standard input closes (or after two minutes).
        process.arguments = ["python3", "-c", """
            import fcntl, os, select, sys
            os.closerange(3, 65536)
            f = open(sys.argv[1], "rb")
            fcntl.flock(f, fcntl.LOCK_EX)
            print("locked", flush=True)
            os.close(1)
            select.select([0], [], [], 120)
            """, path]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        pid = process.processIdentifier
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        guard line.hasPrefix("locked") else { throw CocoaError(.fileLocking) }
    }

    func release() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
