import Foundation
import Grammar
import Language
@testable import Search
import Testing
import TestSupport

private let lists = try! Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))

/// Fewer productions, so that solutions with `if` and `eq?` cost little to reach in a debug build.
private let small = try! Grammar(parsing: """
    (variable 0.0)
    (primitive map "(t0 -> t1) -> list(t0) -> list(t1)" 0.0)
    (primitive fold "list(t0) -> t1 -> (t0 -> t1 -> t1) -> t1" 0.0)
    (primitive if "bool -> t0 -> t0 -> t0" 0.0)
    (primitive + "int -> int -> int" 0.0)
    (primitive * "int -> int -> int" 0.0)
    (primitive car "list(t0) -> t0" 0.0)
    (primitive index "int -> list(t0) -> t0" 0.0)
    (primitive range "int -> list(int)" 0.0)
    (primitive length "list(t0) -> int" 0.0)
    (primitive 0 "int" 0.0)
    (primitive 1 "int" 0.0)
    (primitive gt? "int -> int -> bool" 0.0)
    (primitive eq? "int -> int -> bool" 0.0)
    """)

/// The pruning rules, checked against their definitions on whole programs, and against tasks
/// they apply to: what they cut is exactly what they say, and no task loses its most
/// probable solution.
@Suite struct PruningTests {
    /// The codes of a subprogram (over the enumerator's leaves).
    private func codes(_ program: Program, _ leaves: [Program]) -> [Int32] {
        ProgramCode.codes(of: program) { leaf in leaves.firstIndex(of: leaf).map(Int32.init) }!
    }

    /// A choice's place among a hole's choices: productions by index, then variables.
    private func rank(_ code: Int32, _ leaves: [Program]) -> Int {
        switch ProgramCode.decode(code) {
        case .leaf(let index): return index
        case .lambda: return -1
        case .variable(let index, _): return leaves.count + index
        }
    }

    /// Whether some node of `program` is one that a rule cuts: a (parent, argument, child)
    /// triple of `PruningRules`, a commutative operation whose second argument comes first in
    /// depth-first order, or an `if` with equal branches.
    private func isCut(_ program: Program, _ leaves: [Program]) -> Bool {
        if case .lambda(let body) = program { return isCut(body, leaves) }
        let (head, arguments) = program.spine
        if arguments.contains(where: { isCut($0, leaves) }) { return true }
        guard case .primitive(let primitive) = head else { return false }
        for (index, argument) in arguments.enumerated() {
            guard case .primitive(let child) = argument.spine.head else { continue }
            if PruningRules.rules.contains(where: { $0 == (primitive.name, index, child.name) }) { return true }
        }
        if ["+", "*", "eq?"].contains(primitive.name) {
            let (a, b) = (codes(arguments[0], leaves).map { rank($0, leaves) }, codes(arguments[1], leaves).map { rank($0, leaves) })
            return b.lexicographicallyPrecedes(a)
        }
        if primitive.name == "if" { return arguments[1] == arguments[2] }
        return false
    }

    /// The programs of `request` within a cost bound, with and without pruning, and those of
    /// the second a rule defines as cut.
    private func enumerate(_ grammar: Grammar, _ request: String) throws -> (pruned: [String: Double], kept: [String: Double], cut: Set<String>) {
        let type = try TypeExpr(parsing: request)
        func programs(pruning: TopDownPruning) -> [String: Double] {
            var all: [String: Double] = [:]
            _ = TopDownEnumerator(grammar: grammar, request: type, pruning: pruning).run(maximumCost: 12.5) { program, logPrior in
                all[program.description] = logPrior
                return true
            }
            return all
        }
        let leaves = TopDownEnumerator(grammar: grammar, request: type).leaves
        var kept: [String: Double] = [:]
        var cut: Set<String> = []
        for (text, logPrior) in programs(pruning: []) {
            let program = try Program(parsing: text, primitives: grammar.primitiveTable)
            if isCut(program, leaves) { cut.insert(text) } else { kept[text] = logPrior }
        }
        return (programs(pruning: .all), kept, cut)
    }

