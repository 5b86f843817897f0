import Domain
import Foundation
import Language
import Tasks

extension SyGuSDomain {
    public var fileKind: String { "SyGuS files" }

    public var searchMethod: SearchMethod { SearchMethod(option: "bottomup", name: "bottom-up") }

    public var answersInStandardForm: Bool { true }

    public var needsGrammar: Bool { false }

    public func ignoredSettings(of task: SyGuSTask) -> [String] { task.problem.ignoredOptions }

    /// The problem's logic, functions and constraints (`SyGuSProblem.summary`).
    public func summary(of tasks: [SyGuSTask]) -> String { tasks.map(\.problem.summary).joined(separator: "; ") }

    /// The answer as the SyGuS language standard 2.1 writes a response to `check-synth`: the
    /// define-funs in parentheses (one per line, as cvc5 prints them; on one line when
    /// labelled; without the parentheses when bare), `infeasible`, or `unknown` (the
    /// standard's `fail`) with the reason after `;`. In JSON, the answer, the programs, their
    /// log prior under the function's own grammar, and the counterexample rounds.
    public func record(of report: SearchReport<SyGuSAnswer>, for task: SyGuSTask, style: RecordStyle) -> SolveRecord {
        let problem = task.problem
        var fields: [String: Any] = [
            "task": task.name, "seconds": report.seconds.roundedToThousandths, "candidates": report.candidates, "iterations": report.rounds ?? 0,
        ]
        let body: String
        switch report.outcome {
        case .solved(let answer):
            let lines = problem.functions.indices.compactMap { f in answer.bodies[f].map { problem.answer(function: f, body: $0) } }
            let programs = problem.functions.indices.compactMap { f in answer.bodies[f].map { problem.text(of: $0, function: f) } }
            let priors = problem.functions.indices.map { f in answer.bodies[f].flatMap { SyGuSChoiceSpace(problem, function: f, weights: nil).logLikelihood(of: $0) } }
            let logPrior: Any = priors.contains { $0 == nil } ? NSNull() : priors.reduce(0) { $0 + $1! }.roundedToThousandths
            fields["solved"] = true
            fields["answer"] = lines.joined(separator: "\n")
            fields["program"] = programs.joined(separator: " ")
            fields["logPrior"] = logPrior
            fields["frontier"] = [["program": programs.joined(separator: " "), "logPrior": logPrior, "logLikelihood": 0.0]]
            switch (style.bare, style.labelled) {
            case (true, false): body = lines.joined(separator: "\n")
            case (true, true): body = lines.joined(separator: " ")
            case (false, false): body = (["("] + lines + [")"]).joined(separator: "\n")
            case (false, true): body = "(" + lines.joined(separator: " ") + ")"
            }
        case .infeasible(let reason):
            fields["solved"] = false
            fields["logPrior"] = NSNull()
            fields["infeasible"] = true
            fields["reason"] = reason
            fields["frontier"] = [Any]()
            body = "infeasible ; \(reason)"
        case .stopped(let reason):
            fields["solved"] = false
            fields["logPrior"] = NSNull()
            fields["reason"] = reason.description
            fields["frontier"] = [Any]()
            body = "unknown ; \(reason)"
        }
        let text = (style.labelled ? "\(style.file): \(body)" : body).escapingControlCharacters(keepingLineBreaks: true)
        return SolveRecord(ending: SolveRecord.Ending(report.outcome), fields: fields, text: text)
    }
}
