extension Operators {
    /// The theory an operation belongs to: which file of the catalogue holds its row.
    public enum Theory: String, Hashable, Sendable, CaseIterable {
        /// Booleans, equality and `ite` (SMT-LIB Core).
        case core
        /// 64-bit integers (SMT-LIB Ints; an overflowing result is an evaluation failure).
        case integers
        /// Bit-vectors of any width from 1 to 64 (SMT-LIB FixedSizeBitVectors).
        case bitVectors
        /// Code-point strings (SMT-LIB Strings).
        case strings
        /// DreamCoder's list DSL, which SMT-LIB lacks.
        case lists
    }

    /// Another spelling of a row's operation, at the row's signature or at a narrower one
    /// (`eq?` is `=` on integers only).
    public struct Alias: Hashable, Sendable, ExpressibleByStringLiteral {
        public let name: String
        /// The types the alias accepts; `nil` for the row's own signature.
        public let signature: Builtins.Signature?

        public init(stringLiteral name: String) {
            self.name = name
            self.signature = nil
        }

        /// The alias `name` at `arguments -> result` only.
        public init(_ name: String, _ arguments: [TypeExpr], _ result: TypeExpr) {
            self.name = name
            self.signature = .scheme(.function(arguments, result))
        }
    }

    /// The reference semantics of an operation: what it computes from argument values, or
    /// a failure. An argument of the wrong kind is a `.typeMismatch` (only ill-typed programs
    /// give one), and so is calling the semantics with another number of arguments than its
    /// arity.
    ///
    /// The functions are thin: they capture nothing (they read their arguments with
    /// `Operators.int(_:)` and its siblings, `Operators+Arguments.swift`), so the compiler
    /// refuses a row whose semantics captures a value, and reading one from the dispatch
    /// table copies a bare function pointer, with no context to retain and release. The
    /// reference evaluator pays one array read and one indirect call per operation for it,
    /// which measured as fast as the switch it replaced (`Benchmarks/`).
    public enum Semantics: Sendable {
        /// Computes from one argument value.
        case unary(@convention(thin) (Value) throws(EvaluationFailure) -> Value)
        /// Computes from two argument values.
        case binary(@convention(thin) (Value, Value) throws(EvaluationFailure) -> Value)
        /// Computes from three argument values (`ite` from both branches' values).
        case ternary(@convention(thin) (Value, Value, Value) throws(EvaluationFailure) -> Value)
        /// Run by the evaluators themselves, which call its function arguments back
        /// (`map`, `fold`, `unfold`).
        case higherOrder

        /// The number of arguments the semantics takes; `nil` for higher-order operations.
        public var arity: Int? {
            switch self {
            case .unary: return 1
            case .binary: return 2
            case .ternary: return 3
            case .higherOrder: return nil
            }
        }
    }

    /// One operation's facts: its names, its type, its SMT-LIB name, its algebra, its
    /// reference semantics and its cost.
    ///
    /// Invariant: `arity` is the number of arguments of `signature`, and of `semantics`
    /// unless it is higher-order.
    ///
    /// ```swift
    /// Row(.add, "+", [.int, .int], .int, smt: "+", commutative: true, .binary { a, b throws(EvaluationFailure) in
    ///     let (x, y) = try ints(a, b)
    ///     return .int(try IntegerSemantics.add(x, y))
    /// })
    /// ```
    public struct Row: Sendable {
        /// The operation the row describes (its identity in programs).
        public let operation: Operation
        /// The theory whose file holds the row.
        public internal(set) var theory: Theory = .core
        /// The operation's name in programs and grammar files.
        public let name: String
        /// Other spellings of the operation (`if` for `ite`, `str.to.int` for `str.to_int`).
        public let aliases: [Alias]
        /// The types the name accepts.
        public let signature: Builtins.Signature
        /// The number of arguments the operation takes before it computes.
        public let arity: Int
        /// The SMT-LIB 2.6 name, `nil` for the list DSL's operations, which SMT-LIB lacks.
        public let smtLIBName: String?
        /// Whether the operation has two arguments that it may take in either order, with
        /// the same value or the same failure (it evaluates both).
        public let isCommutative: Bool
        /// Whether the operation calls function arguments back: the evaluators run it themselves.
        public let isHigherOrder: Bool
        /// The steps it costs besides its node.
        public let work: Work
        /// What it computes.
        public let semantics: Semantics

        init(_ operation: Operation, _ name: String, _ signature: Builtins.Signature, aliases: [Alias] = [],
             smt smtLIBName: String?, commutative: Bool = false, work: Work = .scansStrings, _ semantics: Semantics) {
            self.operation = operation
            self.name = name
            self.aliases = aliases
            self.signature = signature
            self.arity = signature.arity
            self.smtLIBName = smtLIBName
            self.isCommutative = commutative
            self.semantics = semantics
            if case .higherOrder = semantics {
                self.isHigherOrder = true
                self.work = .none
            } else {
                self.isHigherOrder = false
                self.work = work
            }
        }

        init(_ operation: Operation, _ name: String, _ arguments: [TypeExpr], _ result: TypeExpr, aliases: [Alias] = [],
             smt smtLIBName: String?, commutative: Bool = false, work: Work = .scansStrings, _ semantics: Semantics) {
            self.init(operation, name, .scheme(.function(arguments, result)), aliases: aliases, smt: smtLIBName,
                      commutative: commutative, work: work, semantics)
        }

        /// Every spelling of the operation with the types it accepts, the name first.
        public var spellings: [(name: String, signature: Builtins.Signature)] {
            [(name, signature)] + aliases.map { ($0.name, $0.signature ?? signature) }
        }
    }
}
