/// Production costs for a bottom-up search: each production's cost at the root of a program
/// (the function's body), and optionally what productions cost as a given argument of a
/// given production.
public struct ProductionCosts: Sendable, Equatable {
    /// `root[nonterminal][production]`: the cost at the root, and wherever `arguments` says nothing.
    public var root: [[Int]]
    /// `arguments[nonterminal][production][argument][childProduction]`: the cost of each
    /// production of the argument's nonterminal as that argument (arguments counted left to
    /// right over the production's nonterminal holes); `nil` when costs do not depend on context.
    public var arguments: [[[[Int]]]]?

    public init(root: [[Int]], arguments: [[[[Int]]]]? = nil) {
        self.root = root
        self.arguments = arguments
    }
}
