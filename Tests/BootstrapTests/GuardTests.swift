import Domain
import Domains
import Foundation
import Grammar
import Language
import Testing
import TestSupport
@testable import Bootstrap

/// The guard's comparison, the tuning grid, the hold-out and the pruned library.
@Suite struct GuardJudgementTests {
    static func trial(_ candidates: Int?) -> Trial {
        candidates.map { Trial(solved: true, candidates: $0, seconds: Double($0) / 1000) } ?? Trial(solved: false, candidates: 9_999, seconds: 2)
    }

    static func trials(_ candidates: [Int?]) -> [Int: Trial] {
        Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($0, trial($1)) })
    }

    @Test func aProposalThatSolvesFewerIsRejectedWithTheTaskItLost() {
        let judgement = Guard.judge(Self.trials([10, nil, 30]), against: Self.trials([100, 200, 300]), tasks: [0, 1, 2], tolerance: 0.1)
        #expect(!judgement.passes)
        #expect(judgement.reason == "only solves 2 of 3 validation tasks (the incumbent: 3)")
        #expect(judgement.lost == [1] && judgement.gained.isEmpty)
        #expect(judgement.incumbent == ValidationFigures(solved: 3, total: 3, medianCandidates: 200, medianSeconds: 0.2))
        #expect(judgement.proposal == ValidationFigures(solved: 2, total: 3, medianCandidates: 20, medianSeconds: 0.02))
    }

    @Test func theMedianOfTasksBothSolveMayRiseByTheToleranceOnly() {
        let within = Guard.judge(Self.trials([110, 220, nil]), against: Self.trials([100, 200, nil]), tasks: [0, 1, 2], tolerance: 0.1)
        #expect(within.passes)
        #expect(within.reason == "solves 2 of 3 validation tasks (the incumbent: 2); median candidates 165 on the 2 both solve (the incumbent: 150)")
        let above = Guard.judge(Self.trials([120, 220, nil]), against: Self.trials([100, 200, nil]), tasks: [0, 1, 2], tolerance: 0.1)
        #expect(!above.passes)
        #expect(above.reason.hasSuffix("median candidates 170 on the 2 both solve (the incumbent: 150, more than 10 % above)"))
        // A rise of a few candidates is within an absolute slack whatever the share.
        let small = Guard.judge(Self.trials([30, 300, nil]), against: Self.trials([10, 100, nil]), tasks: [0, 1, 2], tolerance: 0.1, slack: 1_000)
        #expect(small.passes)
        // Passing with no more solved and a higher median is passing only within the tolerance
        // (the guard then tries the sleep's parts against it); more solved, or a lower median, is not.
        #expect(within.withinToleranceOnly && small.withinToleranceOnly && !above.withinToleranceOnly)
        #expect(!Guard.judge(Self.trials([90, 200, nil]), against: Self.trials([100, 200, nil]), tasks: [0, 1, 2], tolerance: 0.1).withinToleranceOnly)
        #expect(!Guard.judge(Self.trials([110, 220, 5]), against: Self.trials([100, 200, nil]), tasks: [0, 1, 2], tolerance: 0.1).withinToleranceOnly)
        let large = Guard.judge(Self.trials([3_000, 3_000, nil]), against: Self.trials([10, 100, nil]), tasks: [0, 1, 2], tolerance: 0.1, slack: 1_000)
        #expect(!large.passes && large.reason.hasSuffix("(the incumbent: 55, more than 10 % and 1000 candidates above)"))
        // A task solved quickly may not be lost, even for more gained; one near the timeout may.
        let quickly = Guard.judge(Self.trials([nil, 200, 10, 10]), against: Self.trials([100, 200, nil, nil]), tasks: [0, 1, 2, 3],
                                  tolerance: 0.1, quick: 1)
        #expect(!quickly.passes && quickly.reason == "solves 3 of 4 validation tasks (the incumbent: 2), but not 1 that the incumbent solved in under 1 s")
        #expect(Guard.judge(Self.trials([nil, 200, 10, 10]), against: Self.trials([1_500, 200, nil, nil]), tasks: [0, 1, 2, 3],
                            tolerance: 0.1, quick: 1).passes)
        // A task only the proposal solves counts for it, not in the medians.
        let gained = Guard.judge(Self.trials([100, 200, 5_000]), against: Self.trials([100, 200, nil]), tasks: [0, 1, 2], tolerance: 0)
        #expect(gained.passes && gained.gained == [2] && gained.proposal.medianCandidates == 150)
    }

    @Test func aConfigurationChangeMustBeStrictlyBetter() {
        let same = Guard.judge(Self.trials([100, 200]), against: Self.trials([100, 200]), tasks: [0, 1], tolerance: 0.1, requirement: .better)
        #expect(!same.passes)
        #expect(same.reason.hasSuffix("): no better"))
        let fewer = Guard.judge(Self.trials([50, 100]), against: Self.trials([100, 200]), tasks: [0, 1], tolerance: 0.1, requirement: .better)
        #expect(fewer.passes)
        let none = Guard.judge(Self.trials([nil]), against: Self.trials([nil]), tasks: [0], tolerance: 0.1, requirement: .better)
        #expect(!none.passes && none.reason == "solves 0 of 1 validation tasks (the incumbent: 0), none solved by both")
        // A smaller library must be better by the tolerance.
        let slightly = Guard.judge(Self.trials([95, 190]), against: Self.trials([100, 200]), tasks: [0, 1], tolerance: 0.1,
                                   requirement: .clearlyBetter, other: "learned")
        #expect(!slightly.passes && slightly.reason.hasSuffix("(learned: 150): not 10 % below"))
        #expect(Guard.judge(Self.trials([85, 170]), against: Self.trials([100, 200]), tasks: [0, 1], tolerance: 0.1, requirement: .clearlyBetter).passes)
    }

    @Test func theTuningGridGivesTheNearestValuesOnEachSideFirst() {
        let setting = SearchSetting("window", range: 0...20, default: 3, grid: [0, 1, 2, 3, 5, 8], meaning: "a test setting")
        #expect(setting.neighbours(of: 3) == [2, 5, 1, 8])
        #expect(setting.neighbours(of: 0) == [1, 2])
        #expect(setting.neighbours(of: 4) == [3, 5, 2, 8])
        #expect(setting.neighbours(of: 8, reach: 1) == [5])
        #expect(LambdaDomain.frontierWindow.grid.contains(LambdaDomain.frontierWindow.defaultValue))
        #expect(SyGuSDomain.guidedShare.grid.contains(SyGuSDomain.guidedShare.defaultValue))
    }
}

