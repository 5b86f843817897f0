import Foundation
import Grammar
import Language
@testable import Search
import Testing
import TestSupport

private let lists = try! Grammar(parsing: TestSupport.text("Grammars/lists.grammar"))

/// A check that passes a pseudo-random few programs: those whose text hashes to 0 modulo
/// `modulus` (FNV-1a, so the same programs pass in every run).
private func sparse(_ modulus: UInt64, _ leaves: [Program]) -> TopDownSearch.Check {
    { codes in
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ProgramCode.program(from: codes, leaves: leaves).description.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash % modulus == 0
    }
}

/// The programs `TopDownEnumerator.run` hands out that pass `check`, as a search for them
/// should find them: the first `size` passing within `window` of the first's cost.
private func expected(_ request: TypeExpr, size: Int, window: Double, modulus: UInt64) -> [(String, Double)] {
    let enumerator = TopDownEnumerator(grammar: lists, request: request)
    let check = sparse(modulus, enumerator.leaves)
    var found: [(String, Double)] = []
    _ = enumerator.run { program, logPrior in
        if let first = found.first, -logPrior > -first.1 + window { return false }
        let codes = ProgramCode.codes(of: program) { leaf in enumerator.leaves.firstIndex(of: leaf).map(Int32.init) }!
        if codes.withUnsafeBufferPointer(check) { found.append((program.description, logPrior)) }
        return found.count < size
    }
    return found
}

@Suite struct TopDownSearchTests {
    @Test(arguments: [(7, "list(int) -> int"), (97, "list(int) -> list(int)"), (389, "list(int) -> int")])
    func findsTheFirstPassingProgramsInTheEnumeratorsOrder(modulus: Int, request: String) throws {
        let type = try TypeExpr(parsing: request)
        let want = expected(type, size: 5, window: 3, modulus: UInt64(modulus))
        #expect(!want.isEmpty)
        for helpers in [0, 2] {
            let enumerator = TopDownEnumerator(grammar: lists, request: type)
            let leaves = enumerator.leaves
            let search = TopDownSearch(enumerator: enumerator, frontierSize: 5, frontierWindow: 3, deadline: nil) {
                sparse(UInt64(modulus), leaves)
            }
            let group = DispatchGroup()
            for _ in 0..<helpers {
                group.enter()
                Thread {
                    search.help()
                    group.leave()
                }.start()
            }
            let result = search.run()
            group.wait()
            let got = result.found.map { (enumerator.program(from: $0.codes).description, -$0.cost) }
            #expect(got.map(\.0) == want.map(\.0), "with \(helpers) helpers")
            #expect(zip(got, want).allSatisfy { abs($0.1 - $1.1) < 1e-12 })
            #expect(result.outcome == .stopped)
        }
    }

    /// Two walkers that take alternate units visit every program of a window exactly once,
    /// whatever the depth of the units, and the units put their programs back in
    /// depth-first order.
    @Test(arguments: [1, 2, 3, 4, 6])
    func walkersSharingAWindowVisitEachProgramOnce(splitDepth: Int) throws {
        let enumerator = TopDownEnumerator(grammar: lists, request: try TypeExpr(parsing: "list(int) -> list(int)"))
        let whole = TopDownWalker(space: enumerator.space)
        var all: [[Int32]] = []
        _ = whole.walk(lower: 9, upper: 15) { codes, _ in
            all.append(Array(codes))
            return true
        }
        #expect(all.count > 1_000)
        var parts: [(unit: Int, order: Int, codes: [Int32])] = []
        for parity in 0..<2 {
            let walker = TopDownWalker(space: enumerator.space)
            var next = parity
            var order = 0
            _ = walker.walk(lower: 9, upper: 15, deadline: nil, splitDepth: splitDepth, claim: {
                defer { next += 2 }
                return next
            }) { codes, _ in
                order += 1
                parts.append((walker.currentUnit, order, Array(codes)))
                return true
            }
        }
        parts.sort { ($0.unit, $0.order) < ($1.unit, $1.order) }
        #expect(parts.map(\.codes) == all)
    }

    /// A walker that lowers its upper edge still numbers the units as the others do.
    @Test func aTightenedWalkerKeepsTheUnitsOfTheWindow() throws {
        let enumerator = TopDownEnumerator(grammar: lists, request: try TypeExpr(parsing: "list(int) -> int"))
        let whole = TopDownWalker(space: enumerator.space)
        var all: [[Int32]] = []
        _ = whole.walk(lower: 3, upper: 10.5) { codes, cost in
            if cost < 9 { all.append(Array(codes)) }
            return true
        }
        var parts: [(unit: Int, order: Int, codes: [Int32])] = []
        for parity in 0..<2 {
            let walker = TopDownWalker(space: enumerator.space)
            var next = parity
            var order = 0
            _ = walker.walk(lower: 3, upper: 10.5, deadline: nil, splitDepth: 3, claim: {
                defer { next += 2 }
                return next
            }) { codes, cost in
                if parity == 0 { walker.tighten(to: 9) }
                order += 1
                if cost < 9 { parts.append((walker.currentUnit, order, Array(codes))) }
                return true
            }
        }
        parts.sort { ($0.unit, $0.order) < ($1.unit, $1.order) }
        #expect(parts.map(\.codes) == all)
    }
}
