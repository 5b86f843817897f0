import CZ3

/// An uninterpreted function symbol (or a constant's symbol) with a fixed signature,
/// made by ``Context/declareFunction(_:domain:range:)`` and applied with
/// `Context.apply(_:_:)`.
///
/// Invariant: holds one Z3 reference and its ``Context`` strongly for its whole life.
public final class FunctionDeclaration: CustomStringConvertible {
    let context: Context
    let raw: OpaquePointer

    /// Wraps `raw`, which the caller has checked for errors, taking one reference.
    init(context: Context, raw: OpaquePointer) {
        self.context = context
        self.raw = raw
        Z3_inc_ref(context.raw, Z3_func_decl_to_ast(context.raw, raw))
    }

    deinit { Z3_dec_ref(context.raw, Z3_func_decl_to_ast(context.raw, raw)) }

    /// The symbol's name.
    public var name: String {
        let symbol = Z3_get_decl_name(context.raw, raw)
        return Z3_get_symbol_string(context.raw, symbol).map { String(cString: $0) } ?? ""
    }

    /// The number of arguments the function takes.
    public var arity: Int { Int(Z3_get_arity(context.raw, raw)) }

    /// The sort of the function's result.
    public var range: Sort { Sort(context: context, raw: Z3_get_range(context.raw, raw)) }

    /// The SMT-LIB declaration, e.g. `(declare-fun f (Int) Int)`.
    public var description: String {
        Z3_func_decl_to_string(context.raw, raw).map { String(cString: $0) } ?? "<declaration>"
    }
}
