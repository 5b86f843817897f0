import ArgumentParser
import Bootstrap
import Foundation

/// `ouro history RUN [--json]`: the changes a bootstrap run made to itself, and why.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a bootstrap run's journal: every change its sleeps proposed, the evidence, and what was decided.",
        discussion: """
            After each round the sleep proposes what the next round searches with: what it learned \
            (abstractions, refitted weights, a ranking model), parts of it, a smaller library and \
            changes to the search configuration. The guard searches the validation tasks with each \
            and adopts a proposal only if it solves at least as many of them as the state the round \
            searched with, loses none that state solved in under half the timeout, and does not \
            raise the median candidates of the tasks both solve past the run's tolerance. Each entry says what the proposal changes, its decision (adopted, \
            rejected, over a ceiling, not evaluated) and why, with the validation figures and the \
            tasks it lost and gained. With --json, one object per entry.
            """
    )

    @Argument(help: "A run store from `ouro bootstrap`.")
    var runStore: String

    @OptionGroup var output: JSONOption

    func run() throws {
        let entries: [JournalEntry]
        do throws(RunStoreError) {
            entries = try RunStore(path: runStore, access: .readOnly).journal()
        } catch {
            throw InputError(file: runStore, message: error.message)
        }
        if output.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            for entry in entries { print(String(decoding: try encoder.encode(entry), as: UTF8.self)) }
        } else if entries.isEmpty {
            print("\(runStore): no proposals journalled yet (a run journals from its first sleep; runs from before the guard have no journal)")
        } else {
            for line in JournalEntry.text(entries) { print(line.escapingControlCharacters()) }
        }
    }
}
