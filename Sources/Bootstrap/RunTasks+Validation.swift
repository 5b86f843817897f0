import Foundation
import Language

extension RunTasks {
    /// The tasks with `share` of the train tasks moved to the validation split: those whose
    /// hash of file name, task name and `seed` is lowest, so the choice depends on neither the
    /// order nor the folder the files are read from. At least one task is held out when two or
    /// more are train tasks, and at least one stays a train task.
    public func holdingOut(_ share: Double, seed: UInt64) -> RunTasks {
        let train = entries.indices.filter { entries[$0].split == .train }
        guard train.count >= 2, share > 0 else { return self }
        let count = min(train.count - 1, max(1, Int((share * Double(train.count)).rounded())))
        func rank(_ index: Int) -> UInt64 {
            let entry = entries[index]
            var generator = SplitMix64(seed: SplitMix64.seed(for: (entry.file as NSString).lastPathComponent + "\u{0}" + entry.name) ^ seed)
            return generator.next()
        }
        let held = Set(train.sorted { (rank($0), $0) < (rank($1), $1) }.prefix(count))
        var split = entries
        for index in held { split[index].split = .validation }
        return RunTasks(entries: split, parts: parts)
    }
}
