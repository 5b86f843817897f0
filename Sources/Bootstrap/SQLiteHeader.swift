import Foundation

/// The first 100 bytes of a file read as an SQLite database header, without SQLite: whether
/// it is one, and its `application_id` (big-endian at offset 68). Reading it never writes.
struct SQLiteHeader {
    static let magic = Array("SQLite format 3\u{0}".utf8)

    /// Whether the file starts with SQLite's magic string (and is at least a header long).
    var isSQLite: Bool
    var applicationID: Int32

    /// Reads the header of the file at `path`; nil when it cannot be opened or read.
    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 100) else { return nil }
        let bytes = [UInt8](data)
        isSQLite = bytes.count == 100 && Array(bytes[0..<16]) == Self.magic
        applicationID = bytes.count == 100 ? Int32(bitPattern: bytes[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }) : 0
    }
}