    /// Where every variable's type is known when its scope opens (`fold` takes its list
    /// before its function; there is no `map`), the rules cut exactly what they define.
    @Test(arguments: ["list(int) -> int", "list(int) -> bool", "int -> int"])
    func theRulesCutExactlyWhatTheyDefine(request: String) throws {
        let grammar = try Grammar(parsing: small.fileText.split(separator: "\n").filter { !$0.contains("primitive map") }.joined(separator: "\n"))
        let (pruned, kept, cut) = try enumerate(grammar, request)
        #expect(cut.count > 100)
        #expect(Set(pruned.keys) == Set(kept.keys))
        #expect(pruned.allSatisfy { abs($0.value - kept[$0.key, default: .nan]) < 1e-9 })
    }

    /// Elsewhere they cut nothing else, and leave the pairs whose first argument may still fix
    /// a variable's type (`(map (lambda (+ $0 1)) …)` and `(map (lambda (+ 1 $0)) …)` both stay).
    @Test(arguments: ["list(int) -> int", "list(int) -> list(int)", "list(int) -> bool"])
    func theRulesCutNothingElse(request: String) throws {
        let (pruned, kept, cut) = try enumerate(lists, request)
        #expect(Set(pruned.keys).isSuperset(of: kept.keys))
        #expect(Set(pruned.keys).subtracting(kept.keys).isSubset(of: cut))
        #expect(cut.subtracting(pruned.keys).count > 50)
        #expect(pruned.allSatisfy { abs($0.value - (kept[$0.key] ?? $0.value)) < 1e-9 })
        if request == "list(int) -> list(int)" {
            #expect(pruned["(lambda (map (lambda (+ $0 1)) $0))"] != nil && pruned["(lambda (map (lambda (+ 1 $0)) $0))"] != nil)
        }
    }

    /// A task's most probable solution with and without pruning.
    private func solve(_ request: String, _ examples: [([Value], Value)], pruning: TopDownPruning) throws -> (String?, Int) {
        let enumerator = TopDownEnumerator(grammar: small, request: try TypeExpr(parsing: request), pruning: pruning)
        let (leaves, type) = (enumerator.leaves, enumerator.request)
        let search = TopDownSearch(enumerator: enumerator, frontierSize: 1, frontierWindow: 0, deadline: nil) {
            let evaluator = CompiledEvaluator(leaves: leaves, stepLimit: 5_000, memoryLimit: 1 << 24)
            evaluator.load(request: type, examples: examples)
            return evaluator.fits
        }
        let result = search.run()
        return (result.found.first.map { enumerator.program(from: $0.codes).description }, result.candidates)
    }

    private static func ints(_ values: Int...) -> Value { .list(values.map(Value.int)) }

    /// Each task's solutions include programs a rule cuts (swapped `+`, `*` or `eq?`
    /// arguments, an `if` with equal branches, the shapes of `PruningRules`); its most probable
    /// solution is found all the same.
    @Test(arguments: [
        ("sum", "list(int) -> int", [([ints(1, 2, 3)], Value.int(6)), ([ints(5)], .int(5)), ([ints()], .int(0))]),
        ("at-least-one", "int -> int", [([.int(3)], .int(3)), ([.int(0)], .int(1)), ([.int(-4)], .int(1)), ([.int(7)], .int(7))]),
        ("maximum", "list(int) -> int", [([ints(1, 7, 3)], .int(7)), ([ints(5, 2)], .int(5)), ([ints(4)], .int(4)), ([ints(2, 9)], .int(9))]),
        ("first-two-equal", "list(int) -> bool", [([ints(1, 1, 3)], .bool(true)), ([ints(5, 2)], .bool(false)), ([ints(4, 4)], .bool(true))]),
        ("length-plus-head", "list(int) -> int", [([ints(1, 1, 3)], .int(4)), ([ints(5, 2)], .int(7)), ([ints(4)], .int(5))]),
        ("square-each", "list(int) -> list(int)", [([ints(1, 3)], ints(1, 9)), ([ints(5)], ints(25)), ([ints()], ints())]),
    ] as [(String, String, [([Value], Value)])])
    func noTaskLosesItsBestSolution(name: String, request: String, examples: [([Value], Value)]) throws {
        let (all, fewest) = try solve(request, examples, pruning: .all)
        let (shapes, fewer) = try solve(request, examples, pruning: .shapes)
        let (none, most) = try solve(request, examples, pruning: [])
        #expect(all != nil, "\(name)")
        #expect(all == shapes && all == none, "\(name)")
        #expect(fewest < fewer && fewer <= most, "\(name): \(fewest) candidates with every rule, \(fewer) with shapes alone, \(most) without")
    }
}
