import Foundation
import Language

/// Where one string of an output vector lies: code points `start ..< start + count` of the
/// bank's `codes`, or of `scratch` for a temporary of the candidate being evaluated.
struct StringRange {
    var start: Int32
    var count: Int32
}

/// String operations computed on code points in place, over a whole output vector: the
/// string counterpart of `WordKernels`. Results go to `scratch` (strings) or to a word vector
/// (lengths, positions, Booleans), with no allocation per string. Semantics are SMT-LIB 2.6's,
/// as `StringSemantics` and `Operation.evaluate` define them, failures included: a result
/// longer than `Evaluator.maximumListLength`, an integer beyond 64 bits from `str.to_int`.
extension BottomUpEnumerator {
    /// Whether a string kernel computes `op` over arguments of these kinds.
    static func hasStringKernel(_ op: Language.Operation, _ kinds: [ValueKind]) -> Bool {
        switch (op, kinds) {
        case (.strConcat, [.string, .string]), (.strPrefixOf, [.string, .string]), (.strSuffixOf, [.string, .string]),
             (.strContains, [.string, .string]), (.equal, [.string, .string]), (.distinct, [.string, .string]),
             (.strLength, [.string]), (.strToInt, [.string]), (.strFromInt, [.integer]),
             (.strAt, [.string, .integer]), (.strSubstring, [.string, .integer, .integer]),
             (.strIndexOf, [.string, .string, .integer]), (.strReplace, [.string, .string, .string]),
             (.ite, [.boolean, .string, .string]):
            return true
        default:
            return false
        }
    }

    /// The code points of a string operand on example `i`; valid until `scratch` next grows.
    @inline(__always)
    func codePoints(_ operand: CompiledRule.Operand, _ children: UnsafePointer<Int32>, _ i: Int) -> UnsafeBufferPointer<UInt32> {
        let n = exampleCount
        let range: StringRange
        var buffer = codes.base
        switch operand {
        case .child(let j): range = stringRanges[Int(entries[Int(children[j])].slot) * n + i]
        case .input(let p): range = stringRanges[inputSlots[p] * n + i]
        case .constant(let k): range = stringRanges[constantSlots[k] * n + i]
        case .temporary(let t):
            range = temporaryRanges[t * n + i]
            buffer = scratch.base
        }
        return UnsafeBufferPointer(start: buffer + Int(range.start), count: Int(range.count))
    }

    /// Appends `codePoints` to `scratch` as temporary `output`'s string on example `i`.
    func storeTemporary(_ codePoints: [UInt32], output: Int, example i: Int) {
        scratch.reserve(codePoints.count)
        codePoints.withUnsafeBufferPointer { Self.copy($0, to: scratch.base + scratch.count) }
        finishTemporary(output: output, example: i, count: codePoints.count)
    }

    /// Appends a string (not itself in `codes`) to the bank: its code points to `codes`, its range to `stringRanges`.
    func storeInBank(_ codePoints: UnsafeBufferPointer<UInt32>) {
        codes.reserve(codePoints.count)
        Self.copy(codePoints, to: codes.base + codes.count)
        stringRanges.append(StringRange(start: Int32(codes.count), count: Int32(codePoints.count)))
        codes.count += codePoints.count
    }

    @inline(__always)
    private static func copy(_ codePoints: UnsafeBufferPointer<UInt32>, to destination: UnsafeMutablePointer<UInt32>) {
        if let start = codePoints.baseAddress { destination.update(from: start, count: codePoints.count) }
    }

    /// Records the `count` code points just written past `scratch.count` as temporary
    /// `output`'s string on example `i`.
    @inline(__always)
    private func finishTemporary(output: Int, example i: Int, count: Int) {
        temporaryRanges[output * exampleCount + i] = StringRange(start: Int32(scratch.count), count: Int32(count))
        scratch.count += count
    }

