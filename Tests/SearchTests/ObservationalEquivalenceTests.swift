import Foundation
import Grammar
import Language
@testable import Search
import Testing
import TestSupport

private let lists = try! Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))

private func ints(_ values: Int...) -> Value { .list(values.map(Value.int)) }

/// Observational equivalence of closed subprograms: what it cuts always has a strictly
/// cheaper program that behaves the same on every example, and no task loses its most
/// probable solution.
@Suite struct ObservationalEquivalenceTests {
    /// Inputs with their sums as outputs (only the inputs matter here: outputs are never compared).
    static let examples: [([Value], Value)] = [
        ([ints(3, 1, 4)], .int(8)), ([ints()], .int(0)), ([ints(5, 9)], .int(14)), ([ints(2, 2, 6, 0)], .int(10)),
    ]

    private func evaluator(_ leaves: [Program], _ request: TypeExpr, _ examples: [([Value], Value)]) -> CompiledEvaluator {
        let evaluator = CompiledEvaluator(leaves: leaves, stepLimit: 2_000, memoryLimit: 1 << 24)
        // Outputs of the request's type (here only the inputs matter).
        let placeholder: Value = request.returnType == .bool ? .bool(false) : request.returnType == .int ? .int(0) : .list([])
        evaluator.load(request: request, examples: examples.map { ($0.0, examples.first?.1.type == request.returnType ? $0.1 : placeholder) })
        return evaluator
    }

    /// The programs of `request` below `bound`, with their costs, walked with or without the pruning.
    private func programs(_ request: TypeExpr, bound: Double, pruning: Bool) -> [[Int32]: Double] {
        let space = TopDownSpace(grammar: lists, request: request, pruning: .all)
        let walker = TopDownWalker(space: space)
        let runner = evaluator(space.leaves, request, Self.examples)
        if pruning {
            walker.observe(EquivalenceTable(grammar: lists, inputs: request.arguments, maximumCost: 8, capacity: 100_000),
                           behaviour: runner.behaviour(of:type:))
        }
        var found: [[Int32]: Double] = [:]
        var lower = 0.0
        while lower < bound {
            _ = walker.walk(lower: lower, upper: min(lower + 1.5, bound)) { codes, cost in
                found[Array(codes)] = cost
                return true
            }
            lower += 1.5
        }
        return found
    }

    @Test(arguments: ["list(int) -> int", "list(int) -> bool"])
    func whatIsCutHasACheaperProgramThatBehavesTheSame(request: String) throws {
        let type = try TypeExpr(parsing: request)
        let all = programs(type, bound: 16, pruning: false)
        let kept = programs(type, bound: 16, pruning: true)
        #expect(Set(kept.keys).isSubset(of: all.keys))
        let cut = all.filter { kept[$0.key] == nil }
        #expect(cut.count > 50, "\(cut.count) of \(all.count) programs cut")
        let runner = evaluator(TopDownSpace(grammar: lists, request: type, pruning: .all).leaves, type, Self.examples)
        func behaviour(_ codes: [Int32]) -> Behaviour? { codes.withUnsafeBufferPointer { runner.behaviour(of: $0, type: type.returnType) } }
        var cheapest: [Behaviour: Double] = [:]
        for (codes, cost) in kept {
            guard let found = behaviour(codes) else { continue }
            cheapest[found] = min(cheapest[found] ?? .infinity, cost)
        }
        for (codes, cost) in cut {
            let found = try #require(behaviour(codes))
            #expect((cheapest[found] ?? .infinity) < cost, "\(ProgramCode.program(from: codes, leaves: runner.leaves)) was cut")
        }
    }

    /// With the pruning, each task's most probable solution is the same, found among fewer candidates.
    @Test(arguments: [
        ("sum-plus-length", "list(int) -> int", [([ints(1, 2, 3)], Value.int(9)), ([ints(5)], .int(6)), ([ints()], .int(0))]),
        ("last", "list(int) -> int", [([ints(1, 2, 3)], .int(3)), ([ints(5, 2)], .int(2)), ([ints(4)], .int(4))]),
        ("drop-two", "list(int) -> list(int)", [([ints(1, 2, 3)], ints(3)), ([ints(5, 2, 7, 1)], ints(7, 1)), ([ints(4, 0)], ints())]),
    ] as [(String, String, [([Value], Value)])])
    func noTaskLosesItsBestSolution(name: String, request: String, examples: [([Value], Value)]) throws {
        let type = try TypeExpr(parsing: request)
        func solve(equivalence: Bool) -> (String?, Int) {
            let enumerator = TopDownEnumerator(grammar: lists, request: type)
            let leaves = enumerator.leaves
            let settings = TopDownSearch.ObservationalEquivalence(inputs: type.arguments, maximumCost: 8, capacity: 100_000)
            let search = TopDownSearch(enumerator: enumerator, frontierSize: 1, frontierWindow: 0, deadline: nil,
                                       equivalence: equivalence ? settings : nil) {
                let runner = evaluator(leaves, type, examples)
                return TopDownSearch.Checker(fits: runner.fits, behaviour: runner.behaviour(of:type:))
            }
            let result = search.run()
            return (result.found.first.map { enumerator.program(from: $0.codes).description }, result.candidates)
        }
        let (pruned, fewer) = solve(equivalence: true)
        let (plain, more) = solve(equivalence: false)
        #expect(pruned != nil && pruned == plain, "\(name)")
        #expect(fewer <= more, "\(name): \(fewer) candidates with observational equivalence, \(more) without")
        if name == "sum-plus-length" { #expect(fewer < more) }
    }

    @Test func behavioursAreEqualExactlyForEqualValuesOrFailures() throws {
        let request = try TypeExpr(parsing: "list(int) -> int")
        let leaves = TopDownSpace(grammar: lists, request: request, pruning: .all).leaves
        let runner = evaluator(leaves, request, Self.examples)
        func behaviour(_ text: String) throws -> Behaviour? {
            let program = try Program(parsing: text, primitives: lists.primitiveTable)
            let codes = try #require(ProgramCode.codes(of: program) { leaves.firstIndex(of: $0).map(Int32.init) })
            return codes.withUnsafeBufferPointer { runner.behaviour(of: $0, type: .int) }
        }
        #expect(try behaviour("(lambda (car $0))") == behaviour("(lambda (index 0 $0))"))      // fail on [] alike
        #expect(try behaviour("(lambda (length $0))") == behaviour("(lambda (length (map (lambda 0) $0)))"))
        #expect(try behaviour("(lambda (car $0))") != behaviour("(lambda (fold $0 0 (lambda (lambda $1))))"))  // 0 on [], not a failure
        #expect(try behaviour("(lambda (length $0))") != behaviour("(lambda (length (cdr $0)))"))
    }
}
