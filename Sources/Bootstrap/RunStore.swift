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
/// schema is versioned by GRDB migrations; a file from a newer schema, a SQLite file that is
/// not a run store, or a run store missing a table or column is refused with a message.
/// Opened `.readOnly`, the file is never written: SQLite opens it read-only, and nothing that
/// is not already a run store is touched.
public final class RunStore: Sendable {
    /// SQLite's `application_id` of an Ouroboros run store ("OURO").
    static let applicationID: Int32 = 0x4F55_524F
    static let migrations = ["v1", "v2", "v3", "v4", "v5"]

    /// How a run store is opened.
    public enum Access: Sendable {
        /// Read and write, creating the store (and its folder) when the file does not exist or
        /// is empty: a new run.
        case create
        /// Read and write a file that is already a run store (`--resume`).
        case update
        /// Read only; the file is never written (`library`, `report`, `dream`).
        case readOnly
    }

    public let path: String
    public let access: Access
    let queue: DatabaseQueue

    /// How long a read or write waits for another process's lock on the file, in seconds,
    /// before it fails with "locked by another process".
    public static let defaultLockTimeout: TimeInterval = 5

    /// Opens the run store at `path` as `access` allows. A store another process holds locked
    /// for longer than `lockTimeout` seconds is refused.
    public init(path: String, access: Access = .create, lockTimeout: TimeInterval = defaultLockTimeout) throws(RunStoreError) {
        self.path = path
        self.access = access
        if access == .create {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        try Self.checkFile(path, access: access)
        var configuration = Configuration()
        configuration.busyMode = .timeout(lockTimeout)
        configuration.readonly = access == .readOnly
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            switch access {
            case .create: try Self.prepare(queue, file: path)
            case .update: try Self.upgrade(queue, file: path)
            case .readOnly: break
            }
            try Self.checkSchema(queue, file: path)
        } catch let error as RunStoreError {
            throw error
        } catch let error as DatabaseError {
            throw RunStoreError(file: path, message: Self.describe(error))
        } catch {
            throw RunStoreError(file: path, message: "cannot be opened as a run store: \(error)")
        }
    }

    /// Whether the file at `path` begins with the header of an SQLite database whose
    /// `application_id` is a run store's (read without SQLite; false for anything unreadable).
    public static func hasRunStoreHeader(atPath path: String) -> Bool {
        guard let header = SQLiteHeader(path: path) else { return false }
        return header.isSQLite && header.applicationID == applicationID
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
