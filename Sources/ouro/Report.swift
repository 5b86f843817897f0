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

    func run() throws {
        guard FileManager.default.fileExists(atPath: runStore) else { throw InputError(file: runStore, message: "no such file") }
        let html: String
        do {
            html = try RunReport.html(for: try RunStore(path: runStore))
        } catch {
            throw InputError(file: runStore, message: error.message)
        }
        do {
            try html.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw InputError(file: output, message: "cannot be written: \(error.localizedDescription)")
        }
        print("report: \(output)")
    }
}
