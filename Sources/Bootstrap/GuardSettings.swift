import Foundation

/// How a run checks what its sleeps propose to change in it (see `BootstrapRun`): the
/// validation tasks held out of the train tasks, the tolerance of the comparison, and whether
/// the search configuration is tuned.
public struct GuardSettings: Sendable, Codable, Equatable {
    /// Whether proposals are judged on the validation tasks (`false`: every sleep's learning is
    /// adopted, as long as it is within the ceilings, and nothing is held out or tuned).
    public var enabled = true
    /// The share of the train tasks held out for validation when no validation files are given.
    public var validationShare = 0.2
    /// How much a proposal may raise the median candidates of the validation tasks both sides
    /// solve and still be adopted: 0.1 allows 10 % more.
    public var tolerance = 0.1
    /// How many candidates the median may rise by whatever the share: a rise this small costs
    /// well under a millisecond (absent in runs from before it: none).
    public var toleranceCandidates: Int? = 1_000
    /// Whether each sleep also proposes changes to the search configuration.
    public var tuning = true

    public init() {}

    /// The settings of `--no-guard`.
    public static let off: GuardSettings = {
        var settings = GuardSettings()
        settings.enabled = false
        settings.tuning = false
        return settings
    }()
}

/// Hard limits the loop may not tune or learn past. A proposal outside them is rejected
/// and journalled; the per-task timeout and memory bound of the run's settings are ceilings
/// too (every search of the loop, validation included, runs within them, and no setting the
/// loop tunes raises them).
public struct Ceilings: Sendable, Codable, Equatable {
    /// The most abstractions the library may hold.
    public var librarySize = 100
    /// The largest ranking model, in bytes of its file.
    public var modelBytes = 8 << 20
    /// The most wall seconds a round may take, searches, sleep and validation together
    /// (`nil`: no limit). Tasks not searched in time are recorded unsolved; validation not
    /// finished in time adopts nothing.
    public var roundSeconds: Double?

    public init() {}
}
