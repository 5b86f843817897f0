import Language

extension SyGuSProblem {
    /// The deepest term the reader builds, counting the levels that `let` substitution and
    /// n-ary operators (`(and a b c)` is two nested `and`s) add. Deeper terms are rejected
    /// rather than risking a stack overflow in the code that walks them.
    public static let maximumTermDepth = 1_000

    /// The most nodes one term may have once its `let` bindings are substituted (nested
    /// `let`s can double a term's size at every level).
    public static let maximumTermSize = 1_000_000

    /// The longest string literal, in characters, a problem may contain. Z3's time to assert
    /// an equation between strings grows with the square of their length (a 100,000-character
    /// literal takes it about 40 s, beyond any timeout, since asserting is not interruptible).
    public static let maximumStringLength = 4_096

    /// Reads a SyGuS-IF problem (version 2, and the version-1 forms found in PBE and
    /// invariant benchmarks).
    ///
    /// Commands: `set-logic`, `set-option`/`set-info` (kept in `ignoredOptions`), `synth-fun`
    /// with a v2 grammar (nonterminals declared, then their rules), a v1 grammar (rules only)
    /// or none (the logic's default grammar, see `SyGuSGrammar.defaultGrammar`), `synth-inv`,
    /// `declare-var`, `declare-primed-var`, `define-fun`, `constraint`, `inv-constraint` and
    /// `check-synth`. Every name is resolved and every term sort-checked as it is read;
    /// the first problem is thrown with its line and column:
    ///
    /// ```
    /// try SyGuSProblem(parsing: "(set-logic LIA)\n(constraint (+ 1 true))")
    /// // 2:13: '+' expects arguments of sorts (Int Int) but got (Int Bool)
    /// ```
    public init(parsing text: String) throws(SyGuSError) {
        let commands = try SExpression.readAll(text)
        var reader = SyGuSReader()
        for command in commands {
            try reader.read(command)
        }
        self = reader.problem
    }
}
