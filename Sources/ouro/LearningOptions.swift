import ArgumentParser
import Language

/// `--frontier K`, shared by the commands that search JSON tasks; left out, `nil` (a resumed
/// run keeps its own), else `Defaults.frontierSize`.
struct FrontierOption: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("How many programs each task's frontier keeps, 1 ≤ K ≤ 1000 (default \(Defaults.frontierSize)).", valueName: "K"),
            transform: { try CommandLineNumber.integer($0, in: 1...1_000) })
    var frontier: Int?

    var size: Int { frontier ?? Defaults.frontierSize }
}

/// `--dreams N`, shared by the commands that train a ranking model.
struct DreamsOption: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Dreams the ranking model is trained on (per round in a bootstrap), 0 ≤ N ≤ 1000000 (default \(Defaults.dreams)).", valueName: "N"),
            transform: { try CommandLineNumber.integer($0, in: 0...1_000_000) })
    var dreams: Int?

    var count: Int { dreams ?? Defaults.dreams }
}

/// `--max-arity A`, shared by the commands that learn abstractions.
struct ArityOption: ParsableArguments {
    @Option(name: .customLong("max-arity"), parsing: .unconditional,
            help: ArgumentHelp("The most arguments a learned abstraction may take, 0 ≤ A ≤ 10 (default \(Defaults.maximumArity)).", valueName: "A"),
            transform: { try CommandLineNumber.integer($0, in: 0...10) })
    var maximumArity: Int?

    var arity: Int { maximumArity ?? Defaults.maximumArity }
}
