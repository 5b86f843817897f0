/// The SMT-LIB operators that ``Context/apply(_:_:)`` builds, by name and number of arguments:
/// for other modules to check their own tables against (the language's operator catalogue is
/// tested to name only operators listed here, at arities they accept).
///
/// ```swift
/// SMTOperators.supports(name: "bvadd", arity: 2)        // true
/// SMTOperators.supports(name: "str.indexof", arity: 2)  // true: the offset defaults to 0
/// SMTOperators.supports(name: "bvadd", arity: 1)        // false
/// ```
public enum SMTOperators {
    /// Every operator name `Context.apply` knows, sorted.
    public static var names: [String] {
        OperatorTable.definitions.keys.sorted()
    }

    /// Whether `Context.apply(name, arguments)` builds a term from `arity` arguments.
    public static func supports(name: String, arity: Int) -> Bool {
        OperatorTable.definitions[name]?.arity.contains(arity) ?? false
    }
}
