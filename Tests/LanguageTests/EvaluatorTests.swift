import Testing
import Language

private func run(_ text: String, _ inputs: [Value] = [], evaluator: Evaluator = Evaluator()) throws -> Value {
    try evaluator.run(Program(parsing: text), on: inputs)
}

/// The failure running `text` ends in, or `nil` when it produces a value.
private func failure(_ text: String, _ inputs: [Value] = [], evaluator: Evaluator = Evaluator()) throws -> EvaluationFailure? {
    let program = try Program(parsing: text)
    do {
        _ = try evaluator.run(program, on: inputs)
        return nil
    } catch {
        return error
    }
}

private func ints(_ values: Int...) -> Value { .list(values.map(Value.int)) }

@Test func mapAppliesTheFunctionToEveryElement() throws {
    #expect(try run("(lambda (map (lambda (+ $0 1)) $0))", [ints(1, 2)]) == ints(2, 3))
    #expect(try run("(lambda (map (lambda (* $0 $0)) $0))", [ints(1, -2, 3)]) == ints(1, 4, 9))
    #expect(try run("(lambda (map (lambda (* $0 $0)) $0))", [ints()]) == ints())
    #expect(try run("(lambda (map (+ 10) $0))", [ints(1, 2)]) == ints(11, 12))
    #expect(try run("(lambda (map (lambda (range $0)) $0))", [ints(0, 2)]) == .list([ints(), ints(0, 1)]))
}

@Test func foldCombinesFromTheRight() throws {
    // fold l z f = f l0 (f l1 (… (f ln z))): with cons it rebuilds the list in order.
    #expect(try run("(lambda (fold $0 empty (lambda (lambda (cons $1 $0)))))", [ints(1, 2, 3)]) == ints(1, 2, 3))
    // 1 - (2 - (3 - 0)) = 2; folding from the left would give ((0 - 1) - 2) - 3 = -6.
    #expect(try run("(lambda (fold $0 0 (lambda (lambda (- $1 $0)))))", [ints(1, 2, 3)]) == .int(2))
    #expect(try run("(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))", [ints(1, 2, 3, 4)]) == .int(10))
    #expect(try run("(lambda (fold $0 7 (lambda (lambda (- $1 $0)))))", [ints()]) == .int(7))
    // A primitive as the function (not a two-argument lambda) takes the same route.
    #expect(try run("(lambda (fold $0 empty cons))", [ints(4, 5)]) == ints(4, 5))
    #expect(try run("(lambda (fold $0 0 -))", [ints(1, 2, 3)]) == .int(2))
}

@Test func unfoldEmitsUntilThePredicateHolds() throws {
    let countdown = "(lambda (unfold $0 (lambda (eq? $0 0)) (lambda (* $0 10)) (lambda (- $0 1))))"
    #expect(try run(countdown, [.int(3)]) == ints(30, 20, 10))
    #expect(try run(countdown, [.int(0)]) == ints())
    #expect(try run("(lambda (unfold $0 empty? car cdr))", [ints(5, 6)]) == ints(5, 6))
}

@Test func rangeCountsFromZero() throws {
    #expect(try run("(range 4)") == ints(0, 1, 2, 3))
    #expect(try run("(range 1)") == ints(0))
    #expect(try run("(range 0)") == ints())
    #expect(try run("(range -2)") == ints())
}

@Test func indexAndLength() throws {
    #expect(try run("(lambda (index 1 $0))", [ints(5, 6, 7)]) == .int(6))
    #expect(try run("(lambda (index 0 $0))", [ints(5)]) == .int(5))
    #expect(try failure("(lambda (index 3 $0))", [ints(5, 6, 7)]) == .indexOutOfRange)
    #expect(try failure("(lambda (index -1 $0))", [ints(5, 6, 7)]) == .indexOutOfRange)
    #expect(try run("(lambda (length $0))", [ints(5, 6, 7)]) == .int(3))
    #expect(try run("(length empty)") == .int(0))
}

@Test func ifEvaluatesOnlyTheBranchItTakes() throws {
    #expect(try run("(if true 1 (car empty))") == .int(1))
    #expect(try run("(if false (car empty) 2)") == .int(2))
    #expect(try run("(ite (= 1 1) 1 (car empty))") == .int(1))
    #expect(try failure("(if false 1 (car empty))") == .emptyList)
    #expect(try run("(lambda (if (empty? $0) 0 (car $0)))", [ints()]) == .int(0))
}

