import CZ3

/// What kind of values a ``Sort`` holds, as Swift sees it.
public enum SortKind: Equatable, Hashable, Sendable {
    case bool
    case int
    case string
    case bitVector(width: Int)
    /// Any other Z3 sort, named by its SMT-LIB text.
    case other(String)
}

/// A Z3 sort (type) such as `Bool`, `Int`, `String` or `(_ BitVec 64)`.
///
/// Invariant: holds one Z3 reference to its AST and its ``Context`` strongly for its whole
/// life. Two sorts are equal when Z3 considers them the same sort in the same context.
public final class Sort: CustomStringConvertible, Hashable {
    let context: Context
    let raw: OpaquePointer

    /// Wraps `raw`, which the caller has checked for errors, taking one reference.
    init(context: Context, raw: OpaquePointer) {
        self.context = context
        self.raw = raw
        Z3_inc_ref(context.raw, Z3_sort_to_ast(context.raw, raw))
    }

    deinit { Z3_dec_ref(context.raw, Z3_sort_to_ast(context.raw, raw)) }

    /// The kind of this sort; bit-vectors carry their width.
    public var kind: SortKind {
        switch Z3_get_sort_kind(context.raw, raw) {
        case Z3_BOOL_SORT: .bool
        case Z3_INT_SORT: .int
        case Z3_BV_SORT: .bitVector(width: Int(Z3_get_bv_sort_size(context.raw, raw)))
        case Z3_SEQ_SORT where Z3_is_string_sort(context.raw, raw): .string
        default: .other(description)
        }
    }

    /// The SMT-LIB text of the sort, e.g. `(_ BitVec 64)`.
    public var description: String {
        Z3_sort_to_string(context.raw, raw).map { String(cString: $0) } ?? "<sort>"
    }

    public static func == (lhs: Sort, rhs: Sort) -> Bool {
        lhs.context === rhs.context && Z3_is_eq_sort(lhs.context.raw, lhs.raw, rhs.raw)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(Z3_get_ast_hash(context.raw, Z3_sort_to_ast(context.raw, raw)))
    }
}
