/// What `ouro solve` prints for one task: how it ended, the fields of its JSON object and its
/// line of text, in the domain's own terms.
public struct SolveRecord {
    /// How a task ended, for a batch's count and exit status.
    public enum Ending: Sendable, Equatable {
        case solved
        /// Shown to have no answer.
        case infeasible
        /// No answer: the time ran out.
        case timedOut
        /// No answer for another reason: a memory limit, a search space tried up to its bound,
        /// something not supported.
        case noAnswer

        public init<Answer>(_ outcome: Outcome<Answer>) {
            switch outcome {
            case .solved: self = .solved
            case .infeasible: self = .infeasible
            case .stopped(let reason): self = reason.isTimeLimit ? .timedOut : .noAnswer
            }
        }
    }

    public var ending: Ending
    /// The fields of the JSON object, besides the file's name.
    public var fields: [String: Any]
    /// The text, its control characters escaped.
    public var text: String

    public init(ending: Ending, fields: [String: Any], text: String) {
        self.ending = ending
        self.fields = fields
        self.text = text
    }
}

/// How `ouro solve` prints: the task's file as shown, whether each result is labelled with it
/// (several files), and whether answers are bare (no enclosing list).
public struct RecordStyle: Sendable {
    public var file: String
    public var labelled: Bool
    public var bare: Bool

    public init(file: String, labelled: Bool, bare: Bool) {
        self.file = file
        self.labelled = labelled
        self.bare = bare
    }
}

/// The search a domain runs, by the name `--search` gives it and as it reads in messages.
public struct SearchMethod: Sendable, Equatable {
    public var option: String
    public var name: String

    public init(option: String, name: String) {
        self.option = option
        self.name = name
    }
}

extension Double {
    /// The number rounded to three decimals, as results print seconds and log priors.
    public var roundedToThousandths: Double { (self * 1000).rounded() / 1000 }
}
