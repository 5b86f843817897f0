import Foundation
import Testing
import TestSupport

/// Run stores that cannot be used get one line naming the file and exit status 2.
@Suite struct RunStoreCommandTests {
    private func bootstrap(_ run: String, resume: Bool = true) throws -> TestSupport.Outcome {
        try TestSupport.ouro(["bootstrap", "--train", "Problems/lists/train/mapping.json", "--test", "Problems/lists/test/mapping.json",
                              "--rounds", "0", "--timeout", "0.2", "--jobs", "1", "--no-ranker", "--abstractions", "0", "--run", run]
                             + (resume ? ["--resume"] : []))
    }

    @Test func aStoreLockedByAnotherProcessIsRefusedAfterTheLockTimeout() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("locked.sqlite").path
        #expect(try bootstrap(path, resume: false).status == 0)
        // Held longer than ouro waits for a lock (5 s).
        let holder = try TestSupport.LockHolder(path: path, seconds: 7)
        let outcome = try bootstrap(path)
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(path): the run store is locked by another process (is another ouro using it?)\n")
        holder.wait()
        #expect(try bootstrap(path).status == 0)
    }

    @Test func filesThatAreNotRunStoresAreRefusedByEveryCommand() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = directory.appendingPathComponent("notes.sqlite").path
        try String(repeating: "not a database. ", count: 64).write(toFile: text, atomically: true, encoding: .utf8)
        let message = "\(text): not a run store (not an SQLite database)\n"
        var outcome = try bootstrap(text)
        #expect(outcome.status == 2)
        #expect(outcome.standardError == message)
        outcome = try TestSupport.ouro(["report", text, "-o", directory.appendingPathComponent("r.html").path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == message)

        // A real run store cut to a third: damaged, never read as if whole.
        let good = directory.appendingPathComponent("good.sqlite").path
        #expect(try bootstrap(good, resume: false).status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: good))
        let truncated = directory.appendingPathComponent("truncated.sqlite").path
        try data.prefix(data.count / 3).write(to: URL(fileURLWithPath: truncated))
        outcome = try bootstrap(truncated)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.hasPrefix("\(truncated): "))
        #expect(outcome.standardError.contains("damaged") || outcome.standardError.contains("not a run store"), "\(outcome.standardError)")
    }
}
