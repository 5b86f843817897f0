import Domain
import Language
import Search
import Tasks

/// One bottom-up search for a program consistent with the current examples, with divide
/// and conquer where the grammar has a conditional and the specification allows judging
/// terms example by example.
struct ExampleSearch {
    enum Outcome {
        case found(Expression)
        case failed(UnknownReason)
        /// The grammar is finite and every program of it was tried: none fits the examples.
        case noProgramFits(tried: Int)
    }

    let problem: SyGuSProblem
    let specification: Specification
    let table: ExampleTable
    let options: SynthesisOptions
    let deadline: ContinuousClock.Instant
    let grammar: SyGuSGrammar
    private(set) var candidates = 0
    /// The enumeration's sample of where candidates' time went.
    private(set) var sample = CandidateSample()
    /// The programs the enumeration's bank held when it ended.
    private(set) var bank = 0
    /// Verdicts of the constraints by row and output value, kept across searches (rows only grow).
    var verdicts: [[Value: Bool]]

    init(problem: SyGuSProblem, specification: Specification, table: ExampleTable, grammar: SyGuSGrammar,
         verdicts: [[Value: Bool]], options: SynthesisOptions, deadline: ContinuousClock.Instant) {
        self.problem = problem
        self.grammar = grammar
        self.verdicts = verdicts + Array(repeating: [:], count: max(0, table.rows.count - verdicts.count))
        self.specification = specification
        self.table = table
        self.options = options
        self.deadline = deadline
    }

    mutating func run() -> Outcome {
        let function = problem.functions[specification.function]
        let grammar = self.grammar
        let enumerator: BottomUpEnumerator
        do {
            enumerator = try BottomUpEnumerator(
                grammar: grammar, definitions: problem.definitions, parameterSorts: function.parameters.map(\.sort),
                inputs: table.rows, costs: options.costs?(grammar) ?? defaultCosts(function), memoryLimit: options.memoryLimit)
        } catch {
            return .failed(.unsupported(error.description))
        }
        let rowCount = table.rows.count
        let pointwise = specification.isFunctional || specification.isSingleInvocation
        let conditional = pointwise ? ConditionalProduction.find(in: grammar, definitions: problem.definitions) : nil
        var learner = conditional.map { _ in DecisionTreeLearner(rowCount: rowCount) }
        let startKind = grammar.nonterminals[0].sort
        let targetWords: [UInt64]? = specification.isFunctional && startKind != .string
            ? table.targets.map { target in Self.word(target!) } : nil
        let evaluator = ExpressionEvaluator(definitions: problem.definitions)
        let guardWord = conditional?.trueWhenEqualTo.map { Self.word($0) }
        var found: Expression?
        var verdicts = self.verdicts
        defer { self.verdicts = verdicts }
        var list = pointwise ? SpecificationGuards(specification).map { DecisionList(guards: $0, rowCount: rowCount) } : nil
        if list != nil {
            learner = nil
            if let ended = answerFromEquatedTerms(&list!, evaluator, &verdicts) { return ended }
        }
        // A candidate checked against the constraints themselves (not target outputs) costs an
        // evaluation of every constraint per example; the clock is read after each of those,
        // so that a specification of 40,000 constraints cannot carry the search past its deadline.
        var timedOut = false
        var calls = 0
        let outcome = enumerator.run(deadline: deadline) { id in
            calls &+= 1
            if targetWords == nil || calls & 1_023 == 0, ContinuousClock.now >= deadline {
                timedOut = true
                return false
            }
            let nonterminal = enumerator.nonterminal(of: id)
            if nonterminal == (conditional?.nonterminal ?? 0) {
                let cover: Bitset
                if let targetWords {
                    cover = Self.cover(enumerator.words(of: id), targetWords)
                } else if pointwise {
                    cover = Self.cover({ enumerator.value(of: id, example: $0) }, table, specification, evaluator, &verdicts)
                } else {
                    cover = Bitset(count: rowCount)
                    if Self.satisfiesAll(id, enumerator, table, specification, evaluator) {
                        found = enumerator.expression(of: id)
                        return false
                    }
                }
                if cover.isFull {
                    found = enumerator.expression(of: id)
                    return false
                }
                learner?.addTerm(id, cover: cover)
                if list != nil, list!.add(enumerator.expression(of: id), cover: cover), let answer = list!.answer(sort: startKind) {
                    found = answer
                    return false
                }
            }
            if let conditional, nonterminal == conditional.guardNonterminal {
                var truth = Bitset(count: rowCount)
                let outputs = enumerator.words(of: id)
                for r in 0..<rowCount where guardWord.map({ outputs[r] == $0 }) ?? (outputs[r] != 0) { truth[r] = true }
                learner?.addGuard(id, truth: truth)
            }
            if let conditional, learner!.shouldAttempt, let tree = learner!.learn(deadline: deadline) {
                found = Self.expression(tree, conditional, learner!, enumerator)
                return false
            }
            return true
        }
        candidates += enumerator.candidates
        sample = enumerator.sample
        bank = enumerator.entryCount
        if let found { return .found(found) }
        if timedOut { return .failed(.timeout) }
        return ending(outcome, finite: (conditional?.nonterminal ?? 0) == 0 && grammar.isFinite, tried: enumerator.candidates)
    }

