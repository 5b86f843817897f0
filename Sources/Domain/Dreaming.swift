import Language

/// The dreaming loop every domain shares. A dream is a program sampled for a source (a task
/// whose inputs it runs on) together with what it does there: a task whose solution is
/// known, so the ranking model can learn every behaviour the library can express, not only
/// those the real tasks happened to need. A domain says how to sample a program for a source
/// (`ChoiceSpace.sample`) and what a program does on it; the loop draws, drops and keeps.
public struct Dreaming: Sendable {
    /// How many dreams to make at most.
    public var count: Int
    public var seed: UInt64
    /// Samples per requested dream before the loop gives up.
    public var attemptsPerDream: Int

    public init(count: Int, seed: UInt64, attemptsPerDream: Int = 30) {
        self.count = count
        self.seed = seed
        self.attemptsPerDream = attemptsPerDream
    }

    /// One kept dream: the position of its source, its program, the program's log prior and
    /// what it does on the source.
    public struct Dreamt<Program, Behaviour> {
        public var source: Int
        public var program: Program
        public var logPrior: Double
        public var behaviour: Behaviour
    }

    /// Up to `count` dreams over `sources`: at each attempt a source drawn at random and a
    /// program sampled for it (`sample`: the program and its log prior, or `nil`), then what
    /// it does there (`behaviour`: `nil` when it fails, or teaches nothing, such as the same
    /// output for every input). Of the programs that behave alike on the same source only the
    /// most probable is kept; dreams come in the order their behaviours were first seen.
    /// Deterministic for a seed.
    public func dreams<Source, Program, Behaviour: Hashable>(
        over sources: [Source],
        sample: (Source, inout SplitMix64) -> (program: Program, logPrior: Double)?,
        behaviour: (Source, Program) -> Behaviour?
    ) -> [Dreamt<Program, Behaviour>] {
        guard !sources.isEmpty, count > 0 else { return [] }
        var random = SplitMix64(seed: seed)
        var kept: [Seen<Behaviour>: Int] = [:]
        var dreams: [Dreamt<Program, Behaviour>] = []
        var attempts = 0
        while dreams.count < count && attempts < count * attemptsPerDream {
            attempts += 1
            let index = Int(random.next() % UInt64(sources.count))
            guard let (program, logPrior) = sample(sources[index], &random),
                  let behaviour = behaviour(sources[index], program) else { continue }
            let seen = Seen(source: index, behaviour: behaviour)
            if let existing = kept[seen] {
                if logPrior > dreams[existing].logPrior {
                    dreams[existing].program = program
                    dreams[existing].logPrior = logPrior
                }
                continue
            }
            kept[seen] = dreams.count
            dreams.append(Dreamt(source: index, program: program, logPrior: logPrior, behaviour: behaviour))
        }
        return dreams
    }
}

/// A behaviour on a source, as the dreaming loop tells dreams apart.
private struct Seen<Behaviour: Hashable>: Hashable {
    var source: Int
    var behaviour: Behaviour
}
