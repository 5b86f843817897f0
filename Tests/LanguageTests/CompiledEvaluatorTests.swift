import Testing
import Language

private func ints(_ values: Int...) -> Value { .list(values.map(Value.int)) }

private let learned = Comparison.learned

@Suite struct CompiledEvaluatorTests {
    /// Programs with the steps the reference takes: each succeeds with exactly that many and
    /// runs out with one less, compiled as with the reference.
    @Test(arguments: [
        ("(+ 1 (+ 1 1))", "int", [], 5, Value.int(3)),
        ("(lambda (map (lambda (+ $0 1)) $0))", "list(int) -> list(int)", [ints(1, 2)], 9, ints(2, 3)),
        ("(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))", "list(int) -> int", [ints(1, 2, 3)], 16, .int(6)),
        ("(lambda (length (range $0)))", "int -> int", [.int(5)], 8, .int(5)),
        ("(lambda (unfold $0 (lambda (eq? $0 0)) (lambda (* $0 10)) (lambda (- $0 1))))", "int -> list(int)", [.int(3)], 35, ints(30, 20, 10)),
        ("(lambda (if (empty? $0) 0 (car $0)))", "list(int) -> int", [ints()], 4, .int(0)),
        ("(lambda (fn_5 $0))", "int -> int", [.int(1)], 17, .int(3)),
        ("(lambda (fn_2 $0 (lambda (+ $0 1))))", "int -> list(int)", [.int(3)], 23, ints(1, 2, 3)),
        ("(lambda (fn_3 (lambda (gt? $0 1)) $0))", "list(int) -> list(int)", [ints(3, 1, 2)], 43, ints(3, 2)),
        ("(lambda (fn_6 (lambda (* $0 $0)) $0))", "list(int) -> int", [ints(1, 2, 3)], 41, .int(14)),
        // `cons` and `cdr` cost the length of the list they copy besides their three and two steps.
        ("(lambda (cons 0 $0))", "list(int) -> list(int)", [ints(1, 2, 3, 4, 5)], 8, ints(0, 1, 2, 3, 4, 5)),
        ("(lambda (cdr $0))", "list(int) -> list(int)", [ints(1, 2, 3, 4, 5)], 6, ints(2, 3, 4, 5)),
        ("(lambda (cdr (cons 0 $0)))", "list(int) -> list(int)", [ints(1, 2, 3)], 10, ints(1, 2, 3)),
    ] as [(String, String, [Value], Int, Value)])
    func stepsAreTheReferencesAtTheBudgetEdge(text: String, request: String, inputs: [Value], steps: Int, value: Value) throws {
        let atLimit = try Comparison.run(text, request, inputs, stepLimit: steps)
        #expect(atLimit.compiled == .success(value))
        #expect(atLimit.reference == .success(value))
        #expect(atLimit.steps == steps)
        #expect(atLimit.fallbacks == 0)
        let below = try Comparison.run(text, request, inputs, stepLimit: steps - 1)
        #expect(below.compiled == .failure(.budgetExhausted))
        #expect(below.reference == .failure(.budgetExhausted))
    }

    @Test func everyFailureKindAgrees() throws {
        let cases: [(String, String, [Value], EvaluationFailure)] = [
            ("(lambda (+ $0 1))", "int -> int", [.int(.max)], .overflow),
            ("(lambda (* $0 $0))", "int -> int", [.int(1 << 32)], .overflow),
            ("(lambda (- 0 $0))", "int -> int", [.int(.min)], .overflow),
            ("(lambda (mod $0 0))", "int -> int", [.int(7)], .divisionByZero),
            ("(lambda (car $0))", "list(int) -> int", [ints()], .emptyList),
            ("(lambda (cdr (cdr $0)))", "list(int) -> list(int)", [ints(1)], .emptyList),
            ("(lambda (index 3 $0))", "list(int) -> int", [ints(5, 6, 7)], .indexOutOfRange),
            ("(lambda (index -1 $0))", "list(int) -> int", [ints(5, 6, 7)], .indexOutOfRange),
            ("(lambda (range $0))", "int -> list(int)", [.int(1_000_000_000_000)], .budgetExhausted),
            ("(lambda (unfold $0 (lambda false) (lambda $0) (lambda (+ $0 1))))", "int -> list(int)", [.int(0)], .budgetExhausted),
            // A fixed point of the step function: the compiled run stops at once.
            ("(lambda (unfold $0 (lambda false) (lambda $0) (lambda $0)))", "int -> list(int)", [.int(0)], .budgetExhausted),
            // Lists longer than `Evaluator.maximumListLength`.
            ("(lambda (length (range $0)))", "int -> int", [.int(100_001)], .budgetExhausted),
            ("(lambda (cons 1 (range $0)))", "int -> list(int)", [.int(100_000)], .budgetExhausted),
        ]
        for (text, request, inputs, failure) in cases {
            let run = try Comparison.run(text, request, inputs)
            #expect(run.compiled == .failure(failure), "\(text)")
            #expect(run.reference == .failure(failure), "\(text)")
            #expect(run.fallbacks == 0, "\(text)")
        }
        #expect(try Comparison.run("(lambda (length (cons 1 (range $0))))", "int -> int", [.int(99_999)]).compiled == .success(.int(100_000)))
    }

