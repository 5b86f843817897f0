import Language

/// Tight loops computing one operation over whole output vectors of words.
///
/// `a`, `b`, `c` are the operand vectors, `out` the result, `n` their length. Returns
/// `false` when some example fails (an integer overflow or division by zero): the candidate
/// then has no output vector.
enum WordKernels {
    /// Whether `op` has a word kernel for these argument kinds.
    static func supports(_ op: Operation, _ kinds: [ValueKind]) -> Bool {
        guard kinds.allSatisfy(\.isWord) else { return false }
        switch op {
        case .bvnot, .bvneg, .bvand, .bvor, .bvxor, .bvnand, .bvnor, .bvxnor, .bvadd, .bvsub, .bvmul,
             .bvudiv, .bvurem, .bvsdiv, .bvsrem, .bvsmod, .bvshl, .bvlshr, .bvashr,
             .bvult, .bvule, .bvugt, .bvuge, .bvslt, .bvsle, .bvsgt, .bvsge,
             .equal, .distinct, .ite, .not, .and, .or, .xor, .implies,
             .add, .subtract, .multiply, .negate, .abs, .div, .mod,
             .less, .lessOrEqual, .greater, .greaterOrEqual:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func map1(_ a: UnsafePointer<UInt64>, _ out: UnsafeMutablePointer<UInt64>, _ n: Int,
                     _ f: (UInt64) -> UInt64) {
        for i in 0..<n { out[i] = f(a[i]) }
    }

    @inline(__always)
    static func map2(_ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>, _ out: UnsafeMutablePointer<UInt64>,
                     _ n: Int, _ f: (UInt64, UInt64) -> UInt64) {
        for i in 0..<n { out[i] = f(a[i], b[i]) }
    }

    @inline(__always)
    static func int(_ w: UInt64) -> Int { Int(Int64(bitPattern: w)) }

    @inline(__always)
    static func word(_ i: Int) -> UInt64 { UInt64(bitPattern: Int64(i)) }

    /// Runs `op` where `kinds` are the argument kinds (the first decides the width).
    static func run(_ op: Operation, _ kinds: [ValueKind],
                    _ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>?, _ c: UnsafePointer<UInt64>?,
                    _ out: UnsafeMutablePointer<UInt64>, _ n: Int) -> Bool {
        var width = 64
        if case .bitVector(let w) = kinds[0] { width = w }
        let mask = BitVector.mask(width)
        switch op {
        case .bvnot: map1(a, out, n) { ~$0 & mask }
        case .bvneg: map1(a, out, n) { (0 &- $0) & mask }
        case .not: map1(a, out, n) { $0 ^ 1 }
        case .negate:
            var ok = true
            map1(a, out, n) { x in
                if x == UInt64(bitPattern: Int64.min) { ok = false }
                return 0 &- x
            }
            return ok
        case .abs:
            var ok = true
            map1(a, out, n) { x in
                if x == UInt64(bitPattern: Int64.min) { ok = false }
                return Int64(bitPattern: x) < 0 ? 0 &- x : x
            }
            return ok
        case .ite:
            let b = b!, c = c!
            for i in 0..<n { out[i] = a[i] != 0 ? b[i] : c[i] }
        default:
            return runBinary(op, width, mask, a, b!, out, n)
        }
        return true
    }

    // Longer than 80 lines on purpose: one switch over the binary word kernels, each a loop of
    // a line or two over the examples; splitting it would add a call per kernel run.
    private static func runBinary(_ op: Operation, _ width: Int, _ mask: UInt64,
                                  _ a: UnsafePointer<UInt64>, _ b: UnsafePointer<UInt64>,
                                  _ out: UnsafeMutablePointer<UInt64>, _ n: Int) -> Bool {
        let shiftWidth = UInt64(width)
        switch op {
        case .bvand: map2(a, b, out, n) { $0 & $1 }
        case .bvor: map2(a, b, out, n) { $0 | $1 }
        case .bvxor: map2(a, b, out, n) { $0 ^ $1 }
        case .bvnand: map2(a, b, out, n) { ~($0 & $1) & mask }
        case .bvnor: map2(a, b, out, n) { ~($0 | $1) & mask }
        case .bvxnor: map2(a, b, out, n) { ~($0 ^ $1) & mask }
        case .bvadd: map2(a, b, out, n) { ($0 &+ $1) & mask }
        case .bvsub: map2(a, b, out, n) { ($0 &- $1) & mask }
        case .bvmul: map2(a, b, out, n) { ($0 &* $1) & mask }
        case .bvudiv: map2(a, b, out, n) { $1 == 0 ? mask : $0 / $1 }
        case .bvurem: map2(a, b, out, n) { $1 == 0 ? $0 : $0 % $1 }
        case .bvsdiv: map2(a, b, out, n) { BitVectorSemantics.sdiv($0, $1, width: width, mask: mask) }
        case .bvsrem: map2(a, b, out, n) { BitVectorSemantics.srem($0, $1, width: width, mask: mask) }
        case .bvsmod: map2(a, b, out, n) { BitVectorSemantics.smod($0, $1, width: width, mask: mask) }
        case .bvshl: map2(a, b, out, n) { $1 >= shiftWidth ? 0 : ($0 << $1) & mask }
        case .bvlshr: map2(a, b, out, n) { $1 >= shiftWidth ? 0 : $0 >> $1 }
        case .bvashr: map2(a, b, out, n) { BitVectorSemantics.ashr($0, $1, width: width, mask: mask) }
        case .bvult: map2(a, b, out, n) { $0 < $1 ? 1 : 0 }
        case .bvule: map2(a, b, out, n) { $0 <= $1 ? 1 : 0 }
        case .bvugt: map2(a, b, out, n) { $0 > $1 ? 1 : 0 }
        case .bvuge: map2(a, b, out, n) { $0 >= $1 ? 1 : 0 }
        case .bvslt, .bvsle, .bvsgt, .bvsge:
            let shift = UInt64(64 - width)
            // Moving the sign bit to bit 63 makes a signed 64-bit comparison exact at any width.
            map2(a, b, out, n) { x, y in
                let sx = Int64(bitPattern: x << shift), sy = Int64(bitPattern: y << shift)
                switch op {
                case .bvslt: return sx < sy ? 1 : 0
                case .bvsle: return sx <= sy ? 1 : 0
                case .bvsgt: return sx > sy ? 1 : 0
                default: return sx >= sy ? 1 : 0
                }
            }
        case .equal: map2(a, b, out, n) { $0 == $1 ? 1 : 0 }
        case .distinct: map2(a, b, out, n) { $0 != $1 ? 1 : 0 }
        case .and: map2(a, b, out, n) { $0 & $1 }
        case .or: map2(a, b, out, n) { $0 | $1 }
        case .xor: map2(a, b, out, n) { $0 ^ $1 }
        case .implies: map2(a, b, out, n) { ($0 ^ 1) | $1 }
        case .less: map2(a, b, out, n) { int($0) < int($1) ? 1 : 0 }
        case .lessOrEqual: map2(a, b, out, n) { int($0) <= int($1) ? 1 : 0 }
        case .greater: map2(a, b, out, n) { int($0) > int($1) ? 1 : 0 }
        case .greaterOrEqual: map2(a, b, out, n) { int($0) >= int($1) ? 1 : 0 }
        case .add:
            var overflow = false
            map2(a, b, out, n) { x, y in
                let (r, o) = int(x).addingReportingOverflow(int(y))
                overflow = overflow || o
                return word(r)
            }
            return !overflow
        case .subtract:
            var overflow = false
            map2(a, b, out, n) { x, y in
                let (r, o) = int(x).subtractingReportingOverflow(int(y))
                overflow = overflow || o
                return word(r)
            }
            return !overflow
        case .multiply:
            var overflow = false
            map2(a, b, out, n) { x, y in
                let (r, o) = int(x).multipliedReportingOverflow(by: int(y))
                overflow = overflow || o
                return word(r)
            }
            return !overflow
        case .div, .mod:
            for i in 0..<n {
                do {
                    out[i] = word(op == .div ? try IntegerSemantics.div(int(a[i]), int(b[i]))
                                             : try IntegerSemantics.mod(int(a[i]), int(b[i])))
                } catch {
                    return false
                }
            }
        default:
            preconditionFailure("no word kernel for \(op)")
        }
        return true
    }
}
