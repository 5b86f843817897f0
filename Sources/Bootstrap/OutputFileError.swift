/// Why `OutputFile.write` refused or failed to write a file; the message names the path.
public enum OutputFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path names something that is not a regular file (`kind`: "a directory", "a device",
    /// "a FIFO (named pipe)", "a socket"); writing over it would replace or feed it.
    case notARegularFile(String, kind: String)
    /// The path holds an Ouroboros run store, which only `--force` overwrites.
    case runStore(String)
    /// The path is a file the same command reads (`role`, such as "the run store this command
    /// reads"), which only `--force` overwrites.
    case input(String, role: String)
    /// Symbolic links lead in a loop, or more than `OutputFile.maximumLinks` deep.
    case symbolicLinkLoop(String)
    /// The system refused a step of the write; nothing at the path was changed.
    case cannotWrite(String, reason: String)

    /// The path the user gave.
    public var path: String {
        switch self {
        case .notARegularFile(let path, _), .runStore(let path), .input(let path, _), .symbolicLinkLoop(let path),
             .cannotWrite(let path, _):
            return path
        }
    }

    /// The message without the path.
    public var message: String {
        switch self {
        case .notARegularFile(_, let kind):
            return "is \(kind), not a regular file; give the path of a file to write"
        case .runStore:
            return "is a run store of `ouro bootstrap`; it is not overwritten (give --force to replace it)"
        case .input(_, let role):
            return "is \(role); it is not overwritten (give --force to replace it)"
        case .symbolicLinkLoop:
            return "symbolic links lead in a loop (or too deep) from here"
        case .cannotWrite(_, let reason):
            return "cannot be written: \(reason)"
        }
    }

    public var description: String { "\(path): \(message)" }
}
