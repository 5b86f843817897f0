import Domain
import Language

/// The sleep's settings as data, beside each domain's search configuration: stored per round
/// in the run store under the name `sleep`, each within its declared range, restored with the
/// round, and read by the round's sleep. A run starts from the values its options give
/// (`--abstractions`, `--max-arity`, `--dreams`); only the loop changes them after that, as it
/// may change a search setting (none is tuned yet: trying one would take a sleep per value).
enum SleepSettings {
    /// The name the configuration is stored under, where a domain's name would be.
    static let name = "sleep"

    static let abstractionsPerRound = SearchSetting(
        "abstractionsPerRound", range: 0...1_000, default: 5, isInteger: true,
        meaning: "the abstractions a round's abstraction sleep learns (0: none)")
    static let maximumArity = SearchSetting(
        "maximumArity", range: 0...10, default: Double(Defaults.maximumArity), isInteger: true,
        meaning: "the most arguments a learned abstraction may take")
    static let dreams = SearchSetting(
        "dreams", range: 0...1_000_000, default: Double(Defaults.dreams), isInteger: true,
        meaning: "the dreams a round's dream sleep trains the ranking model on")

    static let all = [abstractionsPerRound, maximumArity, dreams]

    /// The configuration a run starts from: its options' values.
    static func starting(from settings: BootstrapSettings) -> SearchConfiguration {
        var configuration = SearchConfiguration()
        for (setting, value) in [(abstractionsPerRound, settings.abstractionsPerRound), (maximumArity, settings.maximumArity),
                                 (dreams, settings.dreams)] where Double(value) != setting.defaultValue {
            try? configuration.set(setting, to: Double(value))
        }
        return configuration
    }

    /// The value of `setting` in `configuration`, as a whole number.
    static func count(_ setting: SearchSetting, in configuration: SearchConfiguration) -> Int {
        Int(configuration.value(of: setting))
    }
}
