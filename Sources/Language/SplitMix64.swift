/// A small seeded pseudo-random generator (Steele, Lea and Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014): everything randomised in Ouroboros takes
/// a seed, so every run, test and failure can be reproduced.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stable seed for a name (FNV-1a; `Hasher` is randomised per run).
    public static func seed(for name: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

extension SplitMix64 {
    /// A value of `sort`, favouring edge cases (random points of counterexample-guided
    /// synthesis, sample inputs of a reference implementation).
    public mutating func value(of sort: TypeExpr) -> Value {
        let r = next()
        switch sort {
        case .bitVector(let width):
            let mask = BitVector.mask(width)
            let choices: [UInt64] = [0, 1, mask, 1 << UInt64(width - 1), next(), next(), next() & 0xFF, next()]
            return .bitVector(choices[Int(r % UInt64(choices.count))], width: width)
        case .int: return .int(Int(r % 201) - 100)
        case .bool: return .bool(r & 1 == 1)
        case .string:
            let alphabet = Array("ab -.1")
            return .string(String((0..<Int(r % 5)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }))
        default: return .int(0)
        }
    }
}