@Test func integerArithmetic() throws {
    #expect(try run("(+ 2 3)") == .int(5))
    #expect(try run("(- 2 5)") == .int(-3))
    #expect(try run("(* -4 5)") == .int(-20))
    #expect(try run("(mod 7 3)") == .int(1))
    #expect(try run("(mod -7 3)") == .int(2))
    #expect(try failure("(mod 7 0)") == .divisionByZero)
    #expect(try run("(+ 0 1)") == .int(1))
}

@Test func listConstructionAndAccess() throws {
    #expect(try run("empty") == ints())
    #expect(try run("(cons 1 empty)") == ints(1))
    #expect(try run("(cons 0 (cons 1 empty))") == ints(0, 1))
    #expect(try run("(lambda (car $0))", [ints(4, 5)]) == .int(4))
    #expect(try run("(lambda (cdr $0))", [ints(4, 5)]) == ints(5))
    #expect(try run("(lambda (cdr $0))", [ints(4)]) == ints())
    #expect(try run("(empty? empty)") == .bool(true))
    #expect(try run("(empty? (cons 1 empty))") == .bool(false))
    #expect(try failure("(car empty)") == .emptyList)
    #expect(try failure("(cdr empty)") == .emptyList)
}

@Test func comparisonsAndPredicates() throws {
    #expect(try run("(gt? 3 2)") == .bool(true))
    #expect(try run("(gt? 2 2)") == .bool(false))
    #expect(try run("(gt? -3 2)") == .bool(false))
    #expect(try run("(eq? 2 2)") == .bool(true))
    #expect(try run("(eq? 2 -2)") == .bool(false))
}

@Test(arguments: [
    (2, true), (3, true), (97, true), (0, false), (1, false), (-7, false), (4, false), (9, false),
    (561, false),                  // a Carmichael number
    (3_215_031_751, false),        // a strong pseudoprime to bases 2, 3, 5 and 7
    (2_305_843_009_213_693_951, true),   // 2^61 - 1
    (9_223_372_036_854_775_783, true),   // the largest prime below 2^63
    (Int.max, false),
])
func isPrime(n: Int, prime: Bool) throws {
    #expect(try run("(lambda (is-prime $0))", [.int(n)]) == .bool(prime))
}

@Test(arguments: [
    (0, true), (1, true), (16, true), (15, false), (17, false), (-4, false),
    (9_223_372_030_926_249_001, true),   // 3037000499², the largest square in 64 bits
    (9_223_372_030_926_249_002, false),
    (Int.max, false),
])
func isSquare(n: Int, square: Bool) throws {
    #expect(try run("(lambda (is-square $0))", [.int(n)]) == .bool(square))
}

@Test func argumentsBindFirstToOutermostVariable() throws {
    #expect(try run("(lambda (lambda (- $1 $0)))", [.int(10), .int(3)]) == .int(7))
    // Fewer lambdas than arguments: the rest are applied to the value.
    #expect(try run("(map (lambda (+ $0 1)))", [ints(1, 2)]) == ints(2, 3))
    #expect(try run("-", [.int(10), .int(3)]) == .int(7))
    #expect(try run("(lambda (+ $0))", [.int(10), .int(3)]) == .int(13))
    // More lambdas than arguments: the result is a function.
    guard case .function = try run("(lambda (lambda $0))", [.int(1)]) else {
        Issue.record("expected a function value")
        return
    }
}

@Test func failuresAreValuesNotTraps() throws {
    #expect(try failure("(+ 9223372036854775807 1)") == .overflow)
    #expect(try failure("(* -9223372036854775808 -1)") == .overflow)
    #expect(try failure("(- -9223372036854775808)") == .overflow)
    #expect(try failure("(unfold 0 (lambda false) (lambda $0) (lambda (+ $0 1)))") == .budgetExhausted)
    #expect(try failure("(range 1000000000000)") == .budgetExhausted)
    #expect(try failure("(length (range 9223372036854775807))") == .budgetExhausted)
    #expect(try failure("$0") == .unboundVariable(0))
    #expect(try failure("(car 1)") == .typeMismatch)
    #expect(try failure("(1 2)") == .typeMismatch)
    #expect(EvaluationFailure.budgetExhausted.description == "evaluation step budget exhausted")
    #expect(EvaluationFailure.unboundVariable(2).description == "variable $2 is not bound")
}

@Test func stepLimitBoundsEveryRun() throws {
    let sum = "(lambda (fold (range $0) 0 (lambda (lambda (+ $0 $1)))))"
    #expect(try run(sum, [.int(1_000)]) == .int(499_500))
    #expect(try failure(sum, [.int(1_000)], evaluator: Evaluator(stepLimit: 1_000)) == .budgetExhausted)
    #expect(try failure("(+ 1 (+ 1 1))", evaluator: Evaluator(stepLimit: 4)) == .budgetExhausted)
    #expect(try run("(+ 1 (+ 1 1))", evaluator: Evaluator(stepLimit: 5)) == .int(3))
}