    /// A failure met after the steps ran out is the budget's, as in the reference: the run
    /// counts 306 steps up to `car empty`.
    @Test func runningOutOfStepsBeforeAFailureIsTheFailure() throws {
        let text = "(lambda (+ (length (range $0)) (car empty)))"
        let enough = try Comparison.run(text, "int -> int", [.int(300)], stepLimit: 306)
        #expect(enough.compiled == .failure(.emptyList))
        #expect(enough.reference == .failure(.emptyList))
        #expect(enough.steps == 306)
        let short = try Comparison.run(text, "int -> int", [.int(300)], stepLimit: 305)
        #expect(short.compiled == .failure(.budgetExhausted))
        #expect(short.reference == .failure(.budgetExhausted))
    }

    /// `pick` returns the first of its ten arguments; nesting it through that argument takes the
    /// reference 10 levels of evaluation deeper each time (its body's λ at 10 n + 2 for n
    /// picks), so 99 picks run compiled and 100 reach `Evaluator.maximumDepth` on the reference.
    @Test func programsThatCouldPassTheDepthLimitFallBack() throws {
        let table = try Comparison.library([("pick", "(lambda" + String(repeating: " (lambda", count: 9) + " $9" + String(repeating: ")", count: 10))])
        let rest = String(repeating: " (lambda 0)", count: 9) + ")"
        func nested(_ n: Int) -> String {
            "(lambda " + String(repeating: "(pick ", count: n) + "$0" + String(repeating: rest, count: n) + ")"
        }
        let shallow = try Comparison.run(nested(99), "int -> int", [.int(5)], table: table)
        #expect(shallow.compiled == .success(.int(5)))
        #expect(shallow.reference == .success(.int(5)))
        #expect(shallow.fallbacks == 0)
        let deep = try Comparison.run(nested(100), "int -> int", [.int(5)], table: table)
        #expect(deep.compiled == .failure(.budgetExhausted))
        #expect(deep.reference == .failure(.budgetExhausted))
        #expect(deep.fallbacks == 1)
    }

    @Test func abstractionsAreInlinedWithTheirFunctionArguments() throws {
        let cases: [(String, String, [Value], Value)] = [
            ("(lambda (fn_0 (fn_0 $0)))", "int -> int", [.int(4)], .int(6)),
            ("(lambda (fn_5 (fn_5 $0)))", "int -> int", [.int(4)], .int(8)),
            ("(lambda (fn_2 (length $0) (lambda (index $0 $1))))", "list(int) -> list(int)", [ints(7, 8, 9)], ints(7, 8, 9)),
            // The λ given to fn_2 reads the element of the enclosing map, two scopes out.
            ("(lambda (map (lambda (fn_2 $0 (lambda (+ $0 $1)))) $0))", "list(int) -> list(list(int))", [ints(1, 2)],
             .list([ints(1), ints(2, 3)])),
            ("(lambda (fn_3 (lambda (is-prime $0)) $0))", "list(int) -> list(int)", [ints(2, 4, 5, 9, 11)], ints(2, 5, 11)),
            ("(lambda (fn_3 (lambda (gt? $0 (car $1))) $0))", "list(int) -> list(int)", [ints(3, 1, 5, 4)], ints(5, 4)),
            ("(lambda (fn_4 $0 (lambda (lambda (- $1 $0)))))", "list(int) -> int", [ints(1, 2, 3)], .int(2)),
            ("(lambda (fn_6 (lambda (fn_0 $0)) $0))", "list(int) -> int", [ints(1, 2, 3)], .int(9)),
            ("(lambda (fn_6 (lambda (length (fn_3 (lambda (eq? $0 $1)) $1))) $0))", "list(int) -> int", [ints(1, 1, 2)], .int(5)),
        ]
        for (text, request, inputs, value) in cases {
            let run = try Comparison.run(text, request, inputs)
            #expect(run.compiled == .success(value), "\(text)")
            #expect(run.reference == .success(value), "\(text)")
            #expect(run.fallbacks == 0, "\(text)")
        }
    }

