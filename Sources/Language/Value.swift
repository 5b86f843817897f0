/// A run-time value of the program language.
///
/// Integers are 64-bit (an overflowing operation is an evaluation failure, never a trap);
/// bit-vectors carry their width; strings are code-point sequences; functions are closures
/// or partially applied primitives, compared by identity.
public enum Value: Hashable, Sendable {
    case int(Int)
    case bool(Bool)
    case bitVector(BitVector)
    case string(StringValue)
    case list([Value])
    case function(FunctionValue)

    public static func string(_ text: String) -> Value { .string(StringValue(text)) }
    public static func bitVector(_ bits: UInt64, width: Int) -> Value { .bitVector(BitVector(bits, width: width)) }

    public var intValue: Int? { if case .int(let v) = self { return v }; return nil }
    public var boolValue: Bool? { if case .bool(let v) = self { return v }; return nil }
    public var bitVectorValue: BitVector? { if case .bitVector(let v) = self { return v }; return nil }
    public var stringValue: StringValue? { if case .string(let v) = self { return v }; return nil }
    public var listValue: [Value]? { if case .list(let v) = self { return v }; return nil }
}

extension Value: CustomStringConvertible {
    /// Program-text spelling: `42`, `-3`, `true`, `#x00ff`, `"text"`, `[1, 2, 3]`, `<function>`.
    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .bool(let v): return v ? "true" : "false"
        case .bitVector(let v): return v.literal
        case .string(let v): return v.literal
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .function: return "<function>"
        }
    }
}

/// A function value: a λ closing over its environment, or a primitive waiting for more arguments.
public final class FunctionValue: Hashable, @unchecked Sendable {
    public enum Body: Sendable {
        case lambda(Program, Environment)
        case partial(Operation, [Value])
    }

    public let body: Body
    /// How deeply function values nest in this one: 1 plus the deepest nesting among the
    /// values it captures. The evaluator bounds it, because releasing a long chain of closures
    /// (each capturing the one before) recurses once per link.
    public let nesting: Int

    public init(_ body: Body) {
        self.body = body
        let captured: [Value]
        switch body {
        case .lambda(_, let environment): captured = environment.values
        case .partial(_, let arguments): captured = arguments
        }
        nesting = 1 + captured.reduce(0) { max($0, FunctionValue.nesting(of: $1)) }
    }

    /// The nesting of the function values in `value`, 0 when it holds none. A list is looked
    /// into only when its first element is a function (the lists of typed programs hold one
    /// kind of value), so that capturing a long list of numbers stays O(1).
    static func nesting(of value: Value) -> Int {
        switch value {
        case .function(let f): return f.nesting
        case .list(let items):
            guard case .function = items.first else { return 0 }
            return items.reduce(0) { max($0, nesting(of: $1)) }
        default: return 0
        }
    }

    public static func == (a: FunctionValue, b: FunctionValue) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// The values of the variables in scope; `$0` is the innermost (last bound).
public struct Environment: Sendable {
    @usableFromInline var values: [Value]

    public init(_ values: [Value] = []) {
        self.values = values
    }

    /// `$index`: counts from the innermost binding.
    @inlinable
    public subscript(index: Int) -> Value? {
        let position = values.count - 1 - index
        return position >= 0 ? values[position] : nil
    }

    /// This environment with `value` bound as the new `$0`.
    @inlinable
    public func binding(_ value: Value) -> Environment {
        var copy = self
        copy.values.append(value)
        return copy
    }

    public var count: Int { values.count }
}

extension Value {
    /// The type of a first-order value (`nil` for functions, and for empty lists, whose
    /// element type a value alone does not say).
    public var type: TypeExpr? {
        switch self {
        case .int: return .int
        case .bool: return .bool
        case .string: return .string
        case .bitVector(let b): return .bitVector(width: b.width)
        case .list(let items): return items.first?.type.map(TypeExpr.list)
        case .function: return nil
        }
    }
}
