import Grammar
import Language
import Ranking

/// One domain's train tasks with the answers of those that have one, the domain's types
/// hidden: what a sleep learns from. `owner` numbers the answers.
public protocol LearningPart: Sendable {
    var libraryGrowth: LibraryGrowth { get }
    var fitsContextualWeights: Bool { get }
    /// The number of answers.
    var count: Int { get }
    func admitting(_ grammar: Grammar) -> Grammar
    func solutions(in grammar: Grammar) -> [(owner: Int, solution: Solution)]
    func derivation(of solution: Solution, owner: Int, rewritten: Program?, in library: Grammar) -> [ChoicePoint]?
    func shared(_ points: [(ChoicePoint, Double)], owners: [Int]) -> [(ChoicePoint, Double)]
    func rankingChoices(_ points: [ChoicePoint]) -> [ChoicePoint]
    /// The name and features of the task that owns an answer.
    func description(of owner: Int) -> (name: String, features: Features)
    func dreams(grammar: Grammar, count: Int, seed: UInt64) -> [DreamExample]
}

/// A domain's tasks and answers as a `LearningPart`.
public struct DomainAnswers<D: Domain>: LearningPart {
    public let domain: D
    /// The tasks dreams are drawn over.
    public let tasks: [D.Task]
    public let answers: [(task: D.Task, answer: D.Answer)]

    public init(domain: D, tasks: [D.Task], answers: [(task: D.Task, answer: D.Answer)]) {
        self.domain = domain
        self.tasks = tasks
        self.answers = answers
    }

    public var libraryGrowth: LibraryGrowth { domain.libraryGrowth }
    public var fitsContextualWeights: Bool { domain.fitsContextualWeights }
    public var count: Int { answers.count }

    public func admitting(_ grammar: Grammar) -> Grammar { domain.grammar(grammar, admitting: answers) }

    public func solutions(in grammar: Grammar) -> [(owner: Int, solution: Solution)] {
        answers.enumerated().flatMap { owner, item in domain.solutions(of: item.answer, for: item.task, in: grammar).map { (owner, $0) } }
    }

    public func derivation(of solution: Solution, owner: Int, rewritten: Program?, in library: Grammar) -> [ChoicePoint]? {
        domain.derivation(of: solution, rewritten: rewritten, answer: answers[owner].answer, for: answers[owner].task, in: library)
    }

    public func shared(_ points: [(ChoicePoint, Double)], owners: [Int]) -> [(ChoicePoint, Double)] {
        domain.shared(points, among: owners.map { answers[$0].task })
    }

    public func rankingChoices(_ points: [ChoicePoint]) -> [ChoicePoint] { domain.rankingChoices(points) }

    public func description(of owner: Int) -> (name: String, features: Features) {
        (domain.name(of: answers[owner].task), domain.features(of: answers[owner].task))
    }

    public func dreams(grammar: Grammar, count: Int, seed: UInt64) -> [DreamExample] {
        domain.dreams(over: tasks, grammar: grammar, count: count, seed: seed)
    }
}
