extension Builtins {
    /// The built-in `name` applied to arguments of `argumentSorts`, with its type fixed by
    /// those sorts: the first catalogue entry spelled `name` that accepts them, or `nil`.
    ///
    /// Overloads are told apart by the arguments (unary `-` is `negate`, binary `-` is
    /// `subtract`); a scheme's result is found by unification, so `ite` on `(Bool, Int, Int)`
    /// is `bool -> int -> int -> int` and `=` on two `bv32`s is `bv32 -> bv32 -> bool`.
    /// A name with no arguments (`true`) resolves to its constant.
    ///
    /// ```
    /// Builtins.primitive(named: "bvadd", argumentSorts: [.bitVector(width: 8), .bitVector(width: 8)])
    /// // bvadd : bv8 -> bv8 -> bv8
    /// Builtins.primitive(named: "bvadd", argumentSorts: [.bitVector(width: 8), .int])  // nil
    /// ```
    public static func primitive(named name: String, argumentSorts: [TypeExpr]) -> Primitive? {
        for entry in entries(named: name) {
            if let type = entry.signature.type(argumentSorts: argumentSorts) {
                return Primitive(name: name, type: type, implementation: entry.implementation)
            }
        }
        return nil
    }
}

extension Builtins.Signature {
    /// The signature's type when applied to arguments of `argumentSorts` (all of them, so a
    /// function type of that many arguments), or `nil` when it does not accept them.
    public func type(argumentSorts: [TypeExpr]) -> TypeExpr? {
        switch self {
        case .scheme(let scheme):
            guard scheme.arguments.count == argumentSorts.count else { return nil }
            // Rename the scheme's variables apart from any in the arguments before unifying.
            let firstFree = argumentSorts.flatMap(\.variables).max().map { $0 + 1 } ?? 0
            var context = TypeContext(nextVariable: firstFree)
            let instance = context.instantiate(scheme)
            for (parameter, argument) in zip(instance.arguments, argumentSorts) {
                do {
                    try context.unify(parameter, argument)
                } catch {
                    return nil
                }
            }
            return context.apply(.function(argumentSorts, instance.returnType))
        case .bitVectorUnary, .bitVectorBinary, .bitVectorComparison:
            guard case .bitVector(let width) = argumentSorts.first else { return nil }
            let type = self.type(width: width)
            return type.arguments == argumentSorts ? type : nil
        }
    }
}
