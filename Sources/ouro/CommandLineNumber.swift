import Foundation

/// The one reader of every number given on the command line: each numeric option names its
/// range, and a value outside it (or not a number, or not finite) is refused with a message
/// saying what the option takes. Options are declared with `parsing: .unconditional`, so a
/// negative number is read as a number (`--timeout -1` says "must be above 0", not "missing
/// value").
enum CommandLineNumber {
    /// The longest time limit, in seconds (about 11.6 days): Z3 takes its limits in
    /// milliseconds as a 32-bit number.
    static let maximumSeconds = 1_000_000.0
    /// The largest memory bound, in MiB (1 TiB).
    static let maximumMebibytes = 1 << 20
    /// The word that means "no limit" where a limit is optional.
    static let noLimit = "none"

    /// Why a value was refused; the description is the message ArgumentParser prints after
    /// "The value 'V' is invalid for '--OPTION <value>': ".
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// A whole number in `range`.
    static func integer(_ text: String, in range: ClosedRange<Int>) throws(Refusal) -> Int {
        let takes = "a whole number, \(describe(range))"
        guard let value = Int(text) else {
            let digits = text.drop { $0 == "-" || $0 == "+" }
            if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) {
                throw Refusal(description: "\(text.hasPrefix("-") ? "too small" : "too large"); takes \(takes)")
            }
            throw Refusal(description: "not a whole number; takes \(takes)")
        }
        if value < range.lowerBound { throw Refusal(description: "must be at least \(range.lowerBound); takes \(takes)") }
        if value > range.upperBound { throw Refusal(description: "must be at most \(range.upperBound); takes \(takes)") }
        return value
    }

    /// A seed: any whole number from 0 to 2⁶⁴ − 1.
    static func seed(_ text: String) throws(Refusal) -> UInt64 {
        guard let value = UInt64(text) else {
            let negative = text.hasPrefix("-") && Int(text) != nil
            throw Refusal(description: "\(negative ? "must be 0 or more" : "not a whole number from 0 to \(UInt64.max)"); takes a whole number from 0 to \(UInt64.max)")
        }
        return value
    }

    /// A finite real number `x` with `lower < x` (or `lower <= x` when `includesLower`) and `x <= upper`
    /// (or `x < upper` when not `includesUpper`).
    static func real(_ text: String, above lower: Double, includesLower: Bool = false,
                     upTo upper: Double, includesUpper: Bool = true, unit: String = "") throws(Refusal) -> Double {
        let range = "\(format(lower)) \(includesLower ? "≤" : "<") x \(includesUpper ? "≤" : "<") \(format(upper))"
        let takes = "takes \(unit.isEmpty ? "a number" : unit), \(range)"
        guard let value = Double(text) else { throw Refusal(description: "not a number; \(takes)") }
        guard value.isFinite else { throw Refusal(description: "must be a finite number; \(takes)") }
        if value < lower || (value == lower && !includesLower) {
            throw Refusal(description: "must be \(includesLower ? "at least \(format(lower))" : lower == 0 ? "positive" : "above \(format(lower))"); \(takes)")
        }
        if value > upper || (value == upper && !includesUpper) {
            throw Refusal(description: "must be \(includesUpper ? "at most" : "below") \(format(upper)); \(takes)")
        }
        return value
    }

    /// A time limit in seconds, 0 < S ≤ `maximumSeconds`.
    static func seconds(_ text: String) throws(Refusal) -> Double {
        try real(text, above: 0, upTo: maximumSeconds, unit: "seconds")
    }

    /// A time limit in seconds, or `none` (no limit: infinity).
    static func secondsOrNone(_ text: String) throws(Refusal) -> Double {
        if text == noLimit { return .infinity }
        do {
            return try seconds(text)
        } catch {
            throw Refusal(description: error.description + ", or \(noLimit)")
        }
    }

    /// A memory bound given in MiB, returned in bytes; `none` is no bound (`Int.max`).
    static func memoryBytes(_ text: String) throws(Refusal) -> Int {
        if text == noLimit { return .max }
        do {
            return try integer(text, in: 1...maximumMebibytes) << 20
        } catch {
            throw Refusal(description: error.description.replacingOccurrences(of: "a whole number,", with: "MiB, a whole number") + ", or \(noLimit)")
        }
    }

    /// `x ≤ range`, as the messages and `--help` write a range.
    static func describe(_ range: ClosedRange<Int>) -> String {
        "\(range.lowerBound) ≤ n ≤ \(range.upperBound)"
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%g", value)
    }
}
