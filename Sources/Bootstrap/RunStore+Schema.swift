import Foundation
import GRDB

extension RunStore {
    /// The tables of a run store and the columns the code reads, as migration v1 creates them.
    static let tableColumns: [(table: String, columns: [String])] = [
        ("settings", ["key", "value"]),
        ("tasks", ["id", "file", "name", "split"]),
        ("results", ["round", "task", "solved", "seconds", "candidates", "reason"]),
        ("solutions", ["id", "round", "task", "rank", "program", "logPrior", "logLikelihood", "seconds", "candidates"]),
        ("rounds", ["round", "trainSolved", "trainTotal", "testSolved", "testTotal", "newAbstractions", "librarySize", "seconds",
                    "medianCandidatesTest"]),
        ("grammars", ["round", "text"]),
        ("rankers", ["round", "data"]),
        ("abstractions", ["name", "round", "body", "pattern", "type", "arity", "uses", "utility"]),
        ("events", ["id", "time", "round", "message"]),
    ]

    /// Refuses, before SQLite sees it, a path that is not a regular file (a FIFO would block,
    /// a device would be written to), and for `.update` and `.readOnly` a file that is not
    /// already a run store (by its header: an empty file, another format, another
    /// application's SQLite database).
    static func checkFile(_ path: String, access: Access) throws(RunStoreError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT {
                if access == .create { return }
                throw RunStoreError(file: path, message: "no such file")
            }
            throw RunStoreError(file: path, message: "cannot be opened: \(String(cString: strerror(errno)))")
        }
        if let kind = OutputFile.kind(of: info.st_mode) {
            throw RunStoreError(file: path, message: "not a run store (\(kind), not a file)")
        }
        if access == .create { return }
        guard info.st_size > 0 else { throw RunStoreError(file: path, message: "not a run store (an empty file)") }
        guard let header = SQLiteHeader(path: path) else {
            throw RunStoreError(file: path, message: "cannot be read: \(String(cString: strerror(errno)))")
        }
        guard header.isSQLite else { throw RunStoreError(file: path, message: "not a run store (not an SQLite database)") }
        guard header.applicationID == applicationID else {
            throw RunStoreError(file: path, message: "not an Ouroboros run store (an SQLite database of something else)")
        }
    }

    /// Makes a new or empty file a run store and brings an existing one up to this schema.
    static func prepare(_ queue: DatabaseQueue, file: String) throws {
        try queue.write { db in
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if id == 0 && tables == 0 {
                try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            } else if id != applicationID {
                throw RunStoreError(file: file, message: "not an Ouroboros run store (an SQLite database of something else)")
            }
        }
        try queue.read { db in try checkMigrations(db, file: file, allowNone: true) }
        try migrator.migrate(queue)
    }

    /// Brings a run store of an older schema up to this one (a store from a newer schema, or
    /// without its first migration, is refused).
    static func upgrade(_ queue: DatabaseQueue, file: String) throws {
        try queue.read { db in try checkMigrations(db, file: file, allowNone: false) }
        try migrator.migrate(queue)
    }

    /// Refuses a store from a newer schema, or (unless `allowNone`, a store about to be
    /// created) one without the migrations table.
    private static func checkMigrations(_ db: Database, file: String, allowNone: Bool) throws {
        guard try db.tableExists("grdb_migrations") else {
            if allowNone { return }
            throw RunStoreError(file: file, message: "the run store is damaged: table grdb_migrations is missing")
        }
        var applied: [String] = []
        for (index, value) in try DatabaseValue.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").enumerated() {
            guard let identifier = try? StoredValue.text(value) else {
                throw RunStoreError(file: file, message: "the run store is damaged: table grdb_migrations, row \(index + 1): identifier holds \(StoredValue.describe(value))")
            }
            applied.append(identifier)
        }
        if !Set(applied).isSubset(of: Set(migrations)) {
            throw RunStoreError(file: file, message: "written by a newer Ouroboros (schema \(applied.sorted().joined(separator: ", "))); this ouro knows \(migrations.joined(separator: ", "))")
        }
        if !allowNone && !applied.contains(migrations[0]) {
            throw RunStoreError(file: file, message: "the run store is damaged: its schema was never created (migration \(migrations[0]) is not recorded)")
        }
    }

    /// Refuses a store from a newer schema or missing a table or column this code reads.
    static func checkSchema(_ queue: DatabaseQueue, file: String) throws {
        try queue.read { db in
            try checkMigrations(db, file: file, allowNone: false)
            for (table, columns) in tableColumns {
                let present = Set(try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").compactMap { try? StoredValue.text($0["name"] ?? DatabaseValue.null) })
                if present.isEmpty {
                    throw RunStoreError(file: file, message: "the run store is damaged: table \(table) is missing")
                }
                if let missing = columns.first(where: { !present.contains($0) }) {
                    throw RunStoreError(file: file, message: "the run store is damaged: table \(table) has no column \(missing)")
                }
            }
        }
    }

    /// The schema's migrations.
    static var migrator: DatabaseMigrator {
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
        // v2: each solution also in its domain's structured form (`form` names it and its
        // version); rows from v1 have none until a run that knows their tasks upgrades them.
        migrator.registerMigration("v2") { db in
            try db.alter(table: "solutions") { t in
                t.add(column: "form", .text)
                t.add(column: "content", .text)
            }
        }
        // v3: each task's domain; where time went, by round, part and (for a wake's parts)
        // task: what the loop measures of itself; and each domain's search configuration, by
        // the round from which it holds. Stores from before have no rows (their rounds searched with the
        // defaults).
        migrator.registerMigration("v3") { db in
            try db.alter(table: "tasks") { t in t.add(column: "domain", .text) }
            try db.create(table: "configurations") { t in
                t.column("round", .integer).notNull()
                t.column("domain", .text).notNull()
                t.column("text", .text).notNull()
                t.primaryKey(["round", "domain"])
            }
            try db.create(table: "timings") { t in
                t.column("round", .integer).notNull()
                t.column("task", .integer).references("tasks")
                t.column("part", .text).notNull()
                t.column("seconds", .double).notNull()
            }
        }
        // v4: the journal (each proposal a sleep made, its evidence and the decision, as JSON),
        // and each round's validation figures and median test seconds. Stores from before have
        // no journal and no validation tasks.
        migrator.registerMigration("v4") { db in
            try db.create(table: "proposals") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("round", .integer).notNull()
                t.column("entry", .text).notNull()
            }
            try db.alter(table: "rounds") { t in
                t.add(column: "validationSolved", .integer)
                t.add(column: "validationTotal", .integer)
                t.add(column: "medianSecondsTest", .double)
            }
        }
        // v5: the most programs each search's bank held (searches that keep none, and stores
        // from before, have none), and whether a solved task's answer came from the second search.
        migrator.registerMigration("v5") { db in
            try db.alter(table: "results") { t in
                t.add(column: "bank", .integer)
                t.add(column: "foundByFallback", .boolean)
            }
        }
        return migrator
    }
}
