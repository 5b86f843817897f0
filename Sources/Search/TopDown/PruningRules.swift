/// Choices that can only build a program equivalent to a cheaper one, or one that always
/// fails: `(car (cons x y))` is `x` or fails, `(+ x 0)` is `x`, `(car empty)` always fails.
/// Pruning them never removes the only program with some behaviour that does not fail.
/// (`TopDownPruning.argumentOrder` prunes more: see `TopDownWalker+ArgumentOrder.swift`.)
enum PruningRules {
    struct Triple: Hashable {
        var parent: Int
        var argument: Int
        var child: Int
        init(_ parent: Int, _ argument: Int, _ child: Int) {
            self.parent = parent; self.argument = argument; self.child = child
        }
    }

    /// (parent, argument, child) by built-in name.
    static let rules: [(String, Int, String)] = [
        ("car", 0, "cons"), ("cdr", 0, "cons"), ("car", 0, "empty"), ("cdr", 0, "empty"),
        ("empty?", 0, "cons"), ("empty?", 0, "empty"), ("length", 0, "empty"),
        ("map", 1, "empty"), ("fold", 0, "empty"), ("index", 1, "empty"),
        ("+", 0, "0"), ("+", 1, "0"), ("-", 1, "0"), ("*", 0, "0"), ("*", 1, "0"), ("*", 0, "1"), ("*", 1, "1"),
        ("mod", 0, "0"), ("mod", 1, "0"), ("mod", 1, "1"), ("range", 0, "0"),
    ]

    /// The forbidden triples among productions named `names` (by index).
    static func forbidden(in names: [String]) -> Set<Triple> {
        var indices: [String: [Int]] = [:]
        for (i, name) in names.enumerated() { indices[name, default: []].append(i) }
        var result: Set<Triple> = []
        for (parent, argument, child) in rules {
            for p in indices[parent] ?? [] {
                for c in indices[child] ?? [] { result.insert(Triple(p, argument, c)) }
            }
        }
        return result
    }
}

/// Which programs a top-down search leaves out because a cheaper or equally cheap program
/// that comes first behaves the same.
public struct TopDownPruning: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The shapes of `PruningRules`: `(car (cons x y))`, `(+ x 0)`, ….
    public static let shapes = TopDownPruning(rawValue: 1)
    /// Commutative operations' arguments in one order, and `if` with two different branches
    /// (see `TopDownWalker+ArgumentOrder.swift`).
    public static let argumentOrder = TopDownPruning(rawValue: 2)
    public static let all: TopDownPruning = [.shapes, .argumentOrder]
}
