/// SMT-LIB Strings on code points, total as the standard defines them (`StringSemantics`);
/// a string longer than `Evaluator.maximumListLength` is a `.budgetExhausted` failure.
extension Operators {
    private typealias S = StringSemantics
    private static let limit = Evaluator.maximumListLength

    static let strings: [Row] = [
        Row(.strConcat, "str.++", [.string, .string], .string, smt: "str.++", .binary { a, b throws(EvaluationFailure) in
            let (s, t) = try strings(a, b)
            guard s.count + t.count <= limit else { throw .budgetExhausted }
            return .string(StringValue(codePoints: s.codePoints + t.codePoints))
        }),
        Row(.strLength, "str.len", [.string], .int, smt: "str.len", work: .none,
            .unary { a throws(EvaluationFailure) in .int(try string(a).count) }),
        Row(.strAt, "str.at", [.string, .int], .string, smt: "str.at", .binary { a, b throws(EvaluationFailure) in
            let (s, i) = (try string(a), try int(b))
            return .string(S.at(s, i))
        }),
        Row(.strSubstring, "str.substr", [.string, .int, .int], .string, smt: "str.substr",
            .ternary { a, b, c throws(EvaluationFailure) in
                let (s, i, n) = (try string(a), try int(b), try int(c))
                return .string(S.substring(s, i, n))
            }),
        Row(.strIndexOf, "str.indexof", [.string, .string, .int], .int, smt: "str.indexof",
            .ternary { a, b, c throws(EvaluationFailure) in
                let (s, t, i) = (try string(a), try string(b), try int(c))
                return .int(S.indexOf(s, t, i))
            }),
        Row(.strReplace, "str.replace", [.string, .string, .string], .string, smt: "str.replace",
            .ternary { a, b, c throws(EvaluationFailure) in
                let (s, t, u) = try strings(a, b, c)
                let result = S.replace(s, t, u)
                guard result.count <= limit else { throw .budgetExhausted }
                return .string(result)
            }),
        Row(.strReplaceAll, "str.replace_all", [.string, .string, .string], .string, smt: "str.replace_all",
            work: .scansStringsAndResult, .ternary { a, b, c throws(EvaluationFailure) in
                let (s, t, u) = try strings(a, b, c)
                return .string(try S.replaceAll(s, t, u, maximumLength: limit))
            }),
        Row(.strPrefixOf, "str.prefixof", [.string, .string], .bool, smt: "str.prefixof",
            .binary { a, b throws(EvaluationFailure) in
                let (s, t) = try strings(a, b)
                return .bool(S.isPrefix(s, of: t))
            }),
        Row(.strSuffixOf, "str.suffixof", [.string, .string], .bool, smt: "str.suffixof",
            .binary { a, b throws(EvaluationFailure) in
                let (s, t) = try strings(a, b)
                return .bool(S.isSuffix(s, of: t))
            }),
        Row(.strContains, "str.contains", [.string, .string], .bool, smt: "str.contains",
            .binary { a, b throws(EvaluationFailure) in
                let (s, t) = try strings(a, b)
                return .bool(S.contains(s, t))
            }),
        Row(.strToInt, "str.to_int", [.string], .int, aliases: ["str.to.int"], smt: "str.to_int",
            .unary { a throws(EvaluationFailure) in .int(try S.toInt(try string(a))) }),
        Row(.strFromInt, "str.from_int", [.int], .string, aliases: ["int.to.str"], smt: "str.from_int",
            .unary { a throws(EvaluationFailure) in .string(S.fromInt(try int(a))) }),
        Row(.strLess, "str.<", [.string, .string], .bool, smt: "str.<", .binary { a, b throws(EvaluationFailure) in
            let (s, t) = try strings(a, b)
            return .bool(s < t)
        }),
        Row(.strLessOrEqual, "str.<=", [.string, .string], .bool, smt: "str.<=", .binary { a, b throws(EvaluationFailure) in
            let (s, t) = try strings(a, b)
            return .bool(s <= t)
        }),
    ]
}
