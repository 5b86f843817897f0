import Foundation
import Synthesis
import Tasks

/// Prints `ouro solve` results as they finish, as text or JSON lines.
final class SolveReport: @unchecked Sendable {
    let json: Bool
    let labelled: Bool
    private let lock = NSLock()

    init(json: Bool, labelled: Bool) {
        self.json = json
        self.labelled = labelled
    }

    func print(file: String, problem: SyGuSProblem, result: SynthesisResult) {
        let text = json ? jsonLine(file: file, problem: problem, result: result) : plain(file: file, problem: problem, result: result)
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Reports a JSON task's result: solved or not, the best program, its log prior,
    /// seconds and candidates.
    func print(file: String, result: ExampleTaskResult) {
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
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            text = String(decoding: data, as: UTF8.self)
        } else if let best = result.frontier.first {
            text = "\(result.task.name): solved \(best.program)  log prior \(String(format: "%.2f", best.logPrior)), \(String(format: "%.2f", result.seconds)) s, \(result.candidates) candidates"
        } else {
            text = "\(result.task.name): unsolved (\(result.reason ?? "unknown")), \(String(format: "%.2f", result.seconds)) s, \(result.candidates) candidates"
        }
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Reports a file that could not be read within a task's limits, as unsolved.
    func print(file: String, unreadable reason: String) {
        let text: String
        if json {
            let object: [String: Any] = ["file": file, "solved": false, "reason": reason, "program": NSNull(), "frontier": [Any]()]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            text = String(decoding: data, as: UTF8.self)
        } else {
            text = "\(file): unsolved (\(reason))"
        }
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    private func answer(_ problem: SyGuSProblem, _ bodies: [Int: Tasks.Expression]) -> String {
        problem.functions.indices.compactMap { f in bodies[f].map { problem.answer(function: f, body: $0) } }.joined(separator: "\n")
    }

    private func plain(file: String, problem: SyGuSProblem, result: SynthesisResult) -> String {
        let body: String
        switch result.status {
        case .solved(let bodies): body = answer(problem, bodies)
        case .infeasible: body = "infeasible"
        case .unknown: body = "unknown"
        }
        return labelled ? "\(file): \(body.replacingOccurrences(of: "\n", with: " "))" : body
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
            let text = answer(problem, bodies)
            let programs = problem.functions.indices.compactMap { f in bodies[f].map { problem.text(of: $0, function: f) } }
            let priors = problem.functions.indices.map { f in bodies[f].flatMap { problem.functions[f].grammar.logPrior(of: $0) } }
            let logPrior: Any = priors.contains { $0 == nil } ? NSNull() : (priors.reduce(0) { $0 + $1! } * 1000).rounded() / 1000
            object["solved"] = true
            object["answer"] = text
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
            object["reason"] = reason
            object["frontier"] = [Any]()
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
