import Foundation
import GRDB

extension RunStore {
    /// Makes `destination` a new run store holding the run in `source` as it stood when round
    /// `round` began: its settings, tasks and starting grammar; rounds 0 … `round` − 1 with
    /// their results, solutions, events and journal; and round `round`'s state — the grammar
    /// with its library, the ranking model and the search configurations that round searches
    /// with — copied byte for byte. Resumed, the new run searches round `round` again from
    /// that state; `source` is only read.
    ///
    /// The copy is made under a temporary name beside `destination` and renamed when complete,
    /// so a failure leaves no half-made store. An existing `destination`, a `source` that is
    /// not a run store, and a round whose state `source` does not hold (the first round not yet
    /// begun, or later) are refused with a message naming the file.
    public static func branch(from source: String, round: Int, to destination: String) throws(RunStoreError) {
        if FileManager.default.fileExists(atPath: destination) {
            throw RunStoreError(file: destination, message: "already exists: choose another --run for the new run")
        }
        let original = try RunStore(path: source, access: .readOnly)
        let finished = try original.finishedRounds().count
        let begun = try original.grammarText(round: finished) != nil || finished == 0 ? finished : finished - 1
        guard round >= 0, round <= begun else {
            throw RunStoreError(file: source, message: "holds no round \(round) to branch from: its rounds go from 0 to \(begun)")
        }
        let folder = URL(fileURLWithPath: destination).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = (folder as NSString).appendingPathComponent(".\(URL(fileURLWithPath: destination).lastPathComponent).\(getpid()).partial")
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        do {
            let copy = try DatabaseQueue(path: temporary)
            try original.queue.backup(to: copy)
            try copy.write { db in
                for table in ["results", "solutions", "rounds", "events", "timings", "proposals"] where try db.tableExists(table) {
                    try db.execute(sql: "DELETE FROM \(table) WHERE round >= ?", arguments: [round])
                }
                for table in ["grammars", "rankers", "abstractions", "configurations"] where try db.tableExists(table) {
                    try db.execute(sql: "DELETE FROM \(table) WHERE round > ?", arguments: [round])
                }
                try db.execute(sql: "INSERT INTO events (time, round, message) VALUES (?, ?, ?)",
                               arguments: [Date().timeIntervalSince1970, round, "branched from \(source) at round \(round)"])
            }
            try copy.close()
        } catch {
            throw RunStoreError(file: destination, message: "cannot be made from \(source): \(error)")
        }
        do {
            try FileManager.default.moveItem(atPath: temporary, toPath: destination)
        } catch {
            throw RunStoreError(file: destination, message: "cannot be written: \(error.localizedDescription)")
        }
    }
}
