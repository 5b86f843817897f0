import Foundation

/// One setting of a domain's search that the loop may change between rounds: its name in
/// the run store, the range it may take, its default and what it means.
public struct SearchSetting: Sendable, Hashable {
    public let name: String
    public let range: ClosedRange<Double>
    public let defaultValue: Double
    /// Whether it takes whole numbers only.
    public let isInteger: Bool
    public let meaning: String
    /// The values the loop's tuning tries, in increasing order (empty: it is not tuned).
    public let grid: [Double]

    public init(_ name: String, range: ClosedRange<Double>, default defaultValue: Double, isInteger: Bool = false, grid: [Double] = [],
                meaning: String) {
        precondition(range.contains(defaultValue), "the default of \(name) is outside its range")
        precondition(grid.allSatisfy(range.contains) && grid == grid.sorted(), "the grid of \(name) is outside its range or out of order")
        self.name = name
        self.range = range
        self.defaultValue = defaultValue
        self.isInteger = isInteger
        self.grid = grid
        self.meaning = meaning
    }

    /// The grid's nearest value below `value`, if any.
    public func below(_ value: Double) -> Double? { grid.last { $0 < value } }

    /// The grid's nearest value above `value`, if any.
    public func above(_ value: Double) -> Double? { grid.first { $0 > value } }

    /// The values of the grid the tuning tries next from `value`: up to `reach` on each side,
    /// nearest first.
    public func neighbours(of value: Double, reach: Int = 2) -> [Double] {
        let below = Array(grid.filter { $0 < value }.suffix(reach).reversed())
        let above = Array(grid.filter { $0 > value }.prefix(reach))
        var values: [Double] = []
        for step in 0..<reach {
            if step < below.count { values.append(below[step]) }
            if step < above.count { values.append(above[step]) }
        }
        return values
    }
}

/// A value refused for a setting: outside its range, not whole where it must be, or a
/// setting the domain does not declare.
public struct SearchConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// A domain's search settings as data: the values of the settings it declares
/// (`Domain.searchSettings`), each within its range, versioned so that a stored configuration
/// reads back or is refused. The loop stores one per domain per round; a setting left out
/// takes its default, so a configuration made before a domain declared a setting still reads.
///
/// ```swift
/// var configuration = SearchConfiguration()
/// try configuration.set(SyGuSDomain.guidedShare, to: 0.7)
/// configuration.value(of: SyGuSDomain.guidedShare)   // 0.7
/// ```
public struct SearchConfiguration: Sendable, Codable, Equatable {
    /// The version of this form; a stored configuration of another is refused.
    public static let currentVersion = 1

    public private(set) var version = Self.currentVersion
    /// The values set, by setting name; the others take their defaults.
    public private(set) var values: [String: Double] = [:]

    public init() {}

    /// The value of `setting`: the one set, or its default.
    public func value(of setting: SearchSetting) -> Double {
        values[setting.name] ?? setting.defaultValue
    }

    /// Sets `setting` to `value`, refused outside the setting's range or, for a whole-number
    /// setting, when not whole.
    public mutating func set(_ setting: SearchSetting, to value: Double) throws(SearchConfigurationError) {
        guard setting.range.contains(value) else {
            throw SearchConfigurationError(message: "\(setting.name) takes \(setting.range.lowerBound) to \(setting.range.upperBound), not \(value)")
        }
        guard !setting.isInteger || value == value.rounded() else {
            throw SearchConfigurationError(message: "\(setting.name) takes whole numbers, not \(value)")
        }
        values[setting.name] = value
    }

    /// The configuration as the run store keeps it: JSON with sorted keys.
    public var stored: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The configuration `text` holds, checked against `settings` (the domain's): another
    /// version, a setting not declared or a value outside its range is refused.
    public init(stored text: String, settings: [SearchSetting]) throws(SearchConfigurationError) {
        guard let decoded = try? JSONDecoder().decode(SearchConfiguration.self, from: Data(text.utf8)) else {
            throw SearchConfigurationError(message: "the search configuration does not read")
        }
        guard decoded.version == Self.currentVersion else {
            throw SearchConfigurationError(message: "search configuration version \(decoded.version); this ouro reads version \(Self.currentVersion)")
        }
        self.init()
        for (name, value) in decoded.values.sorted(by: { $0.key < $1.key }) {
            guard let setting = settings.first(where: { $0.name == name }) else {
                throw SearchConfigurationError(message: "the search configuration sets \(name), which this domain does not have")
            }
            try set(setting, to: value)
        }
    }
}

/// What the loop measured of one task's search in a round.
public struct SearchMeasurement: Sendable {
    public var solved: Bool
    public var seconds: Double
    public var candidates: Int
    public var timings: Timings
    /// Whether a second search (with the starting grammar) found the answer.
    public var foundByFallback: Bool

    public init(solved: Bool, seconds: Double, candidates: Int, timings: Timings, foundByFallback: Bool = false) {
        self.solved = solved
        self.seconds = seconds
        self.candidates = candidates
        self.timings = timings
        self.foundByFallback = foundByFallback
    }
}

/// A change to a search setting that measurements suggest, and why.
public struct SettingSuggestion: Sendable {
    public var setting: SearchSetting
    public var value: Double
    public var why: String

    public init(setting: SearchSetting, value: Double, why: String) {
        self.setting = setting
        self.value = value
        self.why = why
    }
}
