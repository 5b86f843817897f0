import Foundation

/// Writes the files commands produce (reports, grammars, models, corpora) without damaging
/// what is at the path.
///
/// - A new file, or an existing regular file with one name, is replaced atomically: the data is
///   written to a temporary file beside it, flushed, given the old file's permissions and
///   renamed over it, so the path holds the old contents or the new, never a mix.
/// - A regular file with several names (hard links) is rewritten in place, so every name sees
///   the new contents (as `cp` does); an atomic rename would leave the other names behind.
/// - A symbolic link is followed (through every link of a chain): its target is written and
///   the link stays, as `cp` and editors do.
/// - A directory, device, FIFO or socket is refused: it is never replaced or written to.
/// - A run store, or a file the command reads (`inputs`), is refused unless `force`.
///
/// Example: `try OutputFile.write(Data(html.utf8), to: "report.html", inputs: [(store.path, "the run store this command reads")])`.
public enum OutputFile {
    /// The most symbolic links followed from one path (Linux's own limit).
    public static let maximumLinks = 40

    /// Writes `data` to `path` as described above.
    public static func write(_ data: Data, to path: String, force: Bool = false,
                             inputs: [(path: String, role: String)] = []) throws(OutputFileError) {
        let (target, existing) = try resolve(path)
        if let existing {
            if let kind = kind(of: existing.st_mode) { throw .notARegularFile(path, kind: kind) }
            if !force {
                for input in inputs {
                    var info = stat()
                    if stat(input.path, &info) == 0 && info.st_dev == existing.st_dev && info.st_ino == existing.st_ino {
                        throw .input(path, role: input.role)
                    }
                }
                if RunStore.hasRunStoreHeader(atPath: target) { throw .runStore(path) }
            }
            if existing.st_nlink > 1 { return try writeInPlace(data, to: target, path: path) }
        }
        try replace(target, with: data, existing: existing, path: path)
    }

    /// The file a path leads to after its symbolic links, and its status when it exists.
    static func resolve(_ path: String) throws(OutputFileError) -> (target: String, status: stat?) {
        var current = path
        for _ in 0...maximumLinks {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT { return (current, nil) }
                throw .cannotWrite(path, reason: String(cString: strerror(errno)))
            }
            guard info.st_mode & S_IFMT == S_IFLNK else { return (current, info) }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, Int(PATH_MAX))
            guard count >= 0 else { throw .cannotWrite(path, reason: String(cString: strerror(errno))) }
            let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : (folder(of: current) as NSString).appendingPathComponent(link)
        }
        throw .symbolicLinkLoop(path)
    }

    /// What a file mode names when it is not a regular file, in words; nil for a regular file.
    static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        default: return "not a file"
        }
    }

    private static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Writes a temporary file beside `target` and renames it over `target`.
    private static func replace(_ target: String, with data: Data, existing: stat?, path: String) throws(OutputFileError) {
        let name = (target as NSString).lastPathComponent
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<8 where descriptor < 0 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            temporary = (folder(of: target) as NSString).appendingPathComponent(".\(name).ouro-\(suffix)")
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor < 0 && errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw .cannotWrite(path, reason: "cannot create a file in \(folder(of: target)): \(String(cString: strerror(errno)))")
        }
        do throws(OutputFileError) {
            if let existing {
                _ = fchmod(descriptor, existing.st_mode & 0o7777)
                if getuid() == 0 { _ = fchown(descriptor, existing.st_uid, existing.st_gid) }
            }
            try writeAll(data, to: descriptor, path: path)
            guard close(descriptor) == 0 else {
                descriptor = -1
                throw .cannotWrite(path, reason: String(cString: strerror(errno)))
            }
            descriptor = -1
            guard rename(temporary, target) == 0 else { throw .cannotWrite(path, reason: String(cString: strerror(errno))) }
        } catch {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporary)
            throw error
        }
    }

    /// Rewrites an existing file through its own inode (for a file with several names).
    private static func writeInPlace(_ data: Data, to target: String, path: String) throws(OutputFileError) {
        let descriptor = open(target, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotWrite(path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: path)
    }

    /// Writes every byte and flushes them to the disk.
    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(OutputFileError) {
        var failure: Int32 = 0
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if failure != 0 { throw .cannotWrite(path, reason: String(cString: strerror(failure))) }
    }
}
