import Language
import Search
import Tasks
import Testing

/// A tiny 4-bit grammar: Start → x | #x1 | (bvnot Start) | (bvadd Start Start) | (bvand Start Start).
private let width = 4
private let bv = TypeExpr.bitVector(width: width)

private func builtin(_ name: String, _ arguments: [Expression]) -> Expression {
    .builtin(Builtins.primitive(named: name, argumentSorts: Array(repeating: bv, count: arguments.count))!, arguments)
}

private let grammar = SyGuSGrammar(nonterminals: [
    .init(name: "Start", sort: bv, productions: [
        .parameter(0),
        .constant(.bitVector(1, width: width)),
        builtin("bvnot", [.nonterminal(0)]),
        builtin("bvadd", [.nonterminal(0), .nonterminal(0)]),
        builtin("bvand", [.nonterminal(0), .nonterminal(0)]),
    ]),
])

private let inputs: [[Value]] = [0, 3, 9, 14].map { [.bitVector($0, width: width)] }

/// Every program of exactly `size` nodes, by brute force.
private func programs(ofSize size: Int) -> [Expression] {
    if size == 1 { return [.parameter(0), .constant(.bitVector(1, width: width))] }
    var result = programs(ofSize: size - 1).map { builtin("bvnot", [$0]) }
    for left in 1..<(size - 1) {
        for a in programs(ofSize: left) {
            for b in programs(ofSize: size - 1 - left) {
                result.append(builtin("bvadd", [a, b]))
                result.append(builtin("bvand", [a, b]))
            }
        }
    }
    return result
}

private func outputs(_ e: Expression) -> [Value] {
    let evaluator = ExpressionEvaluator(definitions: [])
    return inputs.map { try! evaluator.evaluate(e, variables: [], parameters: $0) }
}

@Suite struct BottomUpEnumeratorTests {
    @Test func enumeratesInNonDecreasingCostWithoutEquivalentPrograms() throws {
        let enumerator = try BottomUpEnumerator(grammar: grammar, definitions: [], parameterSorts: [bv], inputs: inputs)
        var seen: [[Value]: Int] = [:]
        var lastCost = 0
        let outcome = enumerator.run(maximumCost: 6) { id in
            let cost = enumerator.cost(of: id)
            #expect(cost >= lastCost, "costs went down from \(lastCost) to \(cost)")
            lastCost = cost
            let vector = (0..<inputs.count).map { enumerator.value(of: id, example: $0) }
            #expect(seen[vector] == nil, "two programs with outputs \(vector)")
            seen[vector] = cost
            // The stored outputs are the program's real outputs.
            #expect(outputs(enumerator.expression(of: id)) == vector)
            return true
        }
        #expect(outcome == .exhausted)
        // Brute force: each output vector reachable within size 6 is kept, at its smallest size.
        var smallest: [[Value]: Int] = [:]
        for size in 1...6 {
            for program in programs(ofSize: size) where smallest[outputs(program)] == nil {
                smallest[outputs(program)] = size
            }
        }
        #expect(seen == smallest)
    }

    @Test func productionCostsOrderTheSearch() throws {
        // Making bvnot expensive delays every program that uses it.
        let costs = ProductionCosts(root: [[1, 1, 5, 1, 1]])
        let enumerator = try BottomUpEnumerator(grammar: grammar, definitions: [], parameterSorts: [bv], inputs: inputs, costs: costs)
        var firstNot: Int?
        _ = enumerator.run(maximumCost: 7) { id in
            let text = "\(enumerator.expression(of: id))"
            if firstNot == nil, text.contains("bvnot") { firstNot = enumerator.cost(of: id) }
            return true
        }
        #expect(firstNot == 6)
    }

    @Test func contextualCostsPriceAChildByItsParent() throws {
        // bvnot costs 5 at the root and everywhere, except as bvand's second argument, where it costs 1.
        let root = [[1, 1, 5, 1, 1]]
        var arguments = [[[[Int]]]](repeating: [], count: 1)
        arguments[0] = root[0].indices.map { production in
            Array(repeating: root[0], count: grammar.nonterminals[0].productions[production].nonterminals.count)
        }
        arguments[0][4][1][2] = 1
        let costs = ProductionCosts(root: root, arguments: arguments)
        let enumerator = try BottomUpEnumerator(grammar: grammar, definitions: [], parameterSorts: [bv], inputs: inputs, costs: costs)
        var firstNot: (level: Int, cost: Int)?
        var firstAndNot: Int?
        var seen: Set<[Value]> = []
        let outcome = enumerator.run(maximumCost: 22) { id in
            let text = "\(enumerator.expression(of: id))"
            let level = enumerator.currentCost + 1
            if firstNot == nil, text.contains("bvnot") { firstNot = (level, enumerator.cost(of: id)) }
            if firstAndNot == nil, text.hasPrefix("builtin(bvand"), text.contains("bvnot") { firstAndNot = level }
            let vector = (0..<inputs.count).map { enumerator.value(of: id, example: $0) }
            #expect(outputs(enumerator.expression(of: id)) == vector)
            seen.insert(vector)
            return true
        }
        #expect(outcome == .exhausted)
        // (bvnot leaf) costs 6 as a whole program but is built at level 2, where bvand's
        // second argument needs it; bvand over it costs 1 + 1 + (1 + 1) = 4.
        #expect(firstNot?.level == 2 && firstNot?.cost == 6)
        #expect(firstAndNot == 4)
        // No behaviour is lost: every output vector of a program of up to 5 nodes is found.
        for size in 1...5 {
            for program in programs(ofSize: size) { #expect(seen.contains(outputs(program)), "\(program)") }
        }
    }

    @Test func countsEveryCandidateBuilt() throws {
        let enumerator = try BottomUpEnumerator(grammar: grammar, definitions: [], parameterSorts: [bv], inputs: inputs)
        _ = enumerator.run(maximumCost: 1) { _ in true }
        #expect(enumerator.candidates == 2)
        #expect(enumerator.entryCount == 2)
    }
}
