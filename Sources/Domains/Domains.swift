import Domain

/// The domains Ouroboros knows, in the order a task file is offered to them: the first whose
/// `reads(file:text:)` accepts a file reads it. A new domain is a folder beside `Lambda/` and
/// `SyGuS/` and one line here.
public enum Domains {
    public static let all: [any Domain] = [
        LambdaDomain(),
        SyGuSDomain(),
    ]

    /// The domain that reads `file`, if one does.
    public static func reading(_ file: String, text: String) -> (any Domain)? {
        all.first { $0.reads(file: file, text: text) }
    }
}
