import CZ3

/// A Z3 term (expression): a constant, a literal or an operator applied to terms.
///
/// Invariant: holds one Z3 reference and its ``Context`` strongly for its whole life.
/// Z3 hash-conses terms, so two terms are equal exactly when they are structurally identical
/// in the same context (`x + 1` and `1 + x` differ; ``Context/simplify(_:)`` may unify them).
public final class Term: CustomStringConvertible, Hashable {
    let context: Context
    let raw: OpaquePointer

    /// Wraps `raw`, which the caller has checked for errors, taking one reference.
    init(context: Context, raw: OpaquePointer) {
        self.context = context
        self.raw = raw
        Z3_inc_ref(context.raw, raw)
    }

    deinit { Z3_dec_ref(context.raw, raw) }

    /// The term's sort.
    public var sort: Sort { Sort(context: context, raw: Z3_get_sort(context.raw, raw)) }

    /// The function symbol at the root, when the term is an application (constants included).
    public var declaration: FunctionDeclaration? {
        guard Z3_get_ast_kind(context.raw, raw) == Z3_APP_AST,
              let declaration = Z3_get_app_decl(context.raw, Z3_to_app(context.raw, raw))
        else { return nil }
        return FunctionDeclaration(context: context, raw: declaration)
    }

    /// The SMT-LIB text of the term.
    public var description: String {
        Z3_ast_to_string(context.raw, raw).map { String(cString: $0) } ?? "<term>"
    }

    public static func == (lhs: Term, rhs: Term) -> Bool {
        lhs.context === rhs.context && Z3_is_eq_ast(lhs.context.raw, lhs.raw, rhs.raw)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(Z3_get_ast_hash(context.raw, raw))
    }
}
