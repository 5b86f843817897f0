import Foundation
import Language

/// A fixed-length description of a task's examples, the ranking model's input.
///
/// The same features serve every domain (integers, booleans, lists, bit-vectors, strings):
/// each is a number in about [-1, 1], averaged over the examples, and features that do not
/// apply to a task's types are 0. `x` is the first input, `y` the output; `squash(v)` is
/// `sign(v) · log(1 + |v|) / 8`. The features, by index:
///
/// - 0–4: the output is an int, a bool, a list, a bit-vector, a string
/// - 5: inputs / 3; 6: inputs that are lists; 7: inputs that are ints (fractions of inputs)
/// - 8: squash(int output, or mean element of a list output); 9: squash(list or string length of y)
/// - 10: y is true; 11: y is 0, an empty list or an empty string
/// - 12: list y is sorted ascending; 13: list y has a repeated element
/// - 14, 15: squash of the smallest and largest element of list y
/// - 16: negative int y or fraction of negative elements of list y
/// - 17: every example has the same output
/// - 18: y = x; 19, 20, 21: length of y equal to, shorter than, longer than that of x
/// - 22, 23: y is a prefix, a suffix of x (lists or strings); 24: every element of y occurs in x
/// - 25: y is x reversed; 26: y is x sorted; 27: y − x is one constant elementwise (same lengths)
/// - 28: y is x with each element multiplied by one constant
/// - 29: int y is an element of list x; 30: y is the length of x; 31: y is the sum of x
/// - 32: squash(y − x) for ints; 33: y > x for ints
/// - 34, 35: set bits of y, of x (bit-vectors, as fractions of the width)
/// - 36: y's bits are a subset of x's; 37: a superset; 38: bits where they differ (fraction)
/// - 39, 40: trailing, leading zeros of y (fraction of the width)
/// - 41: squash(y − x) as signed integers; 42: y = ¬x; 43: y is x shifted by 1–4 bits either way
/// - 44: y is a power of two; 45: y is 0 or all ones
/// - 46, 47: squash of the lengths of string y and string x
/// - 48: string y occurs in x; 49, 50: y is a prefix, a suffix of x; 51: y's characters all occur in x
/// - 52, 53, 54: fraction of y's characters that are digits, upper-case letters, spaces or punctuation
/// - 55: y is x upper-cased or lower-cased
/// - 56: squash(number of examples)
/// - 57: y equals the second input; 58: every element of list y occurs in the second input
/// - 59: 1 (a bias)
/// - 60–91: for SyGuS problems, the operators the specification mentions, hashed by name into
///   32 buckets (each the fraction of operator occurrences), see `vector(of: SyGuSProblem)`
/// - 92: the specification is logical (mentions declared variables); 93: squash(constraints);
///   94: parameters of the function / 3; 95: several functions to synthesize
public enum TaskFeatures {
    public static let count = 96

    /// The features of a task's examples.
    public static func vector(of examples: [(inputs: [Value], output: Value)]) -> [Double] {
        var total = [Double](repeating: 0, count: count)
        guard !examples.isEmpty else {
            total[59] = 1
            return total
        }
        for example in examples {
            let features = exampleFeatures(example.inputs, example.output)
            for index in 0..<count { total[index] += features[index] }
        }
        var result = total.map { $0 / Double(examples.count) }
        let outputs = examples.map(\.output)
        result[17] = outputs.allSatisfy({ $0 == outputs[0] }) ? 1 : 0
        result[56] = squash(Double(examples.count))
        result[59] = 1
        return result.map { $0.isFinite ? $0 : 0 }
    }

    package static func squash(_ value: Double) -> Double {
        (value < 0 ? -1 : 1) * Foundation.log(1 + Swift.abs(value)) / 8
    }

    private static func flag(_ condition: Bool) -> Double { condition ? 1 : 0 }

    private static func exampleFeatures(_ inputs: [Value], _ y: Value) -> [Double] {
        var f = [Double](repeating: 0, count: count)
        switch y {
        case .int: f[0] = 1
        case .bool: f[1] = 1
        case .list: f[2] = 1
        case .bitVector: f[3] = 1
        case .string: f[4] = 1
        case .function: break
        }
        f[5] = Double(inputs.count) / 3
        if !inputs.isEmpty {
            f[6] = Double(inputs.filter { $0.listValue != nil }.count) / Double(inputs.count)
            f[7] = Double(inputs.filter { $0.intValue != nil }.count) / Double(inputs.count)
        }
        let x = inputs.first

        if let n = y.intValue {
            f[8] = squash(Double(n))
            f[11] = flag(n == 0)
            f[16] = flag(n < 0)
        }
        if let b = y.boolValue { f[10] = flag(b) }
        if let items = y.listValue {
            let ints = items.compactMap(\.intValue)
            f[9] = squash(Double(items.count))
            f[11] = flag(items.isEmpty)
            if !ints.isEmpty {
                f[8] = squash(Double(ints.reduce(0, &+)) / Double(ints.count))
                f[14] = squash(Double(ints.min()!))
                f[15] = squash(Double(ints.max()!))
                f[16] = Double(ints.filter { $0 < 0 }.count) / Double(ints.count)
                f[12] = flag(zip(ints, ints.dropFirst()).allSatisfy { $0 <= $1 })
                f[13] = flag(Set(ints).count < ints.count)
            }
        }
        if let x {
            f[18] = flag(x == y)
            listAndStringRelations(x, y, &f)
            intRelations(x, y, &f)
            bitVectorRelations(x, y, &f)
        }
        if inputs.count > 1 {
            let second = inputs[1]
            f[57] = flag(second == y)
            if let ys = y.listValue, let xs = second.listValue, !ys.isEmpty {
                let members = Set(xs)
                f[58] = flag(ys.allSatisfy(members.contains))
            }
        }
        return f
    }

