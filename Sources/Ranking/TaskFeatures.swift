import Foundation
import Language

/// The features every domain shares: a description of a task's examples, the first part of
/// the ranking model's input (a domain appends its own, named with its prefix).
///
/// Each is averaged over the examples and named by `ExampleFeature`, whose cases list what
/// each means, in the order a task's `Features` give them: the output's type (`output.int`
/// … `output.string`), the inputs (`inputs.*`), the output's own properties (`output.*`,
/// `list.ascending` … `list.maximum`), how the output relates to the first input for lists
/// (`list.*`, `length.*`), ints (`int.*`), bit-vectors (`bits.*`) and strings (`string.*`), the
/// number of examples (`examples.count`), the second input (`second.input.*`) and a bias
/// (`bias`, always 1).
public enum TaskFeatures {
    /// The features of a task's examples, one per `ExampleFeature` in its order.
    public static func vector(of examples: [(inputs: [Value], output: Value)]) -> Features {
        var total = ExampleValues()
        guard !examples.isEmpty else {
            total[.bias] = 1
            return Features(names: ExampleFeature.names, values: total.values)
        }
        for example in examples {
            let features = exampleFeatures(example.inputs, example.output)
            for index in total.values.indices { total.values[index] += features.values[index] }
        }
        var result = ExampleValues(values: total.values.map { $0 / Double(examples.count) })
        let outputs = examples.map(\.output)
        result[.outputConstant] = outputs.allSatisfy({ $0 == outputs[0] }) ? 1 : 0
        result[.exampleCount] = squash(Double(examples.count))
        result[.bias] = 1
        return Features(names: ExampleFeature.names, values: result.values.map { $0.isFinite ? $0 : 0 })
    }

    package static func squash(_ value: Double) -> Double {
        (value < 0 ? -1 : 1) * Foundation.log(1 + Swift.abs(value)) / 8
    }

    private static func flag(_ condition: Bool) -> Double { condition ? 1 : 0 }

    private static func exampleFeatures(_ inputs: [Value], _ y: Value) -> ExampleValues {
        var f = ExampleValues()
        switch y {
        case .int: f[.outputInt] = 1
        case .bool: f[.outputBool] = 1
        case .list: f[.outputList] = 1
        case .bitVector: f[.outputBitVector] = 1
        case .string: f[.outputString] = 1
        case .function: break
        }
        f[.inputCount] = Double(inputs.count) / 3
        if !inputs.isEmpty {
            f[.listInputs] = Double(inputs.filter { $0.listValue != nil }.count) / Double(inputs.count)
            f[.intInputs] = Double(inputs.filter { $0.intValue != nil }.count) / Double(inputs.count)
        }
        let x = inputs.first

        if let n = y.intValue {
            f[.outputMagnitude] = squash(Double(n))
            f[.outputEmpty] = flag(n == 0)
            f[.outputNegative] = flag(n < 0)
        }
        if let b = y.boolValue { f[.outputTrue] = flag(b) }
        if let items = y.listValue {
            let ints = items.compactMap(\.intValue)
            f[.outputLength] = squash(Double(items.count))
            f[.outputEmpty] = flag(items.isEmpty)
            if !ints.isEmpty {
                f[.outputMagnitude] = squash(Double(ints.reduce(0, &+)) / Double(ints.count))
                f[.listMinimum] = squash(Double(ints.min()!))
                f[.listMaximum] = squash(Double(ints.max()!))
                f[.outputNegative] = Double(ints.filter { $0 < 0 }.count) / Double(ints.count)
                f[.listAscending] = flag(zip(ints, ints.dropFirst()).allSatisfy { $0 <= $1 })
                f[.listRepeats] = flag(Set(ints).count < ints.count)
            }
        }
        if let x {
            f[.outputIsInput] = flag(x == y)
            listAndStringRelations(x, y, &f)
            intRelations(x, y, &f)
            bitVectorRelations(x, y, &f)
        }
        if inputs.count > 1 {
            let second = inputs[1]
            f[.secondInputEqual] = flag(second == y)
            if let ys = y.listValue, let xs = second.listValue, !ys.isEmpty {
                let members = Set(xs)
                f[.secondInputContains] = flag(ys.allSatisfy(members.contains))
            }
        }
        return f
    }

