/// Reading the argument values of the kinds an operation takes: any other kind is a
/// `.typeMismatch`. The rows' semantics call these inside their closures, which so capture
/// nothing; every argument is read before anything is computed, so that a wrong kind is
/// always the failure.
extension Operators {
    /// An integer argument.
    @inline(__always)
    static func int(_ a: Value) throws(EvaluationFailure) -> Int {
        guard case .int(let x) = a else { throw .typeMismatch }
        return x
    }

    /// Two integer arguments.
    @inline(__always)
    static func ints(_ a: Value, _ b: Value) throws(EvaluationFailure) -> (Int, Int) {
        guard case .int(let x) = a, case .int(let y) = b else { throw .typeMismatch }
        return (x, y)
    }

    /// A Boolean argument.
    @inline(__always)
    static func bool(_ a: Value) throws(EvaluationFailure) -> Bool {
        guard case .bool(let x) = a else { throw .typeMismatch }
        return x
    }

    /// Two Boolean arguments.
    @inline(__always)
    static func bools(_ a: Value, _ b: Value) throws(EvaluationFailure) -> (Bool, Bool) {
        guard case .bool(let x) = a, case .bool(let y) = b else { throw .typeMismatch }
        return (x, y)
    }

    /// A string argument.
    @inline(__always)
    static func string(_ a: Value) throws(EvaluationFailure) -> StringValue {
        guard case .string(let s) = a else { throw .typeMismatch }
        return s
    }

    /// Two string arguments.
    @inline(__always)
    static func strings(_ a: Value, _ b: Value) throws(EvaluationFailure) -> (StringValue, StringValue) {
        guard case .string(let s) = a, case .string(let t) = b else { throw .typeMismatch }
        return (s, t)
    }

    /// Three string arguments.
    @inline(__always)
    static func strings(_ a: Value, _ b: Value, _ c: Value) throws(EvaluationFailure) -> (StringValue, StringValue, StringValue) {
        guard case .string(let s) = a, case .string(let t) = b, case .string(let u) = c else { throw .typeMismatch }
        return (s, t, u)
    }

    /// A list argument.
    @inline(__always)
    static func list(_ a: Value) throws(EvaluationFailure) -> [Value] {
        guard case .list(let items) = a else { throw .typeMismatch }
        return items
    }

    /// `f` on the bits of a bit-vector (`mask` is `BitVector.mask(width)`), giving a bit-vector of its width.
    @inline(__always)
    static func bitVector(_ a: Value, _ f: (_ a: UInt64, _ mask: UInt64) -> UInt64) throws(EvaluationFailure) -> Value {
        guard case .bitVector(let x) = a else { throw .typeMismatch }
        return .bitVector(BitVector(f(x.bits, BitVector.mask(x.width)), width: x.width))
    }

    /// `f` on the bits of two bit-vectors of one width, giving a bit-vector of that width.
    @inline(__always)
    static func bitVectors(
        _ a: Value, _ b: Value, _ f: (_ a: UInt64, _ b: UInt64, _ width: Int, _ mask: UInt64) -> UInt64
    ) throws(EvaluationFailure) -> Value {
        guard case .bitVector(let x) = a, case .bitVector(let y) = b, x.width == y.width else { throw .typeMismatch }
        return .bitVector(BitVector(f(x.bits, y.bits, x.width, BitVector.mask(x.width)), width: x.width))
    }

    /// `f` comparing two bit-vectors of one width as unsigned numbers.
    @inline(__always)
    static func compareBitVectors(_ a: Value, _ b: Value, _ f: (UInt64, UInt64) -> Bool) throws(EvaluationFailure) -> Value {
        guard case .bitVector(let x) = a, case .bitVector(let y) = b, x.width == y.width else { throw .typeMismatch }
        return .bool(f(x.bits, y.bits))
    }

    /// `f` comparing two bit-vectors of one width as two's-complement signed numbers.
    @inline(__always)
    static func compareSignedBitVectors(_ a: Value, _ b: Value, _ f: (Int64, Int64) -> Bool) throws(EvaluationFailure) -> Value {
        guard case .bitVector(let x) = a, case .bitVector(let y) = b, x.width == y.width else { throw .typeMismatch }
        return .bool(f(BitVectorSemantics.signed(x.bits, width: x.width), BitVectorSemantics.signed(y.bits, width: y.width)))
    }
}
