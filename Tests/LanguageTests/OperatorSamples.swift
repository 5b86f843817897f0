import Language

/// The concrete types at which the operator tests run a row, and random arguments of them.
extension Operators.Row {
    /// The row's signature at each of `sorts` for its type variables (one variable at a time
    /// for all of them) and at each of `widths` for bit-vector signatures.
    func instances(sorts: [TypeExpr], widths: [Int] = [1, 8, 32, 64]) -> [TypeExpr] {
        switch signature {
        case .scheme(let scheme) where scheme.isPolymorphic:
            return sorts.map { sort in scheme.substituting(sort) }
        case .scheme(let type):
            return [type]
        case .bitVectorUnary, .bitVectorBinary, .bitVectorComparison:
            return widths.map { signature.type(width: $0) }
        }
    }
}

extension TypeExpr {
    /// The type with every type variable replaced by `sort`.
    func substituting(_ sort: TypeExpr) -> TypeExpr {
        switch self {
        case .variable: return sort
        case .list(let element): return .list(element.substituting(sort))
        case .arrow(let a, let b): return .arrow(a.substituting(sort), b.substituting(sort))
        case .int, .bool, .string, .bitVector: return self
        }
    }
}

/// Random argument values for operator tests: edge values often, small ones often, and now
/// and then strings and lists near `Evaluator.maximumListLength`.
struct OperatorSamples {
    var random: SplitMix64

    init(seed name: String) {
        random = SplitMix64(seed: SplitMix64.seed(for: name))
    }

    private mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    private static let integerEdges = [
        0, 1, -1, 2, -2, 3, 10, Int.max, Int.min, Int.max - 1, Int.min + 1,
        1 << 31, -(1 << 31), 1 << 32, 3_037_000_499, 1 << 62, -(1 << 62), 99_999, 100_000, 100_001,
    ]

    mutating func value(of type: TypeExpr) -> Value {
        switch type {
        case .int:
            if chance(25) { return .int(Self.integerEdges[Int(random.next() % UInt64(Self.integerEdges.count))]) }
            if chance(70) { return .int(Int(random.next() % 21) - 10) }
            return .int(Int(bitPattern: UInt(random.next())))
        case .bool:
            return .bool(random.next() & 1 == 1)
        case .bitVector(let width):
            let mask = BitVector.mask(width), sign: UInt64 = 1 << UInt64(width - 1)
            let edges: [UInt64] = [0, 1, 2, mask, mask - 1, sign, sign - 1, sign + 1, UInt64(width), UInt64(width + 1)]
            let bits = chance(40) ? edges[Int(random.next() % UInt64(edges.count))] : random.next()
            return .bitVector(bits & mask, width: width)
        case .string:
            if chance(2) { return .string(StringValue(codePoints: Array(repeating: 0x61, count: 60_000))) }
            let alphabet: [UInt32] = Array("ab-12".unicodeScalars.map(\.value)) + [0x30, 0x39, 0xE9, 0x1F600]
            let count = Int(random.next() % 7)
            return .string(StringValue(codePoints: (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
        case .list(let element):
            if chance(1) { return .list(Array(repeating: value(of: element), count: Evaluator.maximumListLength)) }
            let count = chance(20) ? 0 : Int(random.next() % 9)
            return .list((0..<count).map { _ in value(of: element) })
        case .arrow, .variable:
            preconditionFailure("no sample values of \(type)")
        }
    }
}
