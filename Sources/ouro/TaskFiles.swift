import Domains
import Foundation

/// Reading the problem files every command takes: every domain's task files, named
/// directly, found in folders, or (`-`) read from standard input. A file that reads but asks
/// for nothing (empty, no `synth-fun`, no task) is an error like any other bad input.
enum TaskFiles {
    /// The name standard input goes by in messages and results.
    static let standardInputName = "<stdin>"

    /// The files `paths` name: files as given (`-` as itself), and the task files of every
    /// domain (`.sl`, `.json`, …) inside folders and their subfolders, sorted. A path that does not exist, or a
    /// folder with no such file, is an error.
    static func expand(_ paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            if path == "-" {
                files.append(path)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(file: path, message: "no such file or folder")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { file in Domains.fileExtensions.contains { file.hasSuffix("." + $0) } }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            if found.isEmpty {
                throw InputError(file: path, message: "is a folder with no \(Domains.fileExtensions.map { "." + $0 }.joined(separator: " or ")) file")
            }
            files += found
        }
        return files
    }

    /// The text of `file`, or of standard input for `-`, with `readText`'s limits.
    static func text(of file: String) throws(InputError) -> String {
        guard file == "-" else { return try InputError.readText(file) }
        var data = Data()
        while let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
            data.append(chunk)
            if data.count > InputError.maximumFileSize {
                throw InputError(file: standardInputName, message: "is more than \(InputError.maximumFileSize >> 20) MiB; the limit is \(InputError.maximumFileSize >> 20) MiB")
            }
        }
        guard let text = String(validatingUTF8Data: data) else {
            throw InputError(file: standardInputName, message: "is not valid UTF-8 text")
        }
        return text
    }

    /// The name `file` is shown by.
    static func displayName(_ file: String) -> String {
        file == "-" ? standardInputName : file
    }
}