    /// The decision list's answer from the terms the specification equates the function to,
    /// each checked on every example (see `SpecificationGuards`), or a timeout while checking
    /// them; `nil` when they make no answer.
    private mutating func answerFromEquatedTerms(_ list: inout DecisionList, _ evaluator: ExpressionEvaluator,
                                                 _ verdicts: inout [[Value: Bool]]) -> Outcome? {
        for term in list.guards.equatedTerms {
            if ContinuousClock.now >= deadline { return .failed(.timeout) }
            candidates += 1
            let outputs = table.rows.map { try? evaluator.evaluate(term, variables: [], parameters: $0) }
            guard outputs.allSatisfy({ $0 != nil }) else { continue }
            let cover = Self.cover({ outputs[$0]! }, table, specification, evaluator, &verdicts)
            list.add(term, cover: cover)
        }
        return list.answer(sort: grammar.nonterminals[0].sort).map { .found($0) }
    }

    /// How a search that found nothing ended. When every program of a finite grammar was
    /// built and checked where programs of the start symbol are checked (`finite`), none fits
    /// the examples, so none fits the constraints.
    private func ending(_ outcome: BottomUpEnumerator.Outcome, finite: Bool, tried: Int) -> Outcome {
        switch outcome {
        case .timeLimit: return .failed(.timeout)
        case .memoryLimit: return .failed(.memoryLimit(bytes: options.memoryLimit))
        case .exhausted:
            if finite { return .noProgramFits(tried: tried) }
            return .failed(.exhausted(maximumCost: BottomUpEnumerator.defaultMaximumCost))
        case .stopped: return .failed(.other("stopped"))
        }
    }

    /// Size order, except that in a default grammar (no grammar in the file) a constant costs
    /// twice a variable: with no grammar to say otherwise, a specification's literals are less
    /// likely than the function's parameters, and guards on constants fit small sets of
    /// examples by accident.
    func defaultCosts(_ function: SynthesisFunction) -> ProductionCosts? {
        guard !function.hasExplicitGrammar else { return nil }
        return ProductionCosts(root: grammar.nonterminals.map { nonterminal in
            nonterminal.productions.map { production in
                if case .constant = production { return 2 }
                return 1
            }
        })
    }

    static func word(_ value: Value) -> UInt64 {
        switch value {
        case .bitVector(let b): return b.bits
        case .int(let i): return UInt64(bitPattern: Int64(i))
        case .bool(let b): return b ? 1 : 0
        default: return 0
        }
    }

    static func cover(_ outputs: UnsafeBufferPointer<UInt64>, _ targets: [UInt64]) -> Bitset {
        var cover = Bitset(count: targets.count)
        for r in 0..<targets.count where outputs[r] == targets[r] { cover[r] = true }
        return cover
    }

    /// Rows where the program's output satisfies the constraints at every point of the row.
    /// Verdicts are cached by row and output value: many programs agree on a row.
    static func cover(_ outputAt: @escaping (Int) -> Value, _ table: ExampleTable,
                      _ specification: Specification, _ evaluator: ExpressionEvaluator,
                      _ cache: inout [[Value: Bool]]) -> Bitset {
        var cover = Bitset(count: table.rows.count)
        for r in 0..<table.rows.count {
            let output = outputAt(r)
            if let target = table.targets[r] {
                if output == target { cover[r] = true }
                continue
            }
            if let known = cache[r][output] {
                cover[r] = known
                continue
            }
            let function = specification.function
            let holds = table.pointsOfRow[r].allSatisfy { p in
                specification.problem.constraints.allSatisfy { constraint in
                    let value = try? evaluator.evaluate(constraint, variables: table.points[p]) { f, arguments throws(ExpressionEvaluator.Failure) in
                        guard f == function, let row = table.rowIndex[arguments] else { throw .missingSolution(f) }
                        return row == r ? output : outputAt(row)
                    }
                    return value == .bool(true)
                }
            }
            cache[r][output] = holds
            cover[r] = holds
        }
        return cover
    }

    /// Whether every constraint holds at every point with the program's outputs.
    static func satisfiesAll(_ id: BottomUpEnumerator.EntryID, _ enumerator: BottomUpEnumerator, _ table: ExampleTable,
                             _ specification: Specification, _ evaluator: ExpressionEvaluator) -> Bool {
        let function = specification.function
        for point in table.points {
            for constraint in specification.problem.constraints {
                let value = try? evaluator.evaluate(constraint, variables: point) { f, arguments throws(ExpressionEvaluator.Failure) in
                    guard f == function, let row = table.rowIndex[arguments] else { throw .missingSolution(f) }
                    return enumerator.value(of: id, example: row)
                }
                if value != .bool(true) { return false }
            }
        }
        return true
    }

    static func expression(_ tree: DecisionTreeLearner.Tree, _ conditional: ConditionalProduction,
                           _ learner: DecisionTreeLearner, _ enumerator: BottomUpEnumerator) -> Expression {
        switch tree {
        case .leaf(let term):
            return enumerator.expression(of: learner.terms[term].id)
        case .split(let g, let then, let otherwise):
            return conditional.build(condition: enumerator.expression(of: learner.guards[g].id),
                                     then: expression(then, conditional, learner, enumerator),
                                     otherwise: expression(otherwise, conditional, learner, enumerator))
        }
    }
}
