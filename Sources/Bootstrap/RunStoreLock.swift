import Foundation

/// The exclusive right to write a run: `ouro bootstrap` holds it from before it opens the run
/// store until it exits, so two runs never work on one store at once.
///
/// It is a `flock(2)` lock on the store file itself (SQLite's own locks are `fcntl` locks,
/// which do not interact with it), taken without waiting. The kernel releases it when the
/// process ends, however it ends (`kill -9` included), so a lock is never left stale; the
/// descriptor is closed on `exec`, so no child keeps it. A second process is refused with the
/// process id of the holder, which Linux lists in `/proc/locks`.
public final class RunStoreLock: Sendable {
    public let path: String
    private let descriptor: Int32

    /// Takes the lock on the store at `path`, creating an empty file there when there is none
    /// (a new run's store is then created in it).
    public init(path: String) throws(RunStoreError) {
        self.path = path
        var info = stat()
        if stat(path, &info) == 0, let kind = OutputFile.kind(of: info.st_mode) {
            throw RunStoreError(file: path, message: "not a run store (\(kind), not a file)")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        descriptor = open(path, O_RDONLY | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw RunStoreError(file: path, message: "cannot be opened: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            let holder = Self.holder(ofLockOn: descriptor)
            close(descriptor)
            if failure == EWOULDBLOCK {
                let process = holder.map { "process \($0)" } ?? "another process"
                throw RunStoreError(file: path, message: "the run store is in use by \(process) (another `ouro bootstrap` working on this run); wait for it to finish, or stop it")
            }
            throw RunStoreError(file: path, message: "cannot be locked: \(String(cString: strerror(failure)))")
        }
    }

    deinit {
        close(descriptor)
    }

    /// The process holding a `flock` lock on the file open at `descriptor`, from `/proc/locks`
    /// (lines such as `1: FLOCK  ADVISORY  WRITE 4242 08:01:1310 0 EOF`); nil when not listed.
    static func holder(ofLockOn descriptor: Int32) -> Int32? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        for line in table.split(separator: "\n") where !line.contains("->") {
            let fields = line.split(separator: " ")
            guard let kind = fields.firstIndex(of: "FLOCK"), fields.count > kind + 4,
                  let pid = Int32(fields[kind + 3]), let inode = fields[kind + 4].split(separator: ":").last.flatMap({ UInt64($0) }),
                  inode == UInt64(info.st_ino) else { continue }
            return pid
        }
        return nil
    }
}
