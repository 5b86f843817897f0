import Language
import Tasks
import Testing

/// Every malformed input is rejected with one message that names the construct and its
/// line and column.
@Suite struct SyGuSErrorTests {
    static let bv = "(set-logic BV)\n(declare-var x (_ BitVec 64))\n"

    @Test func unknownOperatorNamesLineAndColumn() {
        #expect(readingError(Self.bv + "(constraint (= (bvfoo x) x))") == "3:17: unknown operator 'bvfoo'")
    }

    @Test func wrongArgumentSortListsExpectedAndGivenSorts() {
        #expect(readingError(Self.bv + "(constraint (= (bvadd x 1) x))")
                == "3:16: 'bvadd' expects arguments of sorts ((_ BitVec 64) (_ BitVec 64)) but got ((_ BitVec 64) Int)")
        #expect(readingError(Self.bv + "(constraint (= x true))") == "3:13: '=' expects arguments of sorts (S S) but got ((_ BitVec 64) Bool)")
        #expect(readingError("(constraint (= (- true) 1))") == "1:16: '-' expects arguments of sorts (Int Int) or (Int) but got (Bool)")
        #expect(readingError("(constraint (bvult 1 2))") == "1:13: 'bvult' expects arguments of sorts ((_ BitVec N) (_ BitVec N)) but got (Int Int)")
    }

    @Test func wrongArgumentsToADefinitionOrFunction() {
        #expect(readingError("(define-fun g ((a Int)) Int a)\n(constraint (= (g true) 1))") == "2:16: 'g' expects arguments of sorts (Int) but got (Bool)")
        #expect(readingError("(synth-fun f ((a Int)) Int)\n(constraint (= (f 1 2) 1))") == "2:16: 'f' expects arguments of sorts (Int) but got (Int Int)")
    }

    @Test func unknownVariable() {
        #expect(readingError(Self.bv + "(constraint (= x z))") == "3:18: unknown variable 'z'")
        #expect(readingError("(define-fun g ((a Int)) Int b)") == "1:29: unknown variable 'b'")
    }

    @Test func unclosedParenthesis() {
        #expect(readingError("(set-logic LIA)\n(constraint (= 1 1)") == "2:1: '(' is never closed")
    }

    @Test func unsupportedCommand() {
        #expect(readingError("(set-logic LIA)\n(declare-datatypes ((T 0)) (((c))))") == "2:2: unsupported command 'declare-datatypes'")
        #expect(readingError("set-logic") == "1:1: expected a command such as (synth-fun …) or (constraint …), found set-logic")
    }

    @Test func malformedSynthFun() {
        #expect(readingError("(synth-fun f x (_ BitVec 64))") == "1:1: expected (synth-fun NAME ((PARAM SORT)...) SORT [GRAMMAR])")
        #expect(readingError("(synth-fun f ((x Int)))") == "1:1: expected (synth-fun NAME ((PARAM SORT)...) SORT [GRAMMAR])")
        #expect(readingError("(synth-fun f ((x Int) (x Int)) Int)") == "1:24: parameter 'x' appears twice")
        #expect(readingError("(synth-fun f ((x Real)) Int)") == "1:18: unsupported sort 'Real'")
        #expect(readingError("(synth-fun f ((x (_ BitVec 65))) Int)") == "1:28: bit-vector width 65 is outside 1...64")
        #expect(readingError("(synth-inv i ((x Int)) Int)") == "1:24: expected a grammar ((NONTERMINAL SORT (PRODUCTION...))...)")
    }

    @Test func constraintMustBeBool() {
        #expect(readingError(Self.bv + "(constraint (bvadd x x))") == "3:13: a constraint must have sort Bool, but (bvadd x x) has sort (_ BitVec 64)")
    }

    @Test func nonterminalUsedButNotDeclared() {
        #expect(readingError("(synth-fun f ((x Int)) Int ((Start Int)) ((Start Int (x (+ Start B)))))")
                == "1:66: unknown nonterminal or parameter 'B'")
        #expect(readingError("(synth-fun f ((x Int)) Int ((Start Int)) ((Start Int (x)) (B Bool (true))))")
                == "1:60: nonterminal 'B' has a rule but is not declared")
        #expect(readingError("(synth-fun f ((x Int)) Int ((Start Int) (B Bool)) ((Start Int (x))))")
                == "1:42: nonterminal 'B' is declared but has no rule")
    }

    @Test func grammarSortErrors() {
        #expect(readingError("(synth-fun f ((x Int)) Int ((Start Bool)) ((Start Bool (true))))")
                == "1:30: the start nonterminal 'Start' has sort Bool but 'f' returns Int")
        #expect(readingError("(synth-fun f ((x Int)) Int ((Start Int)) ((Start Int (x (< x 1)))))")
                == "1:57: production (< x 1) has sort Bool but nonterminal 'Start' has sort Int")
        #expect(readingError("(synth-fun f ((x Int)) Int ((Start Int)) ((Start Bool (true))))")
                == "1:50: nonterminal 'Start' is declared with sort Int but its rule gives Bool")
        #expect(readingError("(synth-fun f ((x Int)) Int ((Start Int)) ((Start Int ((Constant Bool)))))")
                == "1:55: (Constant Bool) is in the rule of 'Start', whose sort is Int")
    }

    @Test func namesOutOfScope() {
        #expect(readingError("(declare-var y Int)\n(define-fun g ((a Int)) Int (+ a y))")
                == "2:34: declared variable 'y' cannot appear in a define-fun body; only the function's parameters can")
        #expect(readingError("(synth-fun f ((a Int)) Int)\n(define-fun g ((a Int)) Int (f a))")
                == "2:30: the function to synthesize 'f' cannot be called in a define-fun body")
        #expect(readingError("(declare-var y Int)\n(declare-var y Int)") == "2:14: 'y' is already declared")
        #expect(readingError("(declare-var bvadd Int)") == "1:14: 'bvadd' is a built-in operator and cannot be redeclared")
        #expect(readingError("(declare-var x Int)\n(constraint (x 1))") == "2:14: 'x' is a variable, not a function, and cannot be applied")
        #expect(readingError("(constraint and)") == "1:13: 'and' must be applied to arguments")
    }

    @Test func definitionBodyMustHaveTheDeclaredSort() {
        #expect(readingError("(define-fun g ((a Int)) Bool (+ a 1))") == "1:30: the body of 'g' has sort Int but 'g' returns Bool")
    }

    @Test func malformedLiterals() {
        #expect(readingError("(constraint (= 99999999999999999999 1))") == "1:16: integer literal '99999999999999999999' does not fit in 64 bits")
        #expect(readingError("(constraint (= #x0G #x00))") == "1:16: malformed bit-vector literal '#x0G' (write #x… or #b…, at most 64 bits)")
        #expect(readingError("(constraint (= 1.5 1))") == "1:16: unsupported literal '1.5': real numbers are not supported")
        #expect(readingError("(constraint (= (_ bv256 8) #x00))") == "1:19: 256 does not fit in 8 bits")
        #expect(readingError("(constraint (= (_ bitvec 8) #x00))") == "1:16: expected (_ bvN WIDTH)")
    }

    @Test func malformedLet() {
        #expect(readingError("(constraint (let ((a 1) (a 2)) (= a 1)))") == "1:26: 'a' is bound twice in one let")
        #expect(readingError("(constraint (let (a 1) (= a 1)))") == "1:19: expected a let binding (NAME TERM), found a")
        #expect(readingError("(constraint (let () true))") == "1:13: expected (let ((NAME TERM)...) TERM)")
    }

    @Test func letExpansionTooLargeIsRejected() throws {
        // v_k has 2^(k+1) - 1 nodes: v19 is the first past a million.
        var text = "(declare-var x Int) (constraint (= (let ((v0 x)) "
        for level in 1...25 { text += "(let ((v\(level) (+ v\(level - 1) v\(level - 1)))) " }
        text += "v25" + String(repeating: ")", count: 26) + " 0))"
        let offender = try #require(text.firstRange(of: "(+ v18 v18)"))
        let column = text.distance(from: text.startIndex, to: offender.lowerBound) + 1
        #expect(readingError(text) == "1:\(column): term has more than 1000000 nodes once let bindings are expanded")
    }

    @Test func naryChainDeeperThanTheLimitIsRejected() {
        let text = "(constraint (and " + Array(repeating: "true", count: 1_002).joined(separator: " ") + "))"
        #expect(readingError(text) == "1:13: term nests deeper than 1000 levels once let bindings and n-ary operators are expanded")
    }

    @Test func nestingDeeperThanTheReaderLimitIsRejected() {
        let text = "(constraint " + String(repeating: "(not ", count: 1_000) + "true" + String(repeating: ")", count: 1_001)
        #expect(readingError(text) == "1:5008: nesting deeper than 1000 levels")
    }
}