    private static func listAndStringRelations(_ x: Value, _ y: Value, _ f: inout ExampleValues) {
        if let xs = x.listValue, let ys = y.listValue {
            f[.lengthEqual] = flag(ys.count == xs.count)
            f[.lengthShorter] = flag(ys.count < xs.count)
            f[.lengthLonger] = flag(ys.count > xs.count)
            f[.listPrefix] = flag(ys.count <= xs.count && Array(xs.prefix(ys.count)) == ys)
            f[.listSuffix] = flag(ys.count <= xs.count && Array(xs.suffix(ys.count)) == ys)
            let members = Set(xs)
            f[.listSubset] = flag(ys.allSatisfy(members.contains))
            f[.listReversed] = flag(ys == xs.reversed())
            let xi = xs.compactMap(\.intValue), yi = ys.compactMap(\.intValue)
            if xi.count == xs.count && yi.count == ys.count {
                f[.listSorted] = flag(yi == xi.sorted())
                if xi.count == yi.count, let first = xi.first {
                    let difference = yi[0] &- first
                    f[.listShifted] = flag(zip(xi, yi).allSatisfy { $1 &- $0 == difference })
                    if first != 0 && yi[0] % first == 0 {
                        let ratio = yi[0] / first
                        f[.listScaled] = flag(zip(xi, yi).allSatisfy { $1 == $0 &* ratio })
                    }
                }
            }
        }
        if let xs = x.listValue, let n = y.intValue {
            f[.intElement] = flag(xs.contains(.int(n)))
            f[.intLength] = flag(xs.count == n)
            let ints = xs.compactMap(\.intValue)
            f[.intSum] = flag(ints.count == xs.count && ints.reduce(0, &+) == n)
        }
        if let xs = x.stringValue.map(scalars), let ys = y.stringValue.map(scalars) {
            f[.lengthEqual] = flag(ys.count == xs.count)
            f[.lengthShorter] = flag(ys.count < xs.count)
            f[.lengthLonger] = flag(ys.count > xs.count)
            f[.stringOutputLength] = squash(Double(ys.count))
            f[.stringInputLength] = squash(Double(xs.count))
            f[.stringPrefix] = flag(ys.count <= xs.count && Array(xs.prefix(ys.count)) == ys)
            f[.stringSuffix] = flag(ys.count <= xs.count && Array(xs.suffix(ys.count)) == ys)
            f[.stringSubstring] = flag(ys.isEmpty || (0...max(0, xs.count - ys.count)).contains { start in
                start + ys.count <= xs.count && Array(xs[start..<(start + ys.count)]) == ys
            })
            let members = Set(xs)
            f[.stringSubset] = flag(ys.allSatisfy(members.contains))
            if !ys.isEmpty {
                let n = Double(ys.count)
                f[.stringDigits] = Double(ys.filter { $0.properties.numericType != nil }.count) / n
                f[.stringUppercase] = Double(ys.filter { $0.properties.isUppercase }.count) / n
                f[.stringPunctuation] = Double(ys.filter { $0.properties.isWhitespace || ($0.isASCII && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains($0)) }.count) / n
            }
            let upper = String(String.UnicodeScalarView(xs)).uppercased(), lower = String(String.UnicodeScalarView(xs)).lowercased()
            let text = String(String.UnicodeScalarView(ys))
            f[.stringCaseChanged] = flag(text != String(String.UnicodeScalarView(xs)) && (text == upper || text == lower))
        } else if let ys = y.stringValue.map(scalars) {
            f[.stringOutputLength] = squash(Double(ys.count))
        }
    }

    private static func scalars(_ string: StringValue) -> [Unicode.Scalar] {
        string.codePoints.compactMap(Unicode.Scalar.init)
    }

    private static func intRelations(_ x: Value, _ y: Value, _ f: inout ExampleValues) {
        guard let a = x.intValue, let b = y.intValue else { return }
        f[.intDifference] = squash(Double(b) - Double(a))
        f[.intGreater] = flag(b > a)
    }

    private static func bitVectorRelations(_ x: Value, _ y: Value, _ f: inout ExampleValues) {
        guard let yb = y.bitVectorValue else { return }
        let width = Double(yb.width)
        let yBits = yb.bits
        f[.bitsOutputOnes] = Double(yBits.nonzeroBitCount) / width
        f[.bitsTrailingZeros] = Double(min(yb.width, yBits.trailingZeroBitCount)) / width
        f[.bitsLeadingZeros] = Double(yBits == 0 ? yb.width : (yBits.leadingZeroBitCount - (64 - yb.width))) / width
        f[.bitsPowerOfTwo] = flag(yBits.nonzeroBitCount == 1)
        let mask: UInt64 = yb.width == 64 ? ~0 : (1 << UInt64(yb.width)) - 1
        f[.bitsUniform] = flag(yBits == 0 || yBits == mask)
        guard let xb = x.bitVectorValue, xb.width == yb.width else { return }
        let xBits = xb.bits
        f[.bitsInputOnes] = Double(xBits.nonzeroBitCount) / width
        f[.bitsSubset] = flag(yBits & xBits == yBits)
        f[.bitsSuperset] = flag(yBits | xBits == yBits)
        f[.bitsDiffering] = Double((yBits ^ xBits).nonzeroBitCount) / width
        let difference = Int64(bitPattern: (yBits &- xBits) & mask)
        let signed = yb.width == 64 ? difference : (difference << (64 - Int64(yb.width))) >> (64 - Int64(yb.width))
        f[.bitsDifference] = squash(Double(signed))
        f[.bitsNot] = flag(yBits == ~xBits & mask)
        f[.bitsShifted] = flag((1...4).contains { k in yBits == (xBits << UInt64(k)) & mask || yBits == xBits >> UInt64(k) })
    }
}

/// Example features being computed, set by name.
struct ExampleValues {
    /// One value per `ExampleFeature`, in its order.
    var values = [Double](repeating: 0, count: ExampleFeature.allCases.count)

    subscript(feature: ExampleFeature) -> Double {
        get { values[feature.index] }
        set { values[feature.index] = newValue }
    }
}
