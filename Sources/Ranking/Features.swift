/// A task's description for the ranking model: named numbers, in the order they were set.
///
/// Every producer names what it sets: the features all domains share (`ExampleFeature`:
/// `output.int`, `list.reversed`, …) and a domain's own, their names prefixed with the
/// domain's (`sygus.logical`, `sygus.operators.3`). A model keeps the names of its inputs and
/// reads a task's features by name (`Ranker.input(of:)`): a name the model does not know is
/// ignored and an input the task lacks reads 0, so a producer can add features without making
/// any saved model unreadable.
///
/// Invariant: `names` and `values` have one entry per feature, and no name appears twice.
/// Cheap to build and copy: features that share a producer's static list of names share its
/// storage.
///
/// ```swift
/// var features: Features = ["output.int": 1, "int.greater": 0]
/// features.append("sygus.logical", 1)
/// features["int.greater"]   // 0
/// features["list.sorted"]   // nil
/// ```
public struct Features: Sendable, Equatable {
    /// The features' names, in order.
    public private(set) var names: [String]
    /// The features' values, `values[i]` that of `names[i]`.
    public private(set) var values: [Double]

    /// No features.
    public init() {
        names = []
        values = []
    }

    /// Features `names[i]` = `values[i]`; the names must be distinct.
    public init(names: [String], values: [Double]) {
        precondition(names.count == values.count, "one value per feature name")
        assert(Set(names).count == names.count, "a feature is named twice")
        self.names = names
        self.values = values
    }

    /// How many features there are.
    public var count: Int { names.count }

    /// The value of the feature `name`, or `nil` when there is none of that name.
    public subscript(name: String) -> Double? {
        names.firstIndex(of: name).map { values[$0] }
    }

    /// Adds the feature `name` = `value` after the others; `name` must be new.
    public mutating func append(_ name: String, _ value: Double) {
        assert(!names.contains(name), "feature \(name) is named twice")
        names.append(name)
        values.append(value)
    }

    /// Adds features `names[i]` = `values[i]` after the others; the names must be new.
    public mutating func append(names more: [String], values moreValues: [Double]) {
        precondition(more.count == moreValues.count, "one value per feature name")
        names += more
        values += moreValues
        assert(Set(names).count == names.count, "a feature is named twice")
    }
}

extension Features: ExpressibleByDictionaryLiteral {
    /// Features in the literal's order: `["a": 1, "b": 0.5]`.
    public init(dictionaryLiteral elements: (String, Double)...) {
        self.init(names: elements.map(\.0), values: elements.map(\.1))
    }
}

extension Features {
    /// The inputs of a version-1 model file, which stored no names: its 96 inputs were, in
    /// order, the example features (`ExampleFeature`) and the SyGuS domain's 36 (the 32
    /// buckets of operator names, then whether the specification is logical, its constraints,
    /// the function's parameters and whether there are several functions).
    ///
    /// A record of that format, not a list to extend: new features are named by their
    /// producers and stored with the model.
    public static let version1Names: [String] = ExampleFeature.names
        + (0..<32).map { "sygus.operators.\($0)" }
        + ["sygus.logical", "sygus.constraints", "sygus.parameters", "sygus.functions"]
}
