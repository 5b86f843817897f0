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

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The HTML file to write.", discussion: OutputFile.optionDiscussion))
    var output = "report.html"

    @Flag(help: ArgumentHelp(OutputFile.forceHelp))
    var force = false

    /// `--json`: the summary as one object, the report's file and the run's rounds.
    @OptionGroup var summaryFormat: JSONOption

    func run() throws {
        let store = try RunStore(path: runStore, access: .readOnly)
        let html = try RunReport.html(for: store)
        let rounds = try store.finishedRounds()
        try OutputFile.write(Data(html.utf8), to: output, force: force, inputs: [(runStore, "the run store this command reads")])
        if summaryFormat.json {
            print(JSONOption.line(["report": output, "rounds": rounds.map(\.jsonObject)]))
        } else {
            print("report: \(output)")
        }
    }
}
