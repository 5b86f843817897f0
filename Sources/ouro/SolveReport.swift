import Domain
import Foundation

/// Prints `ouro solve` results as they finish, as text or JSON lines.
final class SolveReport: @unchecked Sendable {
    let json: Bool
    let labelled: Bool
    /// SyGuS answers as bare define-funs rather than the standard's parenthesised list.
    let bare: Bool
    private let lock = NSLock()

    init(json: Bool, labelled: Bool, bare: Bool = false) {
        self.json = json
        self.labelled = labelled
        self.bare = bare
    }

    /// Prints a task's record, in JSON with its file, and says how the task ended.
    func print(file: String, _ record: SolveRecord) -> SolveRecord.Ending {
        var fields = record.fields
        fields["file"] = file
        write(json ? JSONOption.line(fields) : record.text)
        return record.ending
    }

    private func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Reports a file that could not be read within a task's limits, as unsolved.
    func print(file: String, unreadable reason: String, timedOut: Bool) -> SolveRecord.Ending {
        if json {
            write(JSONOption.line(["file": file, "solved": false, "reason": reason, "program": NSNull(), "frontier": [Any]()]))
        } else {
            write("\(file): unsolved (\(reason))".escapingControlCharacters())
        }
        return timedOut ? .timedOut : .noAnswer
    }
}