    @Test func programsOutsideTheSubsetRunOnTheReference() throws {
        var table = learned
        table.add(try Abstraction(name: "incAll", body: Program(parsing: "(lambda (map (+ 1) $0))")))
        // Each with its memory bound (log2 bytes) and whether it falls back.
        let cases: [(String, String, [Value], Result<Value, EvaluationFailure>, Int, Bool)] = [
            // A string task; a string constant in an integer task.
            ("(lambda (str.len $0))", "string -> int", [.string("abc")], .success(.int(3)), 16, true),
            ("(lambda (+ $0 (str.len \"ab\")))", "int -> int", [.int(1)], .success(.int(3)), 16, true),
            // `=` on lists; on integers it compiles.
            ("(lambda (= (cdr $0) $0))", "list(int) -> bool", [ints(1, 1)], .success(.bool(false)), 16, true),
            ("(lambda (= (car $0) (length $0)))", "list(int) -> bool", [ints(2, 1)], .success(.bool(true)), 16, false),
            // A partial application in an abstraction's body.
            ("(lambda (incAll $0))", "list(int) -> list(int)", [ints(1, 2)], .success(ints(2, 3)), 16, true),
            // A list that would take more than the memory bound of 4 KiB.
            ("(lambda (length (range $0)))", "int -> int", [.int(5_000)], .success(.int(5_000)), 12, true),
        ]
        for (text, request, inputs, result, memory, fallsBack) in cases {
            let run = try Comparison.run(text, request, inputs, memoryLimit: 1 << memory, table: table)
            #expect(run.compiled == result, "\(text)")
            #expect(run.reference == result, "\(text)")
            #expect(run.fallbacks == (fallsBack ? 1 : 0), "\(text)")
        }
        // More lambdas than inputs: the result is a function, from the reference.
        let function = try Comparison.run("(lambda (lambda $0))", "int -> int", [.int(1)])
        guard case .success(.function) = function.compiled else {
            Issue.record("expected a function value, got \(function.compiled)")
            return
        }
        #expect(function.fallbacks == 1)
    }

    /// Codes that do not type-check are outside the contract, but a word taken for a list that
    /// is not one never reads outside the arena: the candidate falls back.
    @Test func aWordThatIsNoListFallsBack() throws {
        let big = Value.int(1 << 40)  // as a handle: 0 elements at offset 256
        let length = try Comparison.run("(lambda (length (car $0)))", "list(int) -> int", [.list([big])])
        #expect(length.compiled == .failure(.typeMismatch))
        #expect(length.reference == .failure(.typeMismatch))
        #expect(length.fallbacks == 1)
        let result = try Comparison.run("(lambda (car $0))", "list(int) -> list(int)", [.list([big])])
        #expect(result.compiled == .success(big))
        #expect(result.reference == .success(big))
        #expect(result.fallbacks == 1)
    }

    @Test func fitsStopsAtTheFirstExampleThatFails() throws {
        let program = try Program(parsing: "(lambda (length (range $0)))")
        let leaves = Comparison.leaves(of: program)
        let codes = try #require(ProgramCode.codes(of: program, leafIndex: { leaves.firstIndex(of: $0).map(Int32.init) }))
        // The second example needs more than the 4 KiB arena: the reference would run it.
        func fits(firstOutput: Int) -> (fits: Bool, fallbacks: Int) {
            let evaluator = CompiledEvaluator(leaves: leaves, stepLimit: 10_000, memoryLimit: 1 << 12)
            evaluator.load(request: try! TypeExpr(parsing: "int -> int"),
                           examples: [([.int(3)], .int(firstOutput)), ([.int(5_000)], .int(5_000))])
            return (codes.withUnsafeBufferPointer { evaluator.fits($0) }, evaluator.fallbacks)
        }
        #expect(fits(firstOutput: 4) == (false, 0))
        #expect(fits(firstOutput: 3) == (true, 1))
    }

    @Test func aTaskOutsideTheSubsetRunsEveryCandidateOnTheReference() throws {
        let program = try Program(parsing: "(lambda (length $0))")
        let leaves = Comparison.leaves(of: program)
        let codes = try #require(ProgramCode.codes(of: program, leafIndex: { leaves.firstIndex(of: $0).map(Int32.init) }))
        let evaluator = CompiledEvaluator(leaves: leaves, stepLimit: 1_000, memoryLimit: 1 << 20)
        // A polymorphic request, and an example whose output is not of the requested type.
        evaluator.load(request: try TypeExpr(parsing: "list(t0) -> int"), examples: [([ints(1, 2)], .int(2))])
        #expect(codes.withUnsafeBufferPointer { evaluator.fits($0) })
        evaluator.load(request: try TypeExpr(parsing: "list(int) -> int"), examples: [([ints(1, 2)], .bool(true))])
        #expect(!codes.withUnsafeBufferPointer { evaluator.fits($0) })
        #expect(evaluator.candidates == 2)
        #expect(evaluator.fallbacks == 2)
    }
}