/// What a round's measurements suggest of a domain's settings.
@Suite struct SettingSuggestionTests {
    /// A search that took `fallback` seconds in the second search; by default a solved one with
    /// such time was solved by it.
    static func search(solved: Bool, fallback: Double, byFallback: Bool? = nil) -> SearchMeasurement {
        var timings = Timings()
        timings.add(.search, 0.5)
        if fallback > 0 { timings.add(.fallback, fallback) }
        return SearchMeasurement(solved: solved, seconds: 0.5 + fallback, candidates: 100, timings: timings,
                                 foundByFallback: byFallback ?? (solved && fallback > 0))
    }

    @Test func answersTheSecondSearchFoundGiveItMoreTime() {
        let searches = [Self.search(solved: true, fallback: 0), Self.search(solved: true, fallback: 0.3), Self.search(solved: false, fallback: 1)]
        let suggested = SyGuSDomain().suggestedSettings(after: searches, in: SearchConfiguration())
        #expect(suggested.map(\.value) == [0.35] && suggested.first?.setting == SyGuSDomain.guidedShare)
        #expect(suggested.first?.why == "the search with the starting grammar found 1 answer the guided search did not")
    }

    @Test func aSecondSearchThatFoundNothingGivesTheGuidedOneMoreTime() throws {
        // A task the guided search solved after the second search's first turn counts for the guided one.
        let searches = [Self.search(solved: true, fallback: 0), Self.search(solved: false, fallback: 1),
                        Self.search(solved: true, fallback: 0.05, byFallback: false)]
        var configuration = SearchConfiguration()
        try configuration.set(SyGuSDomain.guidedShare, to: 0.65)
        let suggested = SyGuSDomain().suggestedSettings(after: searches, in: configuration)
        #expect(suggested.map(\.value) == [0.8])
        #expect(suggested.first?.why == "the guided search found all 2 answers; the search with the starting grammar found none of the 2 tasks it took on")
        // With no second search at all, nothing is suggested; nor by a domain that has no view.
        #expect(SyGuSDomain().suggestedSettings(after: [Self.search(solved: true, fallback: 0)], in: configuration).isEmpty)
        #expect(LambdaDomain().suggestedSettings(after: searches, in: SearchConfiguration()).isEmpty)
    }

