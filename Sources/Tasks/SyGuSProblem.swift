import Language

/// A SyGuS-IF problem as read from a `.sl` file: the functions to synthesize with their
/// grammars, the declared variables, the helper definitions and the constraints.
///
/// Invariant: every expression is well-sorted and refers only to indices that exist
/// (variables, definitions, functions, and in grammar productions nonterminals and the
/// function's parameters). `synth-inv`/`inv-constraint` problems are stored in this same
/// form: the invariant is a Boolean function to synthesize, and each `inv-constraint` becomes
/// its three constraints (pre ⇒ inv, inv ∧ trans ⇒ inv′, inv ⇒ post) over declared variables.
public struct SyGuSProblem: Hashable, Sendable {
    /// The `set-logic` argument (`BV`, `LIA`, `SLIA`, …), or `nil` when the file has none.
    public var logic: String?
    public var functions: [SynthesisFunction]
    public var variables: [SortedName]
    public var definitions: [FunctionDefinition]
    /// Boolean constraints, all of which the solution must satisfy for every value of the variables.
    public var constraints: [Expression]
    /// `set-option`s and `set-info`s that were read and ignored, as `:name value` text, for verbose output.
    public var ignoredOptions: [String]

    public init(logic: String?, functions: [SynthesisFunction], variables: [SortedName],
                definitions: [FunctionDefinition], constraints: [Expression], ignoredOptions: [String] = []) {
        self.logic = logic
        self.functions = functions
        self.variables = variables
        self.definitions = definitions
        self.constraints = constraints
        self.ignoredOptions = ignoredOptions
    }
}

/// A function to synthesize (`synth-fun`, or `synth-inv` with `isInvariant`).
public struct SynthesisFunction: Hashable, Sendable {
    public var name: String
    public var parameters: [SortedName]
    public var returnSort: TypeExpr
    /// The grammar the solution must be drawn from: the file's own, or the logic's default
    /// grammar when the file gives none (`hasExplicitGrammar` false).
    public var grammar: SyGuSGrammar
    public var hasExplicitGrammar: Bool
    public var isInvariant: Bool

    public init(name: String, parameters: [SortedName], returnSort: TypeExpr, grammar: SyGuSGrammar,
                hasExplicitGrammar: Bool, isInvariant: Bool = false) {
        self.name = name
        self.parameters = parameters
        self.returnSort = returnSort
        self.grammar = grammar
        self.hasExplicitGrammar = hasExplicitGrammar
        self.isInvariant = isInvariant
    }

    /// The function's type as a curried arrow: `bv64 -> bv64 -> bv64`.
    public var type: TypeExpr { .function(parameters.map(\.sort), returnSort) }
}

/// A `define-fun`: a named helper with parameters and a body over them (`.parameter(i)`).
public struct FunctionDefinition: Hashable, Sendable {
    public var name: String
    public var parameters: [SortedName]
    public var returnSort: TypeExpr
    public var body: Expression

    public init(name: String, parameters: [SortedName], returnSort: TypeExpr, body: Expression) {
        self.name = name
        self.parameters = parameters
        self.returnSort = returnSort
        self.body = body
    }
}

/// The grammar of a function to synthesize: nonterminals, each with a sort and productions.
///
/// A production is an `Expression` whose `.nonterminal(i)` leaves are holes filled by
/// programs of nonterminal `i`, and whose `.parameter(i)` leaves are the function's
/// parameters. The first nonterminal is the start symbol.
public struct SyGuSGrammar: Hashable, Sendable {
    public struct Nonterminal: Hashable, Sendable {
        public var name: String
        public var sort: TypeExpr
        public var productions: [Expression]
        /// `(Constant S)`: any constant of the sort may appear.
        public var allowsAnyConstant: Bool
        /// `(Variable S)`: any parameter of the sort may appear (the reader also lists them
        /// as `.parameter` productions).
        public var allowsAnyVariable: Bool

        public init(name: String, sort: TypeExpr, productions: [Expression],
                    allowsAnyConstant: Bool = false, allowsAnyVariable: Bool = false) {
            self.name = name
            self.sort = sort
            self.productions = productions
            self.allowsAnyConstant = allowsAnyConstant
            self.allowsAnyVariable = allowsAnyVariable
        }
    }

    public var nonterminals: [Nonterminal]

    public init(nonterminals: [Nonterminal]) {
        self.nonterminals = nonterminals
    }
}
