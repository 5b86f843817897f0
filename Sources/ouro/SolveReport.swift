import Domain
import Domains
import Foundation
import Synthesis
import Tasks

/// Prints `ouro solve` results as they finish, as text or JSON lines, and says how each ended.
final class SolveReport: @unchecked Sendable {
    /// How a task ended, for the batch's count and exit status.
    enum Outcome: Sendable, Equatable {
        case solved
        /// Shown to have no answer.
        case infeasible
        /// No answer: the time ran out.
        case timedOut
        /// No answer for another reason: a memory limit, a search space tried up to its bound,
        /// something not supported.
        case noAnswer

        init(_ reason: UnknownReason) {
            self = reason.isTimeLimit ? .timedOut : .noAnswer
        }
    }

    let json: Bool
    let labelled: Bool
    /// SyGuS answers as bare define-funs rather than the standard's parenthesised list.
    let bare: Bool
    private let lock = NSLock()

    init(json: Bool, labelled: Bool, bare: Bool = false) {
        self.json = json
        self.labelled = labelled
        self.bare = bare
    }

    func print(file: String, problem: SyGuSProblem, result: SynthesisResult) -> Outcome {
        // Names and literals from the input print with their control characters escaped.
        write(json ? jsonLine(file: file, problem: problem, result: result)
            : plain(file: file, problem: problem, result: result).escapingControlCharacters(keepingLineBreaks: true))
        switch result.status {
        case .solved: return .solved
        case .infeasible: return .infeasible
        case .unknown(let reason): return Outcome(reason)
        }
    }

    /// Reports a JSON task's result: solved or not, the best program, its log prior,
    /// seconds and candidates.
    func print(file: String, result: ExampleTaskResult) -> Outcome {
        let text: String
        if json {
            var object: [String: Any] = [
                "file": file,
                "task": result.task.name,
                "solved": result.solved,
                "seconds": (result.seconds * 1000).rounded() / 1000,
                "candidates": result.candidates,
                "frontier": result.frontier.map { ["program": $0.program.description, "logPrior": ($0.logPrior * 1000).rounded() / 1000, "logLikelihood": $0.logLikelihood] },
            ]
            if let best = result.frontier.first {
                object["program"] = best.program.description
                object["logPrior"] = (best.logPrior * 1000).rounded() / 1000
            } else {
                object["program"] = NSNull()
                object["logPrior"] = NSNull()
                object["reason"] = result.reason ?? "unknown"
            }
            text = JSONOption.line(object)
        } else if let best = result.frontier.first {
            text = "\(result.task.name.escapingControlCharacters()): solved \(best.program)  log prior \(String(format: "%.2f", best.logPrior)), \(String(format: "%.2f", result.seconds)) s, \(result.candidates) candidates"
        } else {
            text = "\(result.task.name.escapingControlCharacters()): unsolved (\(result.reason ?? "unknown")), \(String(format: "%.2f", result.seconds)) s, \(result.candidates) candidates"
        }
        write(text)
        if result.solved { return .solved }
        return result.unknownReason.map(Outcome.init) ?? .noAnswer
    }

    private func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Reports a file that could not be read within a task's limits, as unsolved.
    func print(file: String, unreadable reason: String, timedOut: Bool) -> Outcome {
        if json {
            write(JSONOption.line(["file": file, "solved": false, "reason": reason, "program": NSNull(), "frontier": [Any]()]))
        } else {
            write("\(file): unsolved (\(reason))".escapingControlCharacters())
        }
        return timedOut ? .timedOut : .noAnswer
    }

    private func definitions(_ problem: SyGuSProblem, _ bodies: [Int: Tasks.Expression]) -> [String] {
        problem.functions.indices.compactMap { f in bodies[f].map { problem.answer(function: f, body: $0) } }
    }

    /// The answer as the SyGuS language standard 2.1 writes a response to `check-synth`: the
    /// define-funs in parentheses (one per line, as cvc5 prints them; on one line when
    /// labelled), `infeasible`, or `unknown` (the standard's `fail`) with the reason after `;`.
    private func plain(file: String, problem: SyGuSProblem, result: SynthesisResult) -> String {
        let body: String
        switch result.status {
        case .solved(let bodies):
            let lines = definitions(problem, bodies)
            switch (bare, labelled) {
            case (true, false): body = lines.joined(separator: "\n")
            case (true, true): body = lines.joined(separator: " ")
            case (false, false): body = (["("] + lines + [")"]).joined(separator: "\n")
            case (false, true): body = "(" + lines.joined(separator: " ") + ")"
            }
        case .infeasible(let reason): body = "infeasible ; \(reason)"
        case .unknown(let reason): body = "unknown ; \(reason)"
        }
        return labelled ? "\(file): \(body)" : body
    }

    private func jsonLine(file: String, problem: SyGuSProblem, result: SynthesisResult) -> String {
        var object: [String: Any] = [
            "file": file,
            "task": URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
            "seconds": (result.seconds * 1000).rounded() / 1000,
            "candidates": result.candidates,
            "iterations": result.iterations,
        ]
        switch result.status {
        case .solved(let bodies):
            let programs = problem.functions.indices.compactMap { f in bodies[f].map { problem.text(of: $0, function: f) } }
            let priors = problem.functions.indices.map { f in bodies[f].flatMap { problem.functions[f].grammar.logPrior(of: $0) } }
            let logPrior: Any = priors.contains { $0 == nil } ? NSNull() : (priors.reduce(0) { $0 + $1! } * 1000).rounded() / 1000
            object["solved"] = true
            object["answer"] = definitions(problem, bodies).joined(separator: "\n")
            object["program"] = programs.joined(separator: " ")
            object["logPrior"] = logPrior
            object["frontier"] = [["program": programs.joined(separator: " "), "logPrior": logPrior, "logLikelihood": 0.0]]
        case .infeasible(let reason):
            object["solved"] = false
            object["logPrior"] = NSNull()
            object["infeasible"] = true
            object["reason"] = reason
            object["frontier"] = [Any]()
        case .unknown(let reason):
            object["solved"] = false
            object["logPrior"] = NSNull()
            object["reason"] = reason.description
            object["frontier"] = [Any]()
        }
        return JSONOption.line(object)
    }
}
