import Domain
import Foundation
import Grammar
import Language

/// The tasks of a run with their domain, whose types the loop does not see: it searches a
/// task by its index and hands a round's answers to the domain's sleep.
public struct RunTasks: Sendable {
    /// One task's file, name and split.
    public struct Entry: Sendable {
        public var file: String
        public var name: String
        public var split: Split
    }

    /// The name of the tasks' domain.
    public let domainName: String
    public let entries: [Entry]
    let search: @Sendable (_ index: Int, Guidance, Budget, HelpBoard?) -> SearchReport<[StoredAnswer]>
    let learn: @Sendable (SleepInput) throws -> SleepOutput

    /// `tasks` of `domain`, each with the file it was read from and its split.
    public init<D: Domain>(domain: D, tasks: [(file: String, task: D.Task, split: Split)]) {
        domainName = domain.name
        entries = tasks.map { Entry(file: $0.file, name: domain.name(of: $0.task), split: $0.split) }
        let all = tasks.map(\.task)
        search = { index, guidance, budget, board in
            let task = all[index]
            let report = domain.solve(task, guidance: guidance, budget: budget, board: board)
            let outcome: Outcome<[StoredAnswer]>
            switch report.outcome {
            case .solved(let answer): outcome = .solved(domain.stored(answer, for: task))
            case .infeasible(let reason): outcome = .infeasible(reason)
            case .stopped(let reason): outcome = .stopped(reason)
            }
            return SearchReport(outcome: outcome, seconds: report.seconds, candidates: report.candidates)
        }
        learn = { input in
            var answers: [(task: D.Task, answer: D.Answer)] = []
            for (index, stored) in input.answers {
                do throws(AnswerReadError) {
                    answers.append((all[index], try domain.answer(from: stored.map(\.program), for: all[index], in: input.grammar, round: input.round)))
                } catch {
                    throw SleepError.unreadableAnswer(place: stored[error.entry ?? 0].place, message: error.message)
                }
            }
            return try Sleep.learn(domain, train: input.train.map { all[$0] }, answers: answers, input: input)
        }
    }

    /// The number of tasks.
    public var count: Int { entries.count }
}

/// What a round's sleep learns from.
struct SleepInput: Sendable {
    var round: Int
    /// The grammar the round searched with.
    var grammar: Grammar
    /// The grammar the run started from.
    var startGrammar: Grammar
    var settings: BootstrapSettings
    /// The indices of the train tasks, in order.
    var train: [Int]
    /// The latest answer of each train task that has one, by task index, with where each
    /// stored entry is kept (for messages).
    var answers: [(index: Int, stored: [(program: StoredAnswer, place: String)])]
}

/// What a round's sleep learned: the next round's grammar and ranking model, and the new
/// abstractions.
struct SleepOutput {
    var grammar: Grammar
    var ranker: Data?
    var learned: [StoredAbstraction]
    /// Each solution's derivation in the new library (`nil` where none was found), in the
    /// order of the answers.
    var derivations: [[ChoicePoint]?]
}

enum SleepError: Error {
    /// A stored answer that does not read back.
    case unreadableAnswer(place: String, message: String)
}
