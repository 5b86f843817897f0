import Foundation
import Testing
import TestSupport

/// Every number given on the command line is read by one parser and checked against its
/// option's range: a value outside it is refused with exit status 2 and a message saying what
/// the option takes, never a crash, an overflow or a limit that silently does not hold.
@Suite struct NumberOptionTests {
    static let problem = "Problems/bitvec/test/isolate-rightmost-one-64.sl"

    /// The first line of what `ouro` printed on standard error.
    static func firstLine(_ outcome: TestSupport.Outcome) -> String {
        String(outcome.standardError.split(separator: "\n").first ?? "")
    }

    @Test(arguments: [
        (["solve", "--timeout", "inf", problem], "Error: The value 'inf' is invalid for '--timeout <seconds>': must be a finite number; takes seconds, 0 < x ≤ 1000000"),
        (["solve", "--timeout", "1e300", problem], "Error: The value '1e300' is invalid for '--timeout <seconds>': must be at most 1000000; takes seconds, 0 < x ≤ 1000000"),
        (["solve", "--timeout", "1e7", problem], "Error: The value '1e7' is invalid for '--timeout <seconds>': must be at most 1000000; takes seconds, 0 < x ≤ 1000000"),
        (["solve", "--timeout", "-1", problem], "Error: The value '-1' is invalid for '--timeout <seconds>': must be positive; takes seconds, 0 < x ≤ 1000000"),
        (["solve", "--run-timeout", "9.3e15", problem], "Error: The value '9.3e15' is invalid for '--run-timeout <seconds>': must be at most 1000000; takes seconds, 0 < x ≤ 1000000, or none"),
        (["solve", "--memory", "9223372036854775807", problem], "Error: The value '9223372036854775807' is invalid for '--memory <MiB>': must be at most 1048576; takes MiB, a whole number 1 ≤ n ≤ 1048576, or none"),
        (["solve", "-j", "99999999999999999999", problem], "Error: The value '99999999999999999999' is invalid for '-j <N>': too large; takes a whole number, 1 ≤ n ≤ 1024"),
        (["bootstrap", "Problems/lists", "--memory", "9223372036854775807"], "Error: The value '9223372036854775807' is invalid for '--memory <MiB>': must be at most 1048576; takes MiB, a whole number 1 ≤ n ≤ 1048576, or none"),
        (["bootstrap", "Problems/lists", "--timeout", "nan"], "Error: The value 'nan' is invalid for '--timeout <seconds>': must be a finite number; takes seconds, 0 < x ≤ 1000000"),
        (["dream", "--grammar", "Grammars/lists.grammar", "--tasks", "Problems/lists/train/mapping.json", "--count", "9223372036854775807"],
         "Error: The value '9223372036854775807' is invalid for '--count <N>': must be at most 1000000; takes a whole number, 1 ≤ n ≤ 1000000"),
        (["train", "Problems/lists/train/mapping.json", "--solutions", "x.jsonl", "--out", "m.json", "--hidden", "9223372036854775807"],
         "Error: The value '9223372036854775807' is invalid for '--hidden <N>': must be at most 4096; takes a whole number, 1 ≤ n ≤ 4096"),
        (["train", "Problems/lists/train/mapping.json", "--solutions", "x.jsonl", "--out", "m.json", "--learning-rate", "1e308"],
         "Error: The value '1e308' is invalid for '--learning-rate <x>': must be at most 1; takes a number, 0 < x ≤ 1"),
        (["compress", "Tests/LearningTests/Fixtures/lists-frontiers.txt", "--max-arity", "-2"],
         "Error: The value '-2' is invalid for '--max-arity <A>': must be at least 0; takes a whole number, 0 ≤ n ≤ 10"),
        (["solve", "--seed", "-3", problem], "Error: The value '-3' is invalid for '--seed <n>': must be 0 or more; takes a whole number from 0 to 18446744073709551615"),
    ])
    func valuesOutsideTheirRangeAreRefusedWithTheRange(arguments: [String], message: String) throws {
        let outcome = try TestSupport.ouro(arguments)
        #expect(outcome.status == 2, "\(arguments): \(outcome.standardError)")
        #expect(Self.firstLine(outcome) == message)
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func noneLiftsAnOptionalLimit() throws {
        let outcome = try TestSupport.ouro(["solve", "--run-timeout", "none", "--memory", "none", "-t", "60", Self.problem])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "(\n(define-fun f ((x (_ BitVec 64))) (_ BitVec 64) (bvand x (bvneg x)))\n)\n")
    }
}
