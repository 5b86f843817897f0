import ArgumentParser
import Bootstrap
import Foundation

/// `ouro report RUN [-o report.html]`: a bootstrap run as a self-contained HTML page.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a bootstrap run's report: a self-contained HTML page with charts.",
        discussion: "Tasks solved, median search time and candidates, and library size per round; the abstractions; the tasks each round solved first."
    )

    @Argument(help: "A run store from `ouro bootstrap`.")
    var runStore: String

    @Option(name: [.short, .customLong("output")], help: "The HTML file to write.")
    var output = "report.html"

    /// `--json`: the summary as one object, the report's file and the run's rounds.
    @OptionGroup var summaryFormat: JSONOption

    func run() throws {
        guard FileManager.default.fileExists(atPath: runStore) else { throw InputError(file: runStore, message: "no such file") }
        let html: String
        let rounds: [RoundSummary]
        do {
            let store = try RunStore(path: runStore)
            html = try RunReport.html(for: store)
            rounds = try store.finishedRounds()
        } catch {
            throw InputError(file: runStore, message: error.message)
        }
        do {
            try html.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw InputError(file: output, message: "cannot be written: \(error.localizedDescription)")
        }
        if summaryFormat.json {
            print(JSONOption.line(["report": output, "rounds": rounds.map(\.jsonObject)]))
        } else {
            print("report: \(output)")
        }
    }
}
