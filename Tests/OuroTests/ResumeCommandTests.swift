import Foundation
import Testing
import TestSupport

/// `ouro bootstrap --resume`: the run's settings and tasks are kept, what does not change
/// results may change, a finished run is extended, and a conflicting setting is named.
@Suite struct ResumeCommandTests {
    @Test func aFinishedRunIsExtendedWithTheStoredTasksAndSettings() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = directory.appendingPathComponent("run.sqlite").path
        let first = try TestSupport.ouro([
            "bootstrap", "--train", "Problems/lists/train/mapping.json", "--test", "Problems/lists/test/mapping.json",
            "--rounds", "0", "--timeout", "0.5", "--jobs", "2", "--dreams", "20", "--run", run,
        ])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.split(separator: "\n").filter { $0.hasPrefix("round ") }.count == 1)

        // No task paths, other jobs, one more round: round 0's row again, then round 1's.
        let extended = try TestSupport.ouro(["bootstrap", "--resume", "--run", run, "--rounds", "1", "--jobs", "1"])
        #expect(extended.status == 0, "\(extended.standardError)")
        let rows = extended.standardOutput.split(separator: "\n").filter { $0.hasPrefix("round ") }
        #expect(rows.count == 2 && rows[0] == first.standardOutput.split(separator: "\n")[0] && rows[1].hasPrefix("round 1: "))

        let conflicting = try TestSupport.ouro(["bootstrap", "--resume", "--run", run, "--timeout", "2", "--seed", "1"])
        #expect(conflicting.status == 2)
        #expect(conflicting.standardError == "\(run): --timeout is 0.5 in \(run), 2 given; resume with the run's settings (an option left out keeps its value), or choose another --run\n")

        let otherGrammar = try TestSupport.ouro(["bootstrap", "--resume", "--run", run, "--grammar", "strings"])
        #expect(otherGrammar.status == 2)
        #expect(otherGrammar.standardError == "\(run): --grammar strings is not the grammar the run started from; leave --grammar out to keep the run's\n")
    }

    @Test func resumingWithNoProblemSetNeedsTheRun() throws {
        let outcome = try TestSupport.ouro(["bootstrap", "--resume"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("--resume with no problem set needs --run RUN."))
    }
}
