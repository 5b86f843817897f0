import Foundation
import GRDB

/// A problem with a run store file: unreadable, not a run store, from a newer Ouroboros, or a
/// failed write. The message names the file.
public struct RunStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}

/// One SQLite file per bootstrap run (GRDB): settings, tasks, each round's results and
/// solutions, learned abstractions, each round's grammar and ranking model, and events.
///
/// Every write is one transaction, so a run killed at any moment (`kill -9` included) leaves
/// the file holding everything written before it, and `--resume` continues from there. The
/// schema is versioned by GRDB migrations; a file from a newer schema, or a SQLite file that
/// is not a run store, is refused with a message.
public final class RunStore: Sendable {
    /// SQLite's `application_id` of an Ouroboros run store ("OURO").
    static let applicationID: Int32 = 0x4F55_524F
    static let migrations = ["v1"]

    public let path: String
    let queue: DatabaseQueue

    /// How long a read or write waits for another process's lock on the file, in seconds,
    /// before it fails with "locked by another process".
    public static let defaultLockTimeout: TimeInterval = 5

    /// Opens the run store at `path`, creating it (and its folder) when it does not exist.
    /// A store another process holds locked for longer than `lockTimeout` seconds is refused.
    public init(path: String, lockTimeout: TimeInterval = defaultLockTimeout) throws(RunStoreError) {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(lockTimeout)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.prepare(queue, file: path)
        } catch let error as RunStoreError {
            throw error
        } catch let error as DatabaseError {
            throw RunStoreError(file: path, message: Self.describe(error))
        } catch {
            throw RunStoreError(file: path, message: "cannot be opened as a run store: \(error)")
        }
    }

    private static func describe(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_NOTADB: return "not a run store (not an SQLite database)"
        case .SQLITE_CORRUPT: return "the run store is damaged (truncated or corrupt): \(error.message ?? "")"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "the run store is locked by another process (is another ouro using it?)"
        case .SQLITE_FULL: return "the disk is full; the write failed and was rolled back, and nothing already committed is lost"
        case .SQLITE_IOERR: return "a disk input/output error; the write failed and was rolled back: \(error.message ?? "")"
        case .SQLITE_CANTOPEN: return "cannot be opened (check the folder and permissions)"
        case .SQLITE_READONLY: return "is read-only"
        default: return "SQLite error: \(error.message ?? "\(error.resultCode)")"
        }
    }

    private static func prepare(_ queue: DatabaseQueue, file: String) throws {
        try queue.write { db in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if id == 0 && tables == 0 {
                try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            } else if id != applicationID {
                throw RunStoreError(file: file, message: "not an Ouroboros run store (an SQLite database of something else)")
            }
        }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "settings") { t in
                t.column("key", .text).primaryKey()
                t.column("value", .text).notNull()
            }
            try db.create(table: "tasks") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("file", .text).notNull()
                t.column("name", .text).notNull()
                t.column("split", .text).notNull()
                t.uniqueKey(["file", "name"])
            }
            try db.create(table: "results") { t in
                t.column("round", .integer).notNull()
                t.column("task", .integer).notNull().references("tasks")
                t.column("solved", .boolean).notNull()
                t.column("seconds", .double).notNull()
                t.column("candidates", .integer).notNull()
                t.column("reason", .text)
                t.primaryKey(["round", "task"])
            }
            try db.create(table: "solutions") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("round", .integer).notNull()
                t.column("task", .integer).notNull().references("tasks")
                t.column("rank", .integer).notNull()
                t.column("program", .text).notNull()
                t.column("logPrior", .double).notNull()
                t.column("logLikelihood", .double).notNull()
                t.column("seconds", .double).notNull()
                t.column("candidates", .integer).notNull()
            }
            try db.create(table: "rounds") { t in
                t.column("round", .integer).primaryKey()
                t.column("trainSolved", .integer).notNull()
                t.column("trainTotal", .integer).notNull()
                t.column("testSolved", .integer).notNull()
                t.column("testTotal", .integer).notNull()
                t.column("newAbstractions", .integer).notNull()
                t.column("librarySize", .integer).notNull()
                t.column("seconds", .double).notNull()
                t.column("medianCandidatesTest", .double)
            }
            try db.create(table: "grammars") { t in
                t.column("round", .integer).primaryKey()
                t.column("text", .text).notNull()
            }
            try db.create(table: "rankers") { t in
                t.column("round", .integer).primaryKey()
                t.column("data", .blob).notNull()
            }
            try db.create(table: "abstractions") { t in
                t.column("name", .text).primaryKey()
                t.column("round", .integer).notNull()
                t.column("body", .text).notNull()
                t.column("pattern", .text).notNull()
                t.column("type", .text).notNull()
                t.column("arity", .integer).notNull()
                t.column("uses", .integer).notNull()
                t.column("utility", .integer).notNull()
            }
            try db.create(table: "events") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("time", .double).notNull()
                t.column("round", .integer)
                t.column("message", .text).notNull()
            }
        }
        let applied = try queue.read { db in try migrator.appliedIdentifiers(db) }
        if !applied.isSubset(of: Set(migrations)) {
            throw RunStoreError(file: file, message: "written by a newer Ouroboros (schema \(applied.sorted().joined(separator: ", "))); this ouro knows \(migrations.joined(separator: ", "))")
        }
        try migrator.migrate(queue)
    }

    /// Runs `body` in one write transaction, mapping failures to `RunStoreError`.
    func write<T>(_ body: (Database) throws -> T) throws(RunStoreError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw storeError(error)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(RunStoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw storeError(error)
        }
    }

    private func storeError(_ error: any Error) -> RunStoreError {
        switch error {
        case let error as DatabaseError: return RunStoreError(file: path, message: Self.describe(error))
        case let error as RunStoreError: return error
        default: return RunStoreError(file: path, message: "\(error)")
        }
    }
}
