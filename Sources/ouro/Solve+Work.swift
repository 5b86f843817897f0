import ArgumentParser
import Domains
import Foundation
import Grammar
import Language
import Tasks

extension Solve {
    /// One unit of work: a SyGuS file, or one task of a JSON task file.
    enum Work: @unchecked Sendable {
        case sygus(file: String, problem: SyGuSProblem)
        case examples(file: String, task: ExampleTask)
        /// A JSON task file that could not be read within a task's time or memory bound:
        /// unsolved, for the time (`timedOut`) or for the memory.
        case overLimit(file: String, reason: String, timedOut: Bool)
    }

    /// The work in every file given, and how many files did not read (each reported on
    /// standard error as it is met). Usage errors (a JSON task file without --grammar, a
    /// --search that does not fit a file) end the command before any search.
    func readWork(grammar: Grammar?) throws -> (work: [Work], unread: Int) {
        var work: [Work] = []
        var unread = 0
        var paths: [String] = []
        for path in files {
            do {
                paths += try TaskFiles.expand([path])
            } catch {
                printError(error.description)
                unread += 1
            }
        }
        for file in paths {
            do {
                let text = try TaskFiles.text(of: file)
                let name = TaskFiles.displayName(file)
                if TaskFiles.isJSON(file, text: text) {
                    guard search != .bottomup else {
                        throw ValidationError("bottom-up search runs on SyGuS files; JSON tasks take --search topdown (the default)")
                    }
                    guard grammar != nil else {
                        throw ValidationError("JSON task files need --grammar, e.g. --grammar lists")
                    }
                    let limits = ReadingLimits(deadline: .now + .milliseconds(Int(self.limits.timeout(default: 10) * 1000)), bytes: self.limits.memoryBytes)
                    do {
                        work += try TaskFiles.examples(text, file: file, limits: limits).map { .examples(file: name, task: $0) }
                    } catch {
                        guard error.isOverLimit else { throw error }
                        work.append(.overLimit(file: name, reason: error.message, timedOut: error.message == ReadingLimits.timeMessage))
                    }
                } else {
                    guard search != .topdown else {
                        throw ValidationError("top-down search runs on JSON tasks over λ-programs; SyGuS files take --search bottomup (the default)")
                    }
                    work.append(.sygus(file: name, problem: try TaskFiles.sygus(text, file: file)))
                }
            } catch let error as InputError {
                printError(error.description)
                unread += 1
            }
        }
        return (work, unread)
    }
}