    /// Runs a string kernel (`hasStringKernel`); `false` when some example fails.
    // Longer than 80 lines on purpose: one switch over the string kernels, each a few lines,
    // run for every candidate on every example; splitting it would add a call per kernel run.
    func executeStringKernel(_ instruction: CompiledRule.Instruction, _ children: UnsafePointer<Int32>,
                             wordOutput: UnsafeMutablePointer<UInt64>) -> Bool {
        let n = exampleCount
        let o = instruction.operands
        let output = instruction.output
        func int(_ k: Int, _ i: Int) -> Int { Int(Int64(bitPattern: wordPointer(o[k], children)[i])) }
        func word(_ b: Bool) -> UInt64 { b ? 1 : 0 }
        /// Writes the string `write` makes (at most `bound` code points) as example `i`'s result.
        func produce(_ i: Int, bound: Int, _ write: (UnsafeMutablePointer<UInt32>) -> Int) {
            scratch.reserve(bound)
            finishTemporary(output: output, example: i, count: write(scratch.base + scratch.count))
        }
        switch instruction.operation {
        case .strConcat:
            for i in 0..<n {
                let total = codePoints(o[0], children, i).count + codePoints(o[1], children, i).count
                guard total <= Evaluator.maximumListLength else { return false }
                produce(i, bound: total) { out in
                    let s = codePoints(o[0], children, i), t = codePoints(o[1], children, i)
                    out.update(from: s.baseAddress!, count: s.count)
                    (out + s.count).update(from: t.baseAddress!, count: t.count)
                    return total
                }
            }
        case .strAt:
            for i in 0..<n {
                let index = int(1, i)
                produce(i, bound: 1) { out in
                    let s = codePoints(o[0], children, i)
                    guard index >= 0 && index < s.count else { return 0 }
                    out[0] = s[index]
                    return 1
                }
            }
        case .strSubstring:
            for i in 0..<n {
                let from = int(1, i), length = int(2, i)
                produce(i, bound: codePoints(o[0], children, i).count) { out in
                    let s = codePoints(o[0], children, i)
                    guard from >= 0 && from < s.count && length > 0 else { return 0 }
                    let end = length >= s.count - from ? s.count : from + length
                    out.update(from: s.baseAddress! + from, count: end - from)
                    return end - from
                }
            }
        case .strReplace:
            for i in 0..<n {
                let bound = codePoints(o[0], children, i).count + codePoints(o[2], children, i).count
                var fits = true
                produce(i, bound: bound) { out in
                    let s = codePoints(o[0], children, i), t = codePoints(o[1], children, i), u = codePoints(o[2], children, i)
                    guard let at = StringSemantics.find(t, in: s, from: 0) else {
                        out.update(from: s.baseAddress!, count: s.count)
                        return s.count
                    }
                    let count = s.count - t.count + u.count
                    guard count <= Evaluator.maximumListLength else {
                        fits = false
                        return 0
                    }
                    out.update(from: s.baseAddress!, count: at)
                    (out + at).update(from: u.baseAddress!, count: u.count)
                    (out + at + u.count).update(from: s.baseAddress! + at + t.count, count: s.count - at - t.count)
                    return count
                }
                if !fits { return false }
            }
        case .strFromInt:
            for i in 0..<n {
                let value = int(0, i)
                produce(i, bound: 20) { out in
                    guard value >= 0 else { return 0 }
                    var digits = 0, rest = value
                    repeat { digits += 1; rest /= 10 } while rest > 0
                    rest = value
                    for position in stride(from: digits - 1, through: 0, by: -1) {
                        out[position] = 0x30 + UInt32(rest % 10)
                        rest /= 10
                    }
                    return digits
                }
            }
        case .ite:
            let condition = wordPointer(o[0], children)
            for i in 0..<n {
                let branch = condition[i] != 0 ? o[1] : o[2]
                produce(i, bound: codePoints(branch, children, i).count) { out in
                    let s = codePoints(branch, children, i)
                    out.update(from: s.baseAddress!, count: s.count)
                    return s.count
                }
            }
        case .strLength:
            for i in 0..<n { wordOutput[i] = UInt64(codePoints(o[0], children, i).count) }
        case .strToInt:
            for i in 0..<n {
                let s = codePoints(o[0], children, i)
                var value = s.isEmpty ? -1 : 0
                for c in s {
                    guard c >= 0x30 && c <= 0x39 else {
                        value = -1
                        break
                    }
                    let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times10.addingReportingOverflow(Int(c - 0x30))
                    if o1 || o2 { return false }
                    value = sum
                }
                wordOutput[i] = UInt64(bitPattern: Int64(value))
            }
        case .strIndexOf:
            for i in 0..<n {
                let s = codePoints(o[0], children, i), t = codePoints(o[1], children, i)
                let from = int(2, i)
                let index = from >= 0 && from <= s.count ? StringSemantics.find(t, in: s, from: from) ?? -1 : -1
                wordOutput[i] = UInt64(bitPattern: Int64(index))
            }
        case .strPrefixOf:
            for i in 0..<n {
                let s = codePoints(o[0], children, i), t = codePoints(o[1], children, i)
                wordOutput[i] = word(s.count <= t.count && Self.same(s.baseAddress!, t.baseAddress!, s.count))
            }
        case .strSuffixOf:
            for i in 0..<n {
                let s = codePoints(o[0], children, i), t = codePoints(o[1], children, i)
                wordOutput[i] = word(s.count <= t.count && Self.same(s.baseAddress!, t.baseAddress! + (t.count - s.count), s.count))
            }
        case .strContains:
            for i in 0..<n {
                wordOutput[i] = word(StringSemantics.find(codePoints(o[1], children, i), in: codePoints(o[0], children, i), from: 0) != nil)
            }
        case .equal, .distinct:
            let equal = instruction.operation == .equal
            for i in 0..<n {
                let s = codePoints(o[0], children, i), t = codePoints(o[1], children, i)
                wordOutput[i] = word((s.count == t.count && Self.same(s.baseAddress!, t.baseAddress!, s.count)) == equal)
            }
        default:
            preconditionFailure("no string kernel for \(instruction.operation)")
        }
        return true
    }

    /// Whether `count` code points at `a` and at `b` are the same.
    @inline(__always)
    static func same(_ a: UnsafePointer<UInt32>, _ b: UnsafePointer<UInt32>, _ count: Int) -> Bool {
        memcmp(a, b, count * 4) == 0
    }
}