    private static func listAndStringRelations(_ x: Value, _ y: Value, _ f: inout [Double]) {
        if let xs = x.listValue, let ys = y.listValue {
            f[19] = flag(ys.count == xs.count)
            f[20] = flag(ys.count < xs.count)
            f[21] = flag(ys.count > xs.count)
            f[22] = flag(ys.count <= xs.count && Array(xs.prefix(ys.count)) == ys)
            f[23] = flag(ys.count <= xs.count && Array(xs.suffix(ys.count)) == ys)
            let members = Set(xs)
            f[24] = flag(ys.allSatisfy(members.contains))
            f[25] = flag(ys == xs.reversed())
            let xi = xs.compactMap(\.intValue), yi = ys.compactMap(\.intValue)
            if xi.count == xs.count && yi.count == ys.count {
                f[26] = flag(yi == xi.sorted())
                if xi.count == yi.count, let first = xi.first {
                    let difference = yi[0] &- first
                    f[27] = flag(zip(xi, yi).allSatisfy { $1 &- $0 == difference })
                    if first != 0 && yi[0] % first == 0 {
                        let ratio = yi[0] / first
                        f[28] = flag(zip(xi, yi).allSatisfy { $1 == $0 &* ratio })
                    }
                }
            }
        }
        if let xs = x.listValue, let n = y.intValue {
            f[29] = flag(xs.contains(.int(n)))
            f[30] = flag(xs.count == n)
            let ints = xs.compactMap(\.intValue)
            f[31] = flag(ints.count == xs.count && ints.reduce(0, &+) == n)
        }
        if let xs = x.stringValue.map(scalars), let ys = y.stringValue.map(scalars) {
            f[19] = flag(ys.count == xs.count)
            f[20] = flag(ys.count < xs.count)
            f[21] = flag(ys.count > xs.count)
            f[46] = squash(Double(ys.count))
            f[47] = squash(Double(xs.count))
            f[49] = flag(ys.count <= xs.count && Array(xs.prefix(ys.count)) == ys)
            f[50] = flag(ys.count <= xs.count && Array(xs.suffix(ys.count)) == ys)
            f[48] = flag(ys.isEmpty || (0...max(0, xs.count - ys.count)).contains { start in
                start + ys.count <= xs.count && Array(xs[start..<(start + ys.count)]) == ys
            })
            let members = Set(xs)
            f[51] = flag(ys.allSatisfy(members.contains))
            if !ys.isEmpty {
                let n = Double(ys.count)
                f[52] = Double(ys.filter { $0.properties.numericType != nil }.count) / n
                f[53] = Double(ys.filter { $0.properties.isUppercase }.count) / n
                f[54] = Double(ys.filter { $0.properties.isWhitespace || ($0.isASCII && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains($0)) }.count) / n
            }
            let upper = String(String.UnicodeScalarView(xs)).uppercased(), lower = String(String.UnicodeScalarView(xs)).lowercased()
            let text = String(String.UnicodeScalarView(ys))
            f[55] = flag(text != String(String.UnicodeScalarView(xs)) && (text == upper || text == lower))
        } else if let ys = y.stringValue.map(scalars) {
            f[46] = squash(Double(ys.count))
        }
    }

    private static func scalars(_ string: StringValue) -> [Unicode.Scalar] {
        string.codePoints.compactMap(Unicode.Scalar.init)
    }

    private static func intRelations(_ x: Value, _ y: Value, _ f: inout [Double]) {
        guard let a = x.intValue, let b = y.intValue else { return }
        f[32] = squash(Double(b) - Double(a))
        f[33] = flag(b > a)
    }

    private static func bitVectorRelations(_ x: Value, _ y: Value, _ f: inout [Double]) {
        guard let yb = y.bitVectorValue else { return }
        let width = Double(yb.width)
        let yBits = yb.bits
        f[34] = Double(yBits.nonzeroBitCount) / width
        f[39] = Double(min(yb.width, yBits.trailingZeroBitCount)) / width
        f[40] = Double(yBits == 0 ? yb.width : (yBits.leadingZeroBitCount - (64 - yb.width))) / width
        f[44] = flag(yBits.nonzeroBitCount == 1)
        let mask: UInt64 = yb.width == 64 ? ~0 : (1 << UInt64(yb.width)) - 1
        f[45] = flag(yBits == 0 || yBits == mask)
        guard let xb = x.bitVectorValue, xb.width == yb.width else { return }
        let xBits = xb.bits
        f[35] = Double(xBits.nonzeroBitCount) / width
        f[36] = flag(yBits & xBits == yBits)
        f[37] = flag(yBits | xBits == yBits)
        f[38] = Double((yBits ^ xBits).nonzeroBitCount) / width
        let difference = Int64(bitPattern: (yBits &- xBits) & mask)
        let signed = yb.width == 64 ? difference : (difference << (64 - Int64(yb.width))) >> (64 - Int64(yb.width))
        f[41] = squash(Double(signed))
        f[42] = flag(yBits == ~xBits & mask)
        f[43] = flag((1...4).contains { k in yBits == (xBits << UInt64(k)) & mask || yBits == xBits >> UInt64(k) })
    }
}
