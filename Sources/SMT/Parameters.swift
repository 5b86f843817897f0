import CZ3

/// A Z3 parameter set (`Z3_params`), used to configure solvers.
///
/// Invariant: holds one Z3 reference and its ``Context`` strongly for its whole life.
final class Parameters {
    let context: Context
    let raw: OpaquePointer

    init(context: Context) throws(SMTError) {
        let params = Z3_mk_params(context.raw)
        try context.check("creating a parameter set")
        guard let params else {
            throw .z3(code: -1, message: "Z3 returned no parameter set", operation: "creating a parameter set")
        }
        self.context = context
        self.raw = params
        Z3_params_inc_ref(context.raw, params)
    }

    deinit { Z3_params_dec_ref(context.raw, raw) }

    /// Sets the unsigned parameter `name` to `value`.
    func set(_ name: String, _ value: UInt32) throws(SMTError) {
        let symbol = try context.symbol(name)
        Z3_params_set_uint(context.raw, raw, symbol, value)
        try context.check("setting the parameter \(name) to \(value)")
    }
}
