import Language

/// An integer sequence given by its first terms, OEIS-style: the task of finding a program
/// `f : int -> int` with `f(n) = terms[n]` for every given `n`.
///
/// Invariant (kept by `readAll(_:limits:)`): the name is not empty and there are at least
/// `minimumTerms` terms.
///
/// ```swift
/// let squares = IntegerSequence(name: "squares", terms: [0, 1, 4, 9, 16])
/// squares.exampleTask.examples[2]   // inputs [.int(2)], output .int(4)
/// ```
public struct IntegerSequence: Hashable, Sendable {
    /// The fewest terms a sequence file gives a sequence: fewer say too little to search for.
    public static let minimumTerms = 3

    public var name: String
    /// a(0), a(1), …, in order.
    public var terms: [Int]

    public init(name: String, terms: [Int]) {
        self.name = name
        self.terms = terms
    }

    /// The type of the program a sequence asks for.
    public static let request: TypeExpr = .arrow(.int, .int)

    /// The sequence as an input/output task of type `int -> int`: `n ↦ a(n)` for each term.
    public var exampleTask: ExampleTask {
        ExampleTask(name: name, request: Self.request,
                    examples: terms.enumerated().map { ExampleTask.Example(inputs: [.int($0.offset)], output: .int($0.element)) })
    }
}