    @Test func timingsMoveFromOnePartToAnother() {
        var timings = Timings()
        timings.add(.search, 2)
        timings.add(.verification, 1)
        timings.add(.fallback, 0.5)
        let moved = timings.moving(.search, to: .fallback)
        #expect(moved.seconds == [.fallback: 2.5, .verification: 1])
        #expect(timings.moving(.training, to: .search) == timings)
    }
}

@Suite struct ValidationSplitTests {
    static func tasks(_ names: [String], test: [String] = []) -> RunTasks {
        let items = names.map { (file: "Problems/x/train/a.seq", task: IntegerSequence(name: $0, terms: [1, 2, 3]), split: Split.train) }
            + test.map { (file: "Problems/x/test/b.seq", task: IntegerSequence(name: $0, terms: [1, 2, 3]), split: Split.test) }
        return RunTasks(domain: SequenceDomain(), tasks: items)
    }

    static func held(_ tasks: RunTasks) -> [String] {
        tasks.entries.filter { $0.split == .validation }.map(\.name).sorted()
    }

    @Test func aSeededShareOfTheTrainTasksIsHeldOutWhateverTheirOrder() {
        let names = (0..<10).map { "t\($0)" }
        let tasks = Self.tasks(names, test: ["u0", "u1"])
        let held = Self.held(tasks.holdingOut(0.2, seed: 1))
        #expect(held.count == 2)
        #expect(Self.held(tasks.holdingOut(0.2, seed: 1)) == held)
        #expect(Self.held(Self.tasks(names.reversed(), test: ["u0", "u1"]).holdingOut(0.2, seed: 1)) == held)
        #expect(Set((1...20).map { Self.held(tasks.holdingOut(0.2, seed: UInt64($0))) }).count > 1)
        #expect(tasks.holdingOut(0.2, seed: 1).entries.filter { $0.split == .test }.map(\.name) == ["u0", "u1"])
    }

    @Test func atLeastOneIsHeldOutAndOneKept() {
        #expect(Self.held(Self.tasks(["a", "b"]).holdingOut(0.01, seed: 3)).count == 1)
        #expect(Self.held(Self.tasks(["a", "b", "c"]).holdingOut(0.99, seed: 3)).count == 2)
        #expect(Self.held(Self.tasks(["a"]).holdingOut(0.5, seed: 3)).isEmpty)
    }
}

@Suite struct PrunedLibraryTests {
    @Test func removingAnAbstractionKeepsTheOnesOthersUse() throws {
        var grammar = try Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))
        let table = grammar.primitiveTable
        let type = try TypeExpr(parsing: "int -> int")
        let inner = Abstraction(name: "fn_0", body: try Program(parsing: "(lambda (+ $0 1))", primitives: table), type: type)
        let withInner = PrimitiveTable(primitives: grammar.primitives, abstractions: [inner], unknownNames: .reject)
        let outer = Abstraction(name: "fn_1", body: try Program(parsing: "(lambda (fn_0 (fn_0 $0)))", primitives: withInner), type: type)
        let lone = Abstraction(name: "fn_2", body: try Program(parsing: "(lambda (* $0 $0))", primitives: table), type: type)
        for abstraction in [inner, outer, lone] { try grammar.add(Production(abstraction)) }
        let key = ContextualKey(slot: .argument(of: Production(lone).key, index: 0), choice: .variable)
        grammar.contextualLogWeights[key] = -1

        let pruned = grammar.removingAbstractions(named: ["fn_0", "fn_2"])
        #expect(pruned.abstractions.map(\.name) == ["fn_0", "fn_1"])
        #expect(pruned.contextualLogWeights[key] == nil)
        #expect(pruned.primitives.count == grammar.primitives.count)
        #expect(grammar.removingAbstractions(named: ["fn_1"]).abstractions.map(\.name) == ["fn_0", "fn_2"])
        #expect(try Grammar(parsing: pruned.fileText).abstractions.count == 2)
    }
}
