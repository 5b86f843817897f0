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
        ]
    }

    /// The settings of `given` that would change a run stored with these settings, each as
    /// "--timeout is 5 in RUN, 2 given". The rounds are not among them (a run is extended to
    /// more rounds), nor the jobs (they change how fast, not what); a memory bound not
    /// recorded (a run from an older Ouroboros) is not compared.
    public func conflicts(with given: BootstrapSettings, run: String) -> [String] {
        var mine = options, theirs = given.options
        if memoryMiB == nil || given.memoryMiB == nil {
            mine.removeAll { $0.option == "--memory" }
            theirs.removeAll { $0.option == "--memory" }
        }
        return zip(mine, theirs).compactMap { stored, asked in
            guard stored.option != "--rounds", stored.value != asked.value else { return nil }
            if stored.option == "--no-ranker" {
                return useRanker ? "\(run) uses a ranking model; --no-ranker given" : "\(run) has --no-ranker; it is not given"
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
