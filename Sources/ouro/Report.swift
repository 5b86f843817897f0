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

    func run() throws {
        let html = try RunReport.html(for: try RunStore(path: runStore, access: .readOnly))
        try OutputFile.write(Data(html.utf8), to: output, force: force, inputs: [(runStore, "the run store this command reads")])
        print("report: \(output)")
    }
}
