import ArgumentParser
import Domain
import Domains
import Foundation
import Grammar
import Language

extension Solve {
    /// One unit of work: a task of a file, or a file that could not be read within a task's
    /// time or memory bound (unsolved, for the time when `timedOut`, else for the memory).
    enum Work: Sendable {
        case task(file: String, set: TaskSet, index: Int)
        case overLimit(file: String, reason: String, timedOut: Bool)
    }

    /// The work in every file given, and how many files did not read (each reported on
    /// standard error as it is met). Usage errors (a file that needs --grammar without one, a
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
        let limits = ReadingLimits(deadline: .now + .milliseconds(Int(self.limits.timeout(default: 10) * 1000)), bytes: self.limits.memoryBytes)
        for file in paths {
            let name = TaskFiles.displayName(file)
            do {
                let text = try TaskFiles.text(of: file)
                let set: TaskSet
                do {
                    set = try TaskSet.read(text, file: file == "-" ? name : file, domains: Domains.all, limits: limits)
                } catch {
                    guard !error.error.isOverLimit else {
                        work.append(.overLimit(file: name, reason: error.error.message, timedOut: error.error.message == ReadingLimits.timeMessage))
                        continue
                    }
                    throw InputError(file: name, position: error.error.position, message: error.error.message)
                }
                try check(set)
                work += set.names.indices.map { .task(file: name, set: set, index: $0) }
            } catch let error as InputError {
                printError(error.description)
                unread += 1
            }
        }
        return (work, unread)
    }

    /// Refuses a --search the tasks' domain does not run, and tasks that need --grammar without one.
    private func check(_ set: TaskSet) throws {
        if search != .auto && search.rawValue != set.searchMethod.option {
            let other = Domains.all.first { $0.searchMethod.option == search.rawValue }
            throw ValidationError("\(other?.searchMethod.name ?? search.rawValue) search runs on \(other?.fileKind ?? "other files"); "
                + "\(set.fileKind) take --search \(set.searchMethod.option) (the default)")
        }
        if set.needsGrammar && grammarOption.grammar == nil {
            throw ValidationError("\(set.fileKind) need --grammar, e.g. --grammar lists")
        }
    }
}
