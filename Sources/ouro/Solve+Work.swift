import ArgumentParser
import Foundation
import Grammar
import Tasks

extension Solve {
    /// One unit of work: a SyGuS file, or one task of a JSON task file.
    enum Work: @unchecked Sendable {
        case sygus(file: String, problem: SyGuSProblem)
        case examples(file: String, task: ExampleTask)
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
                    work += try TaskFiles.examples(text, file: file).map { .examples(file: name, task: $0) }
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
