import Testing
import Language

private func ints(_ values: Int...) -> Value { .list(values.map(Value.int)) }

/// The programs of `EvaluatorTests` that have `ProgramCode`s (saturated spines) run alike on
/// both evaluators, at the default step limit and at small ones; those outside the compiled
/// subset fall back.
@Suite struct CompiledEvaluatorEdgeCaseTests {
    /// Program, request, inputs, and whether it runs compiled.
    static let programs: [(String, String, [Value], Bool)] = [
        ("(lambda (map (lambda (+ $0 1)) $0))", "list(int) -> list(int)", [ints(1, 2)], true),
        ("(lambda (map (lambda (* $0 $0)) $0))", "list(int) -> list(int)", [ints(1, -2, 3)], true),
        ("(lambda (map (lambda (* $0 $0)) $0))", "list(int) -> list(int)", [ints()], true),
        ("(lambda (map (lambda (range $0)) $0))", "list(int) -> list(list(int))", [ints(0, 2)], true),
        ("(lambda (fold $0 empty (lambda (lambda (cons $1 $0)))))", "list(int) -> list(int)", [ints(1, 2, 3)], true),
        ("(lambda (fold $0 0 (lambda (lambda (- $1 $0)))))", "list(int) -> int", [ints(1, 2, 3)], true),
        ("(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))", "list(int) -> int", [ints(1, 2, 3, 4)], true),
        ("(lambda (fold $0 7 (lambda (lambda (- $1 $0)))))", "list(int) -> int", [ints()], true),
        ("(lambda (unfold $0 (lambda (eq? $0 0)) (lambda (* $0 10)) (lambda (- $0 1))))", "int -> list(int)", [.int(3)], true),
        ("(lambda (unfold $0 (lambda (eq? $0 0)) (lambda (* $0 10)) (lambda (- $0 1))))", "int -> list(int)", [.int(0)], true),
        ("(range 4)", "list(int)", [], true),
        ("(range 1)", "list(int)", [], true),
        ("(range 0)", "list(int)", [], true),
        ("(range -2)", "list(int)", [], true),
        ("(lambda (index 1 $0))", "list(int) -> int", [ints(5, 6, 7)], true),
        ("(lambda (index 0 $0))", "list(int) -> int", [ints(5)], true),
        ("(lambda (index 3 $0))", "list(int) -> int", [ints(5, 6, 7)], true),
        ("(lambda (index -1 $0))", "list(int) -> int", [ints(5, 6, 7)], true),
        ("(lambda (length $0))", "list(int) -> int", [ints(5, 6, 7)], true),
        ("(length empty)", "int", [], true),
        ("(if true 1 (car empty))", "int", [], true),
        ("(if false (car empty) 2)", "int", [], true),
        ("(ite (= 1 1) 1 (car empty))", "int", [], true),
        ("(if false 1 (car empty))", "int", [], true),
        ("(lambda (if (empty? $0) 0 (car $0)))", "list(int) -> int", [ints()], true),
        ("(+ 2 3)", "int", [], true),
        ("(- 2 5)", "int", [], true),
        ("(* -4 5)", "int", [], true),
        ("(mod 7 3)", "int", [], true),
        ("(mod -7 3)", "int", [], true),
        ("(mod 7 0)", "int", [], true),
        ("(+ 0 1)", "int", [], true),
        ("empty", "list(int)", [], true),
        ("(cons 1 empty)", "list(int)", [], true),
        ("(cons 0 (cons 1 empty))", "list(int)", [], true),
        ("(lambda (car $0))", "list(int) -> int", [ints(4, 5)], true),
        ("(lambda (cdr $0))", "list(int) -> list(int)", [ints(4, 5)], true),
        ("(lambda (cdr $0))", "list(int) -> list(int)", [ints(4)], true),
        ("(empty? empty)", "bool", [], true),
        ("(empty? (cons 1 empty))", "bool", [], true),
        ("(car empty)", "int", [], true),
        ("(cdr empty)", "list(int)", [], true),
        ("(gt? 3 2)", "bool", [], true),
        ("(gt? 2 2)", "bool", [], true),
        ("(gt? -3 2)", "bool", [], true),
        ("(eq? 2 2)", "bool", [], true),
        ("(eq? 2 -2)", "bool", [], true),
        ("(lambda (is-prime $0))", "int -> bool", [.int(3_215_031_751)], true),
        ("(lambda (is-prime $0))", "int -> bool", [.int(9_223_372_036_854_775_783)], true),
        ("(lambda (is-square $0))", "int -> bool", [.int(9_223_372_030_926_249_001)], true),
        ("(lambda (is-square $0))", "int -> bool", [.int(Int.max)], true),
        ("(lambda (lambda (- $1 $0)))", "int -> int -> int", [.int(10), .int(3)], true),
        ("(+ 9223372036854775807 1)", "int", [], true),
        ("(* -9223372036854775808 -1)", "int", [], true),
        ("(- -9223372036854775808)", "int", [], true),
        ("(unfold 0 (lambda false) (lambda $0) (lambda (+ $0 1)))", "list(int)", [], true),
        ("(range 1000000000000)", "list(int)", [], true),
        ("(length (range 9223372036854775807))", "int", [], true),
        ("(lambda (fold (range $0) 0 (lambda (lambda (+ $0 $1)))))", "int -> int", [.int(1_000)], true),
        ("(+ 1 (+ 1 1))", "int", [], true),
        // 998 nested negations: more nodes than a compiled candidate may have.
        ("(lambda " + String(repeating: "(- ", count: 998) + "$0" + String(repeating: ")", count: 998) + ")", "int -> int", [.int(5)], false),
    ]

    @Test func edgeCasesAgreeWithTheReference() throws {
        for (text, request, inputs, compiles) in Self.programs {
            for stepLimit in [1_000_000, 1_000, 40, 4] {
                let run = try Comparison.run(text, request, inputs, stepLimit: stepLimit, table: .builtins())
                #expect(run.compiled == run.reference, "\(text) with \(stepLimit) steps")
                #expect(run.fallbacks == (compiles ? 0 : 1), "\(text) with \(stepLimit) steps")
            }
        }
    }
}
