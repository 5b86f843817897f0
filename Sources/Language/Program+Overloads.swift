extension Program {
    /// This program and the programs that differ from it only in which overload of a name each
    /// primitive leaf is: another primitive of `table` with the same name and arity (`ite` at
    /// several sorts, `bvadd` at several widths). A reader resolves such a name to its first
    /// overload; type checking then picks the reading that fits. At most `limit` readings,
    /// this program first.
    public func overloadReadings(in table: PrimitiveTable, limit: Int = 4_096) -> [Program] {
        switch self {
        case .primitive(let primitive):
            let others = (table.primitives[primitive.name] ?? []).filter { $0 != primitive && $0.arity == primitive.arity }
            return [self] + others.prefix(max(0, limit - 1)).map { .primitive($0) }
        case .invented, .variable:
            return [self]
        case .lambda(let body):
            return body.overloadReadings(in: table, limit: limit).map { .lambda($0) }
        case .apply(let function, let argument):
            var readings: [Program] = []
            let arguments = argument.overloadReadings(in: table, limit: limit)
            for f in function.overloadReadings(in: table, limit: limit) {
                for x in arguments {
                    guard readings.count < limit else { return readings }
                    readings.append(.apply(f, x))
                }
            }
            return readings
        }
    }
}
