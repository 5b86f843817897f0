/// The time and memory a reader may spend on one input: a file that needs more is refused
/// as over the limit (not as malformed), so that the task it holds is reported unsolved
/// rather than read for minutes into gigabytes.
///
/// ```swift
/// let limits = ReadingLimits(deadline: .now + .seconds(10), bytes: 64 << 20)
/// try JSONValue.read(text, limits: limits)   // SyntaxError with isOverLimit past either
/// ```
public struct ReadingLimits: Sendable {
    /// When reading must be done; `nil` for no deadline.
    public var deadline: ContinuousClock.Instant?
    /// About how many bytes the text's working copy and the tree read from it may take.
    public var bytes: Int

    public init(deadline: ContinuousClock.Instant? = nil, bytes: Int = .max) {
        self.deadline = deadline
        self.bytes = bytes
    }

    /// No limit besides the readers' own (file size, nesting).
    public static let none = ReadingLimits()

    /// The message for a reader that needs more than `bytes`.
    public func memoryMessage() -> String {
        "reading it needs more than the memory limit of \(max(1, bytes >> 20)) MiB"
    }

    /// The message for a reader still at work at the deadline.
    public static let timeMessage = "reading it takes longer than the time limit"
}
