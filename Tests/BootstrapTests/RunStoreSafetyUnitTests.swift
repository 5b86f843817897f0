import Foundation
import Testing
import TestSupport
@testable import Bootstrap

/// The run store's text, lock and read-only access, and the output file writer, tested
/// in-process.
@Suite struct RunStoreSafetyUnitTests {
    @Test func textHoldingNulIsStoredWholeAndTasksDoNotMerge() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try RunStore(path: directory.appendingPathComponent("nul.sqlite").path)
        let tasks = try store.register([("f.json", "a\u{0}b", .train), ("f.json", "a\u{0}c", .train), ("f.json", "a", .test)])
        #expect(tasks.map(\.name) == ["a\u{0}b", "a\u{0}c", "a"])
        #expect(try store.register([("f.json", "a\u{0}b", .train)]).count == 3)
        try store.record(round: 0, StoredResult(task: tasks[0].id, solved: true, seconds: 1, candidates: 1, reason: nil, frontier: [
            StoredProgram(program: "(lambda \"x\u{0}y\")", logPrior: -1, logLikelihood: 0),
        ]))
        #expect(try store.results(round: 0)[tasks[0].id]?.frontier.map(\.program) == ["(lambda \"x\u{0}y\")"])
    }

    @Test func aSecondLockOnAStoreIsRefusedNamingTheHolderAndFreedWhenReleased() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.sqlite").path
        var first: RunStoreLock? = try RunStoreLock(path: path)
        #expect(throws: RunStoreError(file: path, message: "the run store is in use by process \(getpid()) (another `ouro bootstrap` working on this run); wait for it to finish, or stop it")) {
            try RunStoreLock(path: path)
        }
        withExtendedLifetime(first) {}
        first = nil
        _ = try RunStoreLock(path: path)
    }

    @Test func readOnlyAccessNeverCreatesOrChangesAFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.sqlite").path
        #expect(throws: RunStoreError(file: missing, message: "no such file")) { try RunStore(path: missing, access: .readOnly) }
        #expect(throws: RunStoreError(file: missing, message: "no such file")) { try RunStore(path: missing, access: .update) }
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(throws: RunStoreError(file: "/dev/null", message: "not a run store (a device, not a file)")) {
            try RunStore(path: "/dev/null", access: .readOnly)
        }
        let path = directory.appendingPathComponent("run.sqlite").path
        _ = try RunStore(path: path).register([("f.json", "t", .train)])
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try RunStore(path: path, access: .readOnly)
        #expect(try store.tasks().map(\.name) == ["t"])
        #expect(throws: RunStoreError(file: path, message: "is read-only")) { try store.log("x", round: nil) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["run.sqlite"])
    }

    @Test func theWriterRefusesDevicesAndKeepsAReplacedFilesPermissions() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: OutputFileError.notARegularFile("/dev/null", kind: "a device")) {
            try OutputFile.write(Data("x".utf8), to: "/dev/null")
        }
        #expect(throws: OutputFileError.notARegularFile(directory.path, kind: "a directory")) {
            try OutputFile.write(Data("x".utf8), to: directory.path)
        }
        let file = directory.appendingPathComponent("script.sh").path
        try "old".write(toFile: file, atomically: false, encoding: .utf8)
        #expect(chmod(file, 0o751) == 0)
        try OutputFile.write(Data("new".utf8), to: file)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new")
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o751)
        let loop = directory.appendingPathComponent("loop").path
        #expect(symlink(loop, loop) == 0)
        #expect(throws: OutputFileError.symbolicLinkLoop(loop)) { try OutputFile.write(Data("x".utf8), to: loop) }
        let missingFolder = directory.appendingPathComponent("no/such/folder/file").path
        #expect(throws: OutputFileError.self) { try OutputFile.write(Data("x".utf8), to: missingFolder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["loop", "script.sh"])
    }
}
