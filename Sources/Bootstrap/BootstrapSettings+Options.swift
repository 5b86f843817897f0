import Foundation
import Language

extension BootstrapSettings {
    /// The settings as the options of `ouro bootstrap` that set them, each with its value
    /// written as the option takes it, in the order `--help` lists them.
    public var options: [(option: String, value: String)] {
        [
            ("--rounds", String(rounds)),
            ("--timeout", Self.number(timeout)),
            ("--memory", memoryMiB.map { $0 >= Int.max >> 20 ? "none" : String($0) } ?? "not recorded"),
            ("--seed", String(seed)),
            ("--frontier", String(frontierSize)),
            ("--abstractions", String(abstractionsPerRound)),
            ("--max-arity", String(maximumArity)),
            ("--dreams", String(dreams)),
            ("--no-ranker", useRanker ? "not given" : "given"),
            ("--no-guard", guarding.map { $0.enabled ? "not given" : "given" } ?? Self.notRecorded),
            ("--validation-share", guarding.map { Self.number($0.validationShare) } ?? Self.notRecorded),
            ("--tolerance", guarding.map { Self.number($0.tolerance) } ?? Self.notRecorded),
            ("--tolerance-candidates", guarding.map { String($0.toleranceCandidates ?? 0) } ?? Self.notRecorded),
            ("--no-tuning", guarding.map { $0.tuning ? "not given" : "given" } ?? Self.notRecorded),
            ("--max-library", ceilings.map { String($0.librarySize) } ?? Self.notRecorded),
            ("--max-model", ceilings.map { String($0.modelBytes >> 10) } ?? Self.notRecorded),
            ("--max-round-seconds", ceilings.map { $0.roundSeconds.map(Self.number) ?? "none" } ?? Self.notRecorded),
        ]
    }

    /// The value shown for a setting a run from an older Ouroboros did not record.
    static let notRecorded = "not recorded"

    /// The settings of `given` that would change a run stored with these settings, each as
    /// "--timeout is 5 in RUN, 2 given". The rounds are not among them (a run is extended to
    /// more rounds), nor the jobs (they change how fast, not what); a setting a run from an
    /// older Ouroboros did not record is not compared.
    public func conflicts(with given: BootstrapSettings, run: String) -> [String] {
        zip(options, given.options).compactMap { stored, asked in
            guard stored.option != "--rounds", stored.value != asked.value,
                  stored.value != Self.notRecorded, asked.value != Self.notRecorded else { return nil }
            if stored.option.hasPrefix("--no-") {
                return stored.value == "given" ? "\(run) has \(stored.option); it is not given" : "\(stored.option) given; \(run) does not have it"
            }
            return "\(stored.option) is \(stored.value) in \(run), \(asked.value) given"
        }
    }

    /// The memory bound of each task in bytes (`Int.max` for none; 1 GiB when not recorded).
    public var memoryBytes: Int {
        guard let memoryMiB else { return Defaults.memoryLimit }
        return memoryMiB >= Int.max >> 20 ? .max : memoryMiB << 20
    }

    /// A number of seconds as the command line takes it: 5, 0.5.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(format: "%.0f", value) : String(value)
    }
}
