import Domain
import Grammar
import Language

/// A sequence is reported as the λ domain reports its example task: the best program of the
/// frontier with its log prior, seconds and candidates, and the frontier in JSON.
extension SequenceDomain {
    public var fileKind: String { "sequence files" }

    public var searchMethod: SearchMethod { lambda.searchMethod }

    /// The run's grammar is used when there is one, the starting grammar otherwise (see
    /// `solve(_:guidance:budget:board:)`).
    public var needsGrammar: Bool { false }

    public var answersInStandardForm: Bool { false }

    public func ignoredSettings(of task: IntegerSequence) -> [String] { [] }

    /// How many sequences, and the first names (as the λ domain says of its tasks).
    public func summary(of tasks: [IntegerSequence]) -> String { lambda.summary(of: tasks.map(\.exampleTask)) }

    public func record(of report: SearchReport<[FrontierEntry]>, for task: IntegerSequence, style: RecordStyle) -> SolveRecord {
        lambda.record(of: report, for: task.exampleTask, style: style)
    }

    /// The frontier of the record, each program read in `grammar` (those it cannot derive left
    /// out).
    public func answer(fromRecord record: JSONValue, for task: IntegerSequence, in grammar: Grammar) throws(AnswerReadError) -> [FrontierEntry]? {
        try lambda.answer(fromRecord: record, for: task.exampleTask, in: grammar)
    }
}
