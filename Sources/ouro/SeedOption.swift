import ArgumentParser

/// `--seed`, shared by every command that draws random numbers: the same seed gives the same run.
struct SeedOption: ParsableArguments {
    @Option(name: .customLong("seed"), parsing: .unconditional,
            help: ArgumentHelp("Seed of the random choices (dreams, initial weights, starting points), 0 ≤ n < 2^64.", valueName: "n"),
            transform: { try CommandLineNumber.seed($0) })
    var given: UInt64?

    /// The seed given, or 1.
    var seed: UInt64 { given ?? 1 }
}
