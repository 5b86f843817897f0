import CZ3

/// Reading literals back into Swift values. Each accessor returns `nil` unless the term is a
/// literal of the matching sort (model values and simplified ground terms are literals).
extension Term {
    /// `true` or `false` for the literals `true` and `false`.
    public var boolValue: Bool? {
        switch Z3_get_bool_value(context.raw, raw) {
        case Z3_L_TRUE: true
        case Z3_L_FALSE: false
        default: nil
        }
    }

    /// The value of an integer numeral, or `nil` if it is not one or lies outside `Int`.
    public var intValue: Int? {
        guard Z3_get_sort_kind(context.raw, Z3_get_sort(context.raw, raw)) == Z3_INT_SORT,
              Z3_is_numeral_ast(context.raw, raw)
        else { return nil }
        var value: Int64 = 0
        let fits = Z3_get_numeral_int64(context.raw, raw, &value)
        guard Z3_get_error_code(context.raw) == Z3_OK else {
            Z3_set_error(context.raw, Z3_OK)
            return nil
        }
        return fits ? Int(value) : nil
    }

    /// The bits of a bit-vector numeral of width at most 64 (bit *i* of the vector is bit *i*
    /// of the result), or `nil`.
    public var bitVectorValue: UInt64? {
        let sort = Z3_get_sort(context.raw, raw)
        guard Z3_get_sort_kind(context.raw, sort) == Z3_BV_SORT,
              Z3_get_bv_sort_size(context.raw, sort) <= 64,
              Z3_is_numeral_ast(context.raw, raw)
        else { return nil }
        var value: UInt64 = 0
        let fits = Z3_get_numeral_uint64(context.raw, raw, &value)
        guard Z3_get_error_code(context.raw) == Z3_OK else {
            Z3_set_error(context.raw, Z3_OK)
            return nil
        }
        return fits ? value : nil
    }

    /// The exact Swift string of a string literal: the inverse of ``Context/string(_:)``.
    public var stringValue: String? {
        guard Z3_is_string(context.raw, raw) else { return nil }
        return try? Z3StringCodec.decode(self)
    }
}
