extension Program {
    /// This program and the programs that differ from it only in which overload of a name each
    /// primitive leaf is: another primitive of `table` with the same name and arity (`ite` at
    /// several sorts, `bvadd` at several widths). A reader resolves such a name to its first
    /// overload; type checking then picks the reading that fits. This program first; only
    /// this program when there would be more than `limit` readings.
    public func overloadReadings(in table: PrimitiveTable, limit: Int = 4_096) -> [Program] {
        // The alternatives of each overloaded leaf, in preorder.
        var choices: [[Primitive]] = []
        var count = 1
        func collect(_ program: Program) {
            switch program {
            case .primitive(let primitive):
                let others = (table.primitives[primitive.name] ?? []).filter { $0 != primitive && $0.arity == primitive.arity }
                if !others.isEmpty {
                    choices.append([primitive] + others)
                    count = count > limit ? count : count * (others.count + 1)
                }
            case .invented, .variable: break
            case .lambda(let body): collect(body)
            case .apply(let function, let argument):
                collect(function)
                collect(argument)
            }
        }
        collect(self)
        guard !choices.isEmpty, count <= limit else { return [self] }

        // Reading `n` takes, at the i-th overloaded leaf, alternative (n / Π earlier sizes) mod size.
        func reading(_ n: Int) -> Program {
            var leaf = 0
            var stride = 1
            func rebuild(_ program: Program) -> Program {
                switch program {
                case .primitive(let primitive):
                    guard leaf < choices.count, choices[leaf][0] == primitive else { return program }
                    let alternatives = choices[leaf]
                    let picked = alternatives[(n / stride) % alternatives.count]
                    stride *= alternatives.count
                    leaf += 1
                    return .primitive(picked)
                case .invented, .variable: return program
                case .lambda(let body): return .lambda(rebuild(body))
                case .apply(let function, let argument):
                    let f = rebuild(function)
                    return .apply(f, rebuild(argument))
                }
            }
            return rebuild(self)
        }
        return (0..<count).map(reading)
    }
}
