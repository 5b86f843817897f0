import Language

/// A problem found while reading a JSON task file: what is wrong, and where.
///
/// A *syntax* error (the text is not JSON, or nests deeper than the reader allows) prints as
/// `LINE:COLUMN: message`, the position of the offending character:
///
///     3:14: expected ',' or ']' after an array element, found '}'
///
/// A *schema* error (well-formed JSON that is not a task file) names the task by its index in
/// the file's array (counting from 0, like the indices of the field) and its name, and the
/// field as a path from the task object:
///
///     task 3 ("add-k"): field "examples"[2]."output": expected list(int), found a string
///
/// `position` is kept for both, so a caller can also print `FILE:LINE:COLUMN`.
public struct TaskFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// The offending character (syntax errors) or the start of the offending value (schema errors).
    public var position: SourcePosition
    /// The index of the offending task in the file's array, for schema errors about one task.
    public var task: Int?
    /// The offending task's name, when it has a readable one.
    public var taskName: String?
    /// The path of the offending field within its task object, e.g. `"examples"[2]."output"`.
    public var field: String?
    /// Whether the file was refused for passing `ReadingLimits` (the task's time or memory
    /// bound), not for being malformed: its tasks are unsolved, not bad input.
    public var isOverLimit = false

    public init(_ message: String, at position: SourcePosition, task: Int? = nil, taskName: String? = nil, field: String? = nil) {
        self.message = message
        self.position = position
        self.task = task
        self.taskName = taskName
        self.field = field
    }

    /// Whether the error is about one task's content (it names a task and usually a field)
    /// rather than the file's syntax or overall shape.
    public var isSchemaError: Bool { task != nil }

    public var description: String {
        guard let task else { return "\(position): \(message)" }
        var text = "task \(task)"
        if let taskName { text += " (\(JSONValue.quoted(taskName)))" }
        if let field { text += ": field \(field)" }
        return text + ": " + message
    }
}
