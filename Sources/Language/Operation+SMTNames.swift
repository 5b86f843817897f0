extension Operation {
    /// The SMT-LIB 2.6 name of the operation, or `nil` for the lists domain's higher-order
    /// and list operations, which SMT-LIB lacks.
    public var smtLIBName: String? {
        switch self {
        case .equal: return "="
        case .distinct: return "distinct"
        case .ite: return "ite"
        case .not: return "not"
        case .and: return "and"
        case .or: return "or"
        case .xor: return "xor"
        case .implies: return "=>"
        case .add: return "+"
        case .subtract, .negate: return "-"
        case .multiply: return "*"
        case .div: return "div"
        case .mod: return "mod"
        case .abs: return "abs"
        case .less: return "<"
        case .lessOrEqual: return "<="
        case .greater: return ">"
        case .greaterOrEqual: return ">="
        case .bvnot, .bvneg, .bvand, .bvor, .bvxor, .bvnand, .bvnor, .bvxnor, .bvadd, .bvsub, .bvmul,
             .bvudiv, .bvurem, .bvsdiv, .bvsrem, .bvsmod, .bvshl, .bvlshr, .bvashr,
             .bvult, .bvule, .bvugt, .bvuge, .bvslt, .bvsle, .bvsgt, .bvsge:
            return rawValue
        case .strConcat: return "str.++"
        case .strLength: return "str.len"
        case .strAt: return "str.at"
        case .strSubstring: return "str.substr"
        case .strIndexOf: return "str.indexof"
        case .strReplace: return "str.replace"
        case .strReplaceAll: return "str.replace_all"
        case .strPrefixOf: return "str.prefixof"
        case .strSuffixOf: return "str.suffixof"
        case .strContains: return "str.contains"
        case .strToInt: return "str.to_int"
        case .strFromInt: return "str.from_int"
        case .strLess: return "str.<"
        case .strLessOrEqual: return "str.<="
        case .map, .fold, .unfold, .range, .index, .length, .cons, .car, .cdr, .isEmpty, .isPrime, .isSquare:
            return nil
        }
    }
}
