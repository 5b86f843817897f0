import Foundation
import GRDB

extension RunStore {
    /// The journal: every proposal the run's sleeps made, in order (empty for a store from
    /// before the journal).
    public func journal() throws(RunStoreError) -> [JournalEntry] {
        try read { db in
            guard try db.tableExists("proposals") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT rowid AS storedRow, round, entry FROM proposals ORDER BY id").map { row in
                let stored = value(row, table: "proposals")
                let text = try stored.text("entry")
                guard let entry = try? JSONDecoder().decode(JournalEntry.self, from: Data(text.utf8)) else {
                    throw damaged("table proposals, \(stored.label): the entry does not read")
                }
                return entry
            }
        }
    }

    /// Writes a sleep's journal entries in place of any it wrote before (a sleep run again
    /// after an interruption judges its proposals again).
    func writeJournal(_ entries: [JournalEntry], round: Int, in db: Database) throws {
        try db.execute(sql: "DELETE FROM proposals WHERE round = ?", arguments: [round])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for entry in entries {
            try db.execute(sql: "INSERT INTO proposals (round, entry) VALUES (?, ?)",
                           arguments: [round, StoredValue.binding(String(decoding: try encoder.encode(entry), as: UTF8.self))])
        }
    }
}