@Test func composingThousandsOfClosuresFailsInsteadOfOverflowingTheStack() throws {
    let compose = { (n: Int) in "((fold (range \(n)) (lambda $0) (lambda (lambda (lambda (+ 1 ($1 $0)))))) 0)" }
    #expect(try run(compose(300)) == .int(300))
    #expect(try failure(compose(100_000)) == .budgetExhausted)
    let throughLists = "((car (fold (range 100000) (cons (lambda $0) empty) (lambda (lambda (cons (lambda ((car $1) $0)) empty))))) 0)"
    #expect(try failure(throughLists) == .budgetExhausted)
}

@Test func evaluationDeeperThanTheLimitFails() throws {
    let negate = try #require(Builtins.primitive(named: "-", arity: 1))
    var deep = Program.variable(0)
    for _ in 0..<3 * Evaluator.maximumDepth { deep = .apply(.primitive(negate), deep) }
    #expect(throws: EvaluationFailure.budgetExhausted) { try Evaluator().run(.lambda(deep), on: [.int(1)]) }
    let nested = "(lambda " + String(repeating: "(- ", count: 998) + "$0" + String(repeating: ")", count: 998) + ")"
    #expect(try run(nested, [.int(5)]) == .int(5))
}

@Test func stringsLongerThanTheListLimitAreNotBuilt() throws {
    #expect(try failure("(fold (range 60) \"a\" (lambda (lambda (str.++ $0 $0))))") == .budgetExhausted)
    #expect(try run("(str.len (fold (range 16) \"a\" (lambda (lambda (str.++ $0 $0)))))") == .int(65_536))
    #expect(try failure("(fold (range 60) \"a\" (lambda (lambda (str.replace $0 \"\" $0))))") == .budgetExhausted)
    let thousand = Value.string(String(repeating: "a", count: 1_000))
    #expect(throws: EvaluationFailure.budgetExhausted) {
        try Operation.strReplaceAll.evaluate(thousand, .string("a"), thousand)
    }
    #expect(try Operation.strReplaceAll.evaluate(thousand, .string("a"), .string(String(repeating: "b", count: 100)))
        == .string(String(repeating: "b", count: 100_000)))
}

@Test func documentationExampleRuns() throws {
    let p = try Program(parsing: "(lambda (map (lambda (+ $0 1)) $0))")
    #expect(try Evaluator().run(p, on: [.list([.int(1), .int(2)])]) == .list([.int(2), .int(3)]))
    #expect(try Evaluator().run(p, on: [.list([.int(1), .int(2)])]).description == "[2, 3]")
}

@Test func evaluateUsesTheEnvironmentInnermostLast() throws {
    let p = try Program(parsing: "(- $1 $0)")
    #expect(try Evaluator().evaluate(p, in: Environment([.int(10), .int(3)])) == .int(7))
}

/// `cons` copies the list it extends, so a `fold` that conses every element costs the square of
/// the length: the budget stops it after its steps, where a step per `cons` let it run for seconds.
@Test func consingAFoldCostsTheListsItCopies() throws {
    let reverse = { (n: Int) in "(fold (range \(n)) empty (lambda (lambda (cons $1 $0))))" }
    #expect(try run(reverse(1_000)) == .list((0..<1_000).map(Value.int)))
    #expect(try failure(reverse(2_000)) == .budgetExhausted)
    #expect(try failure(reverse(40_000)) == .budgetExhausted)
    // The fold's node, `range` (its node, its argument, 1,000 elements), `empty` and the λ;
    // per element the application, the `cons` node and its two arguments; and the lists
    // copied, 0 + 1 + … + 999.
    let steps = 1 + 1_002 + 2 + 4 * 1_000 + 499_500
    #expect(try run(reverse(1_000), evaluator: Evaluator(stepLimit: steps)) == .list((0..<1_000).map(Value.int)))
    #expect(try failure(reverse(1_000), evaluator: Evaluator(stepLimit: steps - 1)) == .budgetExhausted)
}

/// A string operation costs the code points it scans and builds.
@Test func stringOperationsCostTheirLength() throws {
    let text = String(repeating: "a", count: 3_000)
    let concatenate = "(str.len (str.++ \"\(text)\" \"\(text)\"))"
    #expect(try run(concatenate) == .int(6_000))
    #expect(try failure(concatenate, evaluator: Evaluator(stepLimit: 5_000)) == .budgetExhausted)
}
