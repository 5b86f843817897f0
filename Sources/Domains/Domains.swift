import Domain

/// The domains Ouroboros knows. A file is read by the domain that claims its extension, else
/// by the first (in this order) whose `reads(file:text:)` accepts it. A new domain is a folder
/// beside `Lambda/` and `SyGuS/` and one line here.
public enum Domains {
    public static let all: [any Domain] = [
        LambdaDomain(),
        SyGuSDomain(),
        SequenceDomain(),
    ]

    /// The extensions of every domain's task files.
    public static var fileExtensions: [String] { all.flatMap(\.fileExtensions) }
}
