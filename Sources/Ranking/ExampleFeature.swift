/// The features every domain describes a task's examples by (`TaskFeatures.vector(of:)`),
/// each named by its raw value, in the order a task's `Features` list them.
///
/// Each is a number in about [-1, 1], averaged over the examples; features that do not apply
/// to a task's types are 0. `x` is the first input, `y` the output; `squash(v)` is
/// `sign(v) · log(1 + |v|) / 8`. Names are stable: a saved model finds its inputs by them.
public enum ExampleFeature: String, CaseIterable, Sendable {
    /// The output is an int.
    case outputInt = "output.int"
    /// The output is a bool.
    case outputBool = "output.bool"
    /// The output is a list.
    case outputList = "output.list"
    /// The output is a bit-vector.
    case outputBitVector = "output.bitvector"
    /// The output is a string.
    case outputString = "output.string"
    /// Inputs / 3.
    case inputCount = "inputs.count"
    /// The fraction of inputs that are lists.
    case listInputs = "inputs.lists"
    /// The fraction of inputs that are ints.
    case intInputs = "inputs.ints"
    /// squash(int y, or the mean element of list y).
    case outputMagnitude = "output.magnitude"
    /// squash(the length of list y).
    case outputLength = "output.length"
    /// y is true.
    case outputTrue = "output.true"
    /// y is 0 or an empty list.
    case outputEmpty = "output.empty"
    /// List y is sorted ascending.
    case listAscending = "list.ascending"
    /// List y has a repeated element.
    case listRepeats = "list.repeats"
    /// squash(the smallest element of list y).
    case listMinimum = "list.minimum"
    /// squash(the largest element of list y).
    case listMaximum = "list.maximum"
    /// Int y is negative, or the fraction of negative elements of list y.
    case outputNegative = "output.negative"
    /// Every example has the same output.
    case outputConstant = "output.constant"
    /// y = x.
    case outputIsInput = "output.is.input"
    /// The length of y equals that of x (lists or strings).
    case lengthEqual = "length.equal"
    /// y is shorter than x (lists or strings).
    case lengthShorter = "length.shorter"
    /// y is longer than x (lists or strings).
    case lengthLonger = "length.longer"
    /// List y is a prefix of x.
    case listPrefix = "list.prefix"
    /// List y is a suffix of x.
    case listSuffix = "list.suffix"
    /// Every element of list y occurs in x.
    case listSubset = "list.subset"
    /// y is x reversed.
    case listReversed = "list.reversed"
    /// y is x sorted.
    case listSorted = "list.sorted"
    /// y − x is one constant elementwise (same lengths).
    case listShifted = "list.shifted"
    /// y is x with each element multiplied by one constant.
    case listScaled = "list.scaled"
    /// Int y is an element of list x.
    case intElement = "int.element"
    /// Int y is the length of list x.
    case intLength = "int.length"
    /// Int y is the sum of list x.
    case intSum = "int.sum"
    /// squash(y − x) for ints.
    case intDifference = "int.difference"
    /// y > x for ints.
    case intGreater = "int.greater"
    /// The set bits of bit-vector y, as a fraction of the width.
    case bitsOutputOnes = "bits.output.ones"
    /// The set bits of bit-vector x, as a fraction of the width.
    case bitsInputOnes = "bits.input.ones"
    /// y's bits are a subset of x's.
    case bitsSubset = "bits.subset"
    /// y's bits are a superset of x's.
    case bitsSuperset = "bits.superset"
    /// The bits where y and x differ, as a fraction of the width.
    case bitsDiffering = "bits.differing"
    /// y's trailing zeros, as a fraction of the width.
    case bitsTrailingZeros = "bits.trailing.zeros"
    /// y's leading zeros, as a fraction of the width.
    case bitsLeadingZeros = "bits.leading.zeros"
    /// squash(y − x) as signed integers.
    case bitsDifference = "bits.difference"
    /// y = ¬x.
    case bitsNot = "bits.not"
    /// y is x shifted by 1–4 bits either way.
    case bitsShifted = "bits.shifted"
    /// y is a power of two.
    case bitsPowerOfTwo = "bits.power.of.two"
    /// y is 0 or all ones.
    case bitsUniform = "bits.uniform"
    /// squash(the length of string y).
    case stringOutputLength = "string.output.length"
    /// squash(the length of string x).
    case stringInputLength = "string.input.length"
    /// String y occurs in x.
    case stringSubstring = "string.substring"
    /// String y is a prefix of x.
    case stringPrefix = "string.prefix"
    /// String y is a suffix of x.
    case stringSuffix = "string.suffix"
    /// y's characters all occur in x.
    case stringSubset = "string.subset"
    /// The fraction of y's characters that are digits.
    case stringDigits = "string.digits"
    /// The fraction of y's characters that are upper-case letters.
    case stringUppercase = "string.uppercase"
    /// The fraction of y's characters that are spaces or punctuation.
    case stringPunctuation = "string.punctuation"
    /// y is x upper-cased or lower-cased.
    case stringCaseChanged = "string.case.changed"
    /// squash(the number of examples).
    case exampleCount = "examples.count"
    /// y equals the second input.
    case secondInputEqual = "second.input.equal"
    /// Every element of list y occurs in the second input.
    case secondInputContains = "second.input.contains"
    /// 1 (a bias).
    case bias = "bias"

    /// Every example feature's name, in order.
    public static let names: [String] = allCases.map(\.rawValue)

    /// The feature's position among the example features.
    var index: Int { Self.indices[self]! }

    private static let indices: [ExampleFeature: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
