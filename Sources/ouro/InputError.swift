import Foundation
import Grammar
import Language

/// A problem with a file the user gave, printed as `FILE:LINE:COLUMN: message`.
struct InputError: Error, CustomStringConvertible {
    var file: String
    var position: SourcePosition?
    var message: String
    /// Whether the file was refused for passing a task's time or memory bound while it was
    /// read, not for being malformed: its tasks are unsolved, not bad input.
    var isOverLimit = false

    var description: String {
        if let position { return "\(file):\(position.line):\(position.column): \(message)" }
        return "\(file): \(message)"
    }

    /// The largest input file any command reads whole.
    static let maximumFileSize = 256 << 20

    /// Reads a UTF-8 text file, refusing directories, unreadable files, huge files and invalid UTF-8.
    static func readText(_ file: String) throws(InputError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw InputError(file: file, message: "no such file")
        }
        if isDirectory.boolValue { throw InputError(file: file, message: "is a directory, not a file") }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        if size > maximumFileSize {
            throw InputError(file: file, message: "file is \(size >> 20) MiB; the limit is \(maximumFileSize >> 20) MiB")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(file: file, message: "cannot be read")
        }
        guard let text = String(validatingUTF8Data: data) else {
            throw InputError(file: file, message: "is not valid UTF-8 text")
        }
        return text
    }
}

extension String {
    /// The text of `data` when it is valid UTF-8, else `nil` (no replacement characters).
    init?(validatingUTF8Data data: Data) {
        guard let text = String(bytes: data, encoding: .utf8) else { return nil }
        self = text
    }
}

/// Reads the grammar a `--grammar` value names: a bundled grammar's name (`lists`, `bitvec`,
/// `lia`, `strings`), or else a grammar file's path. Fails with a message naming the file and
/// position, or, for a missing file that looks like a name, the bundled grammars' names.
func readGrammar(_ value: String) throws -> Grammar {
    if let bundled = BundledGrammars.grammar(named: value) { return bundled }
    if !value.contains("/") && !value.contains(".") && !FileManager.default.fileExists(atPath: value) {
        throw InputError(file: value, message: "no such file, and no bundled grammar of that name (the bundled grammars are \(BundledGrammars.names.joined(separator: ", ")))")
    }
    let text = try InputError.readText(value)
    do {
        return try Grammar(parsing: text)
    } catch {
        throw InputError(file: value, position: error.position, message: error.message)
    }
}
