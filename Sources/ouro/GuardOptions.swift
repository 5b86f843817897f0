import ArgumentParser
import Bootstrap

/// The options of `ouro bootstrap` for the guard, the tuning and the ceilings; each left out
/// is `nil` (a resumed run keeps its own value, a new one takes the default).
struct GuardOptions: ParsableArguments {
    @Flag(name: .customLong("no-guard"),
          help: "Adopt every sleep's learning unjudged, hold out no validation tasks and tune nothing (the loop before the guard).")
    var noGuard = false

    @Flag(name: .customLong("no-tuning"), help: "Judge what the sleeps learn, but never change the search configuration.")
    var noTuning = false

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Validation task files or folders: searched every round, never learned from, and the evidence the guard judges on (default: --validation-share of the train tasks).", valueName: "path"))
    var validate: [String] = []

    @Option(name: .customLong("validation-share"), parsing: .unconditional,
            help: ArgumentHelp("The share of the train tasks held out for validation when --validate is not given, 0 < F < 1 (default 0.2), chosen by a hash of each task's file and name and the seed.", valueName: "F"),
            transform: { try CommandLineNumber.real($0, above: 0, upTo: 1, includesUpper: false) })
    var validationShare: Double?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("How much a proposal may raise the median candidates of the validation tasks both it and the incumbent solve and still be adopted, 0 ≤ F ≤ 10 (default 0.1: 10 %).", valueName: "F"),
            transform: { try CommandLineNumber.real($0, above: 0, includesLower: true, upTo: 10) })
    var tolerance: Double?

    @Option(name: .customLong("tolerance-candidates"), parsing: .unconditional,
            help: ArgumentHelp("How many candidates that median may rise by whatever --tolerance says, 0 ≤ N ≤ 1000000000 (default 1000: well under a millisecond of search).", valueName: "N"),
            transform: { try CommandLineNumber.integer($0, in: 0...1_000_000_000) })
    var toleranceCandidates: Int?

    @Option(name: .customLong("max-library"), parsing: .unconditional,
            help: ArgumentHelp("Ceiling: the most abstractions the library may hold, 0 ≤ N ≤ 100000 (default 100); a proposal past it is rejected.", valueName: "N"),
            transform: { try CommandLineNumber.integer($0, in: 0...100_000) })
    var maximumLibrary: Int?

    @Option(name: .customLong("max-model"), parsing: .unconditional,
            help: ArgumentHelp("Ceiling: the largest ranking model, in KiB of its file, 1 ≤ K ≤ 1048576 (default 8192); a proposal past it is rejected.", valueName: "KiB"),
            transform: { try CommandLineNumber.integer($0, in: 1...1_048_576) })
    var maximumModel: Int?

    @Option(name: .customLong("max-round-seconds"), parsing: .unconditional,
            help: ArgumentHelp("Ceiling: the most wall seconds a round may take, 0 < S ≤ 1000000, or none (the default): searches still going then are recorded unsolved, and validation not finished adopts nothing.", valueName: "seconds"),
            transform: { try CommandLineNumber.secondsOrNone($0) })
    var maximumRoundSeconds: Double?

    func check() throws {
        if noGuard && (noTuning || !validate.isEmpty || validationShare != nil || tolerance != nil || toleranceCandidates != nil) {
            throw ValidationError("--no-guard holds out nothing and tunes nothing: leave out --no-tuning, --validate, --validation-share and the tolerances.")
        }
        if !validate.isEmpty && validationShare != nil {
            throw ValidationError("--validate names the validation tasks: leave out --validation-share.")
        }
    }

    /// `stored` (a resumed run's, or the defaults) with the options given.
    func guarding(over stored: GuardSettings?) -> GuardSettings {
        if noGuard { return .off }
        var settings = stored ?? GuardSettings()
        if noTuning { settings.tuning = false }
        if let validationShare { settings.validationShare = validationShare }
        if let tolerance { settings.tolerance = tolerance }
        if let toleranceCandidates { settings.toleranceCandidates = toleranceCandidates }
        return settings
    }

    /// `stored` (a resumed run's, or the defaults) with the options given.
    func ceilings(over stored: Ceilings?) -> Ceilings {
        var ceilings = stored ?? Ceilings()
        if let maximumLibrary { ceilings.librarySize = maximumLibrary }
        if let maximumModel { ceilings.modelBytes = maximumModel << 10 }
        if let maximumRoundSeconds { ceilings.roundSeconds = maximumRoundSeconds.isFinite ? maximumRoundSeconds : nil }
        return ceilings
    }
}
