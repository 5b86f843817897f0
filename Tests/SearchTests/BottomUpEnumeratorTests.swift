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

/// A grammar over strings, integers and Booleans with every operation that has a string
/// kernel, two that take the value-by-value path (`str.replace_all`, `str.<`), and a helper
/// whose body chains two operations through a temporary.
@Suite struct BottomUpStringTests {
    private static func op(_ name: String, _ sorts: [TypeExpr], _ arguments: [Expression]) -> Expression {
        .builtin(Builtins.primitive(named: name, argumentSorts: sorts)!, arguments)
    }

    private static let (s, i, b) = (Expression.nonterminal(0), Expression.nonterminal(1), Expression.nonterminal(2))
    private static let twiceThenLength = FunctionDefinition(
        name: "twice-then-length", parameters: [SortedName("a", .string)], returnSort: .int,
        body: op("str.len", [.string], [op("str.++", [.string, .string], [.parameter(0), .parameter(0)])]))

    private static let grammar = SyGuSGrammar(nonterminals: [
        .init(name: "S", sort: .string, productions: [
            .parameter(0), .constant(.string(StringValue("-"))), .constant(.string(StringValue(""))),
            op("str.++", [.string, .string], [s, s]),
            op("str.at", [.string, .int], [s, i]),
            op("str.substr", [.string, .int, .int], [s, i, i]),
            op("str.replace", [.string, .string, .string], [s, s, s]),
            op("str.replace_all", [.string, .string, .string], [s, s, s]),
            op("str.from_int", [.int], [i]),
            op("ite", [.bool, .string, .string], [b, s, s]),
        ]),
        .init(name: "I", sort: .int, productions: [
            .constant(.int(0)), .constant(.int(1)), .constant(.int(-1)),
            op("str.len", [.string], [s]),
            op("str.to_int", [.string], [s]),
            op("str.indexof", [.string, .string, .int], [s, s, i]),
            op("+", [.int, .int], [i, i]),
            .definition(0, [s]),
        ]),
        .init(name: "B", sort: .bool, productions: [
            op("str.prefixof", [.string, .string], [s, s]),
            op("str.suffixof", [.string, .string], [s, s]),
            op("str.contains", [.string, .string], [s, s]),
            op("=", [.string, .string], [s, s]),
            op("str.<", [.string, .string], [s, s]),
        ]),
    ])

    /// Includes a string of digits beyond 64 bits: `str.to_int` fails on it, so no program
    /// that applies it to that example may be kept.
    private static let inputs: [[Value]] = ["", "a-b", "12-7", "--", "99999999999999999999", "x-12-", "-"]
        .map { [.string(StringValue($0))] }

    @Test func storedStringOutputsAreTheProgramsOutputs() throws {
        let enumerator = try BottomUpEnumerator(grammar: Self.grammar, definitions: [Self.twiceThenLength],
                                                parameterSorts: [.string], inputs: Self.inputs)
        let evaluator = ExpressionEvaluator(definitions: [Self.twiceThenLength])
        var seen: [Int: Set<[Value]>] = [:]
        var heads: Set<String> = []
        var kept = 0
        let outcome = enumerator.run(maximumCost: 7) { id in
            let vector = (0..<Self.inputs.count).map { enumerator.value(of: id, example: $0) }
            let expression = enumerator.expression(of: id)
            let expected = Self.inputs.map { try? evaluator.evaluate(expression, variables: [], parameters: $0) }
            #expect(expected == vector.map(Optional.some), "\(expression)")
            #expect(seen[enumerator.nonterminal(of: id), default: []].insert(vector).inserted, "two programs with outputs \(vector)")
            switch expression {
            case .builtin(let primitive, _): heads.insert(primitive.name)
            case .definition: heads.insert("twice-then-length")
            default: break
            }
            kept += 1
            return true
        }
        #expect(outcome == .exhausted)
        #expect(kept > 1_000)
        // Every operation heads some kept program.
        let operations = Self.grammar.nonterminals.flatMap(\.productions).compactMap { production -> String? in
            if case .builtin(let primitive, _) = production { return primitive.name }
            return nil
        }
        #expect(heads == Set(operations + ["twice-then-length"]))
    }
}
