import Domain
import Foundation
import Language

extension LambdaDomain {
    public var fileKind: String { "JSON task files" }

    public var searchMethod: SearchMethod { SearchMethod(option: "topdown", name: "top-down") }

    public var answersInStandardForm: Bool { false }

    public var needsGrammar: Bool { true }

    public func ignoredSettings(of task: ExampleTask) -> [String] { [] }

    /// How many tasks, and the first names.
    public func summary(of tasks: [ExampleTask]) -> String {
        let names = tasks.prefix(3).map(\.name).joined(separator: ", ") + (tasks.count > 3 ? ", …" : "")
        return "\(tasks.count) task\(tasks.count == 1 ? "" : "s") (\(names))"
    }

    /// The best program with its log prior, seconds and candidates, and the whole frontier in
    /// JSON; the reason when there is none.
    public func record(of report: SearchReport<[FrontierEntry]>, for task: ExampleTask, style: RecordStyle) -> SolveRecord {
        var frontier: [FrontierEntry] = []
        var reason = "unknown"
        switch report.outcome {
        case .solved(let found): frontier = found
        case .infeasible(let why): reason = "infeasible: \(why)"
        case .stopped(let why): reason = why.description
        }
        var fields: [String: Any] = [
            "task": task.name,
            "solved": !frontier.isEmpty,
            "seconds": report.seconds.roundedToThousandths,
            "candidates": report.candidates,
            "frontier": frontier.map { ["program": $0.program.description, "logPrior": $0.logPrior.roundedToThousandths, "logLikelihood": $0.logLikelihood] },
        ]
        let name = task.name.escapingControlCharacters()
        let costs = String(format: "%.2f s, %d candidates", report.seconds, report.candidates)
        let text: String
        if let best = frontier.first {
            fields["program"] = best.program.description
            fields["logPrior"] = best.logPrior.roundedToThousandths
            text = "\(name): solved \(best.program)  log prior \(String(format: "%.2f", best.logPrior)), " + costs
        } else {
            fields["program"] = NSNull()
            fields["logPrior"] = NSNull()
            fields["reason"] = reason
            text = "\(name): unsolved (\(reason)), " + costs
        }
        return SolveRecord(ending: SolveRecord.Ending(report.outcome), fields: fields, text: text)
    }
}
