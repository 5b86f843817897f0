import Foundation
import GRDB

/// Reads and writes the values of a run store's rows without trusting them: a value of the
/// wrong type, out of range or missing is a `RunStoreError` naming the store, table, row and
/// column, never a crash (GRDB's `row["x"] as Int` stops the process on a text value).
///
/// Text is stored as SQLite text, except text holding U+0000, which SQLite's C strings would
/// cut: it is stored as a blob of its UTF-8 bytes, and read back whole.
struct StoredValue {
    let file: String
    let table: String
    let row: Row
    /// The row's identification in messages, such as "row 3" or "round 2".
    let label: String

    init(_ row: Row, table: String, label: String, file: String) {
        self.row = row
        self.table = table
        self.label = label
        self.file = file
    }

    /// The value to bind for `text`: itself, or its UTF-8 bytes when it holds U+0000.
    static func binding(_ text: String) -> DatabaseValue {
        text.utf8.contains(0) ? Data(text.utf8).databaseValue : text.databaseValue
    }

    /// `binding(_:)` of an optional text.
    static func binding(_ text: String?) -> DatabaseValue {
        text.map { binding($0) } ?? .null
    }

    /// Text stored as text, or as a blob of valid UTF-8.
    static func text(_ value: DatabaseValue) throws -> String {
        switch value.storage {
        case .string(let text): return text
        case .blob(let data):
            guard let text = String(validating: data, as: UTF8.self) else { throw Mismatch() }
            return text
        default: throw Mismatch()
        }
    }

    /// A stored value in words, for messages: `'abc'`, `12`, `NULL`, `a blob of 3 bytes`.
    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let n): return "\(n)"
        case .double(let d): return "\(d)"
        case .string(let s): return "'" + (s.count > 40 ? s.prefix(40) + "…" : s) + "'"
        case .blob(let data): return "a blob of \(data.count) bytes"
        }
    }

    private struct Mismatch: Error {}

    private func value(_ column: String) -> DatabaseValue {
        (row[column] as DatabaseValue?) ?? .null
    }

    /// The error for a `column` that does not hold what was `expected`.
    func mismatch(_ column: String, expected: String) -> RunStoreError {
        RunStoreError(file: file, message: "the run store is damaged: table \(table), \(label): \(column) holds \(Self.describe(value(column))), not \(expected)")
    }

    func int64(_ column: String) throws(RunStoreError) -> Int64 {
        guard let n = Int64.fromDatabaseValue(value(column)) else { throw mismatch(column, expected: "an integer") }
        return n
    }

    func optionalInt64(_ column: String) throws(RunStoreError) -> Int64? {
        value(column).isNull ? nil : try int64(column)
    }

    func int(_ column: String) throws(RunStoreError) -> Int {
        guard let n = Int.fromDatabaseValue(value(column)) else { throw mismatch(column, expected: "an integer") }
        return n
    }

    func optionalCount(_ column: String) throws(RunStoreError) -> Int? {
        value(column).isNull ? nil : try count(column)
    }

    /// A count, size or round number: an integer from 0 on.
    func count(_ column: String) throws(RunStoreError) -> Int {
        guard let n = Int.fromDatabaseValue(value(column)), n >= 0 else { throw mismatch(column, expected: "a whole number from 0 on") }
        return n
    }

    func double(_ column: String) throws(RunStoreError) -> Double {
        guard let x = Double.fromDatabaseValue(value(column)) else { throw mismatch(column, expected: "a number") }
        return x
    }

    func optionalDouble(_ column: String) throws(RunStoreError) -> Double? {
        value(column).isNull ? nil : try double(column)
    }

    /// A Boolean, stored as 0 or 1.
    func bool(_ column: String) throws(RunStoreError) -> Bool {
        switch Int64.fromDatabaseValue(value(column)) {
        case 0: return false
        case 1: return true
        default: throw mismatch(column, expected: "a Boolean (0 or 1)")
        }
    }

    func optionalBool(_ column: String) throws(RunStoreError) -> Bool? {
        value(column).isNull ? nil : try bool(column)
    }

    func text(_ column: String) throws(RunStoreError) -> String {
        guard let text = try? Self.text(value(column)) else { throw mismatch(column, expected: "text") }
        return text
    }

    func optionalText(_ column: String) throws(RunStoreError) -> String? {
        value(column).isNull ? nil : try text(column)
    }

    func data(_ column: String) throws(RunStoreError) -> Data {
        switch value(column).storage {
        case .blob(let data): return data
        default: throw mismatch(column, expected: "a blob")
        }
    }
}
