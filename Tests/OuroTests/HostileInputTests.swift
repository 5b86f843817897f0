import Foundation
import Testing
import TestSupport

/// Input written to break a reader: every one ends with a message naming the file and
/// position and a non-zero exit, never a crash, a hang or a stack overflow.
@Suite struct HostileInputTests {
    static let depth = 100_000

    /// Writes `text` to a fresh file `name` in `directory` and returns its path.
    private func file(_ name: String, _ text: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func nestingAHundredThousandDeepIsRejectedAtTheLimitByEveryReader() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let open = String(repeating: "(", count: Self.depth), close = String(repeating: ")", count: Self.depth)
        let sygus = try file("deep.sl", "(set-logic LIA)\n(constraint " + open + close + ")\n", in: directory)
        let grammar = try file("deep.grammar", "(grammar g)\n" + open + close + "\n", in: directory)
        var outcome = try TestSupport.ouro(["check", sygus, grammar])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == """
            \(sygus):2:1012: nesting deeper than 1000 levels
            \(grammar):2:1001: nesting deeper than 1000 levels

            """)

        let tasks = try file("deep.json", String(repeating: "[", count: Self.depth) + String(repeating: "]", count: Self.depth), in: directory)
        outcome = try TestSupport.ouro(["solve", tasks, "--grammar", "Grammars/lists.grammar"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(tasks):1:1001: arrays and objects nested deeper than 1000 levels\n")

        outcome = try TestSupport.ouro(["eval", open])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "program:1:1001: nesting deeper than 1000 levels\n")

        let corpus = try file("deep.txt", "(lam $0)\n" + String(repeating: "(f ", count: Self.depth) + "x" + close + "\n", in: directory)
        outcome = try TestSupport.ouro(["compress", corpus])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(corpus):2:3001: nesting deeper than 1000 levels\n")
        let jsonCorpus = try file("deep-corpus.json", String(repeating: "[", count: Self.depth), in: directory)
        outcome = try TestSupport.ouro(["compress", jsonCorpus])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(jsonCorpus):1:1001: arrays and objects nested deeper than 1000 levels\n")
    }

    @Test func applicationsPastTheProgramDepthLimitAreRejectedInCorporaAndPrograms() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 2,500 arguments: shallow parentheses, but 2,500 curried applications deep.
        let wide = "(f" + String(repeating: " a", count: 2_500) + ")"
        let corpus = try file("wide.txt", wide + "\n", in: directory)
        var outcome = try TestSupport.ouro(["compress", corpus])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(corpus):1:2: program nested deeper than 2000 levels (each argument of an application counts as one)\n")
        outcome = try TestSupport.ouro(["eval", "(+" + String(repeating: " 1", count: 2_500) + ")"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "program:1:2: program nested deeper than 2000 levels (each argument of an application counts as one)\n")
    }

    @Test func hugeLiteralsAreRefusedWithAShortMessage() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func problem(_ logic: String, _ sort: String, _ literal: String) -> String {
            "(set-logic \(logic))\n(synth-fun f ((x \(sort))) \(sort))\n(declare-var x \(sort))\n(constraint (= (f x) \(literal)))\n(check-synth)\n"
        }
        let digits = String(repeating: "9", count: 100_000)
        let integer = try file("integer.sl", problem("LIA", "Int", digits), in: directory)
        let bits = try file("bits.sl", problem("BV", "(_ BitVec 64)", "#x" + String(repeating: "f", count: 100_000)), in: directory)
        // 10 MiB: Z3 would take minutes to assert it, beyond any timeout.
        let string = try file("string.sl", problem("SLIA", "String", "\"" + String(repeating: "a", count: 10 << 20) + "\""), in: directory)
        var outcome = try TestSupport.ouro(["check", integer, bits, string])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == """
            \(integer):4:22: integer literal '999999999999999999999999…' does not fit in 64 bits
            \(bits):4:22: malformed bit-vector literal '#xffffffffffffffffffffff…' (write #x… or #b…, at most 64 bits)
            \(string):4:22: string literal of 10485760 characters; the limit is 4096

            """)
        outcome = try TestSupport.ouro(["solve", string, "--timeout", "1"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(string):4:22: string literal of 10485760 characters; the limit is 4096\n")

        let big = "#x" + String(repeating: "f", count: 100_000)
        outcome = try TestSupport.ouro(["eval", "(+ \(digits) 1)"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "program:1:4: the integer 999999999999999999999999… is outside the 64-bit range\n")
        outcome = try TestSupport.ouro(["eval", big])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "program:1:1: unknown operator '#xffffffffffffffffffffff…'\n")
        outcome = try TestSupport.ouro(["eval", "(lambda $0)", digits])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.hasPrefix("Error: input 1: column 1: the integer 999999999999999999999999… is outside the 64-bit range\n"))

        let tasks = try file("integer.json", #"[{"name": "t", "request": "int -> int", "examples": [{"inputs": [1], "output": "# + digits + "}]}]", in: directory)
        outcome = try TestSupport.ouro(["solve", tasks, "--grammar", "Grammars/lists.grammar"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(tasks):1:80: task 0 (\"t\"): field \"examples\"[0].\"output\": the integer 999999999999999999999999… is outside the 64-bit range\n")
    }

    @Test func aTenMegabyteStringInATaskIsReadAndSearchedUntilTheTimeout() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = String(repeating: "a", count: 10 << 20)
        let tasks = try file("string.json", #"[{"name": "long", "request": "string -> string", "examples": [{"inputs": ["a"], "output": ""#
                             + text + #""}]}]"#, in: directory)
        let outcome = try TestSupport.ouro(["solve", tasks, "--grammar", "Grammars/lists.grammar", "--timeout", "0.3"])
        #expect(outcome.status == 3)
        #expect(outcome.standardOutput.hasPrefix("long: unsolved (timeout), "))
    }

    @Test func aOneGigabyteFileIsRefusedBeforeItIsRead() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Sparse: the file is 1 GiB long but takes no disk space.
        let path = directory.appendingPathComponent("huge.sl").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let outcome = try TestSupport.ouro(["solve", path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(path): file is 1024 MiB; the limit is 256 MiB\n")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func binaryGarbageAndInvalidUTF8AreNotText() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Every byte value: not UTF-8.
        let garbage = Data((0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 167) })
        var paths: [String] = []
        for name in ["garbage.sl", "garbage.grammar", "garbage.json", "garbage.txt"] {
            let url = directory.appendingPathComponent(name)
            try garbage.write(to: url)
            paths.append(url.path)
        }
        let invalid = directory.appendingPathComponent("invalid.sl")
        try Data("(set-logic LIA)\n; caf\u{E9}".utf8.dropLast(2) + [0xC3, 0x28]).write(to: invalid)
        var outcome = try TestSupport.ouro(["check", paths[0], paths[1], invalid.path])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(paths[0]): is not valid UTF-8 text\n\(paths[1]): is not valid UTF-8 text\n\(invalid.path): is not valid UTF-8 text\n")
        outcome = try TestSupport.ouro(["solve", paths[2], "--grammar", "Grammars/lists.grammar"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(paths[2]): is not valid UTF-8 text\n")
        outcome = try TestSupport.ouro(["compress", paths[3]])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(paths[3]): is not valid UTF-8 text\n")

        // Control characters are valid UTF-8 but not text.
        let control = try file("control.sl", "\u{0}\u{1}\u{2}(\u{7F})", in: directory)
        let controlGrammar = try file("control.grammar", "(grammar g)\n(primitive \u{1B}[31m \"int\")", in: directory)
        outcome = try TestSupport.ouro(["check", control, controlGrammar])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == """
            \(control):1:1: unexpected control character U+0000 (is this a text file?)
            \(controlGrammar):2:12: unexpected control character U+001B (is this a text file?)

            """)
        let controlTasks = try file("control.json", "\u{0}[]", in: directory)
        outcome = try TestSupport.ouro(["solve", controlTasks, "--grammar", "Grammars/lists.grammar"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(controlTasks):1:1: expected a JSON value, found U+0000\n")
    }

    @Test func aGrammarThatDerivesNoFiniteProgramIsReportedNotSearchedForever() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sygus = try file("loop.sl", """
            (set-logic LIA)
            (synth-fun f ((x Int)) Int
                ((Start Int) (Other Int))
                ((Start Int ((+ Start Other)))
                 (Other Int (x (- Other)))))
            (declare-var x Int)
            (constraint (= (f x) (+ x 1)))
            (check-synth)

            """, in: directory)
        let message = "\(sygus):3:7: the grammar of 'f' derives no finite term: every production of 'Start' needs 'Start' again "
            + "(give one a production without nonterminals, such as a parameter or a constant)\n"
        var outcome = try TestSupport.ouro(["check", sygus])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == message)
        outcome = try TestSupport.ouro(["solve", sygus])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == message)

        // A λ-grammar whose only list production needs a list: the task ends at once.
        let grammar = try file("loop.grammar", "(grammar loop)\n(primitive cons \"t0 -> list(t0) -> list(t0)\" 0.0)\n(primitive 1 \"int\" 0.0)\n", in: directory)
        let tasks = try file("ones.json", #"[{"name": "ones", "request": "int -> list(int)", "examples": [{"inputs": [1], "output": [1]}]}]"#, in: directory)
        outcome = try TestSupport.ouro(["solve", tasks, "--grammar", grammar, "--timeout", "60"])
        #expect(outcome.status == 4)
        #expect(outcome.standardOutput == "ones: unsolved (the grammar builds no finite program of type int -> list(int)), 0.00 s, 0 candidates\nsolved 0/1\n")
    }

    @Test func aRecursiveDefineIsRefusedByEveryCommandThatReadsGrammars() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let grammar = try file("recursive.grammar", """
            (grammar recursive)
            (primitive + "int -> int -> int" 0.0)
            (primitive 1 "int" 0.0)
            (define count "int -> int" (lambda (+ 1 (count $0))) 0.0)

            """, in: directory)
        let message = "\(grammar):4:28: 'count' refers to itself; a define cannot be recursive\n"
        var outcome = try TestSupport.ouro(["check", grammar])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == message)
        outcome = try TestSupport.ouro(["solve", "Problems/lists/train/aggregates.json", "--grammar", grammar])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == message)
    }

    @Test func contradictoryConstraintsAreInfeasibleAtOnce() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sygus = try file("contradiction.sl", """
            (set-logic LIA)
            (synth-fun f ((x Int)) Int)
            (declare-var x Int)
            (constraint (= (f x) 1))
            (constraint (= (f x) 2))
            (check-synth)

            """, in: directory)
        var outcome = try TestSupport.ouro(["solve", sygus, "--timeout", "5"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix("infeasible ; the constraints demand two different outputs for the input "))
        outcome = try TestSupport.ouro(["solve", sygus, "--timeout", "5", "--json"])
        let line = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(line["infeasible"] as? Bool == true)
        #expect((line["reason"] as? String)?.hasPrefix("the constraints demand two different outputs for the input ") == true)
    }

    @Test func aTaskWithTenThousandExamplesIsSolved() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let examples = (0..<10_000).map { i in
            "{\"inputs\": [[" + Array(repeating: String(i % 7), count: i % 5).joined(separator: ", ") + "]], \"output\": \(i % 5)}"
        }
        let tasks = try file("many.json", "[{\"name\": \"length\", \"request\": \"list(int) -> int\", \"examples\": [" + examples.joined(separator: ",\n") + "]}]", in: directory)
        let outcome = try TestSupport.ouro(["solve", tasks, "--grammar", "Grammars/lists.grammar", "--timeout", "60"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix("length: solved (lambda (length $0))  log prior -4.80, "))
    }

    @Test func aZ3QueryThatTimesOutLeavesTheProblemUnknown() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Verifying any candidate but the constant 1 means deciding whether x³ + y³ = z³ has a
        // solution in integers above 1: no solver decides that (a factoring query, tried
        // first, was answered within the second on an idle machine).
        let sygus = try file("fermat.sl", """
            (set-logic NIA)
            (synth-fun f ((x Int)) Int)
            (declare-var x Int)
            (declare-var y Int)
            (declare-var z Int)
            (constraint (=> (and (> x 1) (> y 1) (> z 1) (= (+ (* x x x) (* y y y)) (* z z z)))
                            (= (f x) 1)))
            (check-synth)

            """, in: directory)
        let outcome = try TestSupport.ouro(["solve", sygus, "--timeout", "1", "--json"])
        #expect(outcome.status == 3)
        let line = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(line["solved"] as? Bool == false)
        let reason = try #require(line["reason"] as? String)
        #expect(reason == "Z3 could not verify a candidate: timeout" || reason == "Z3 could not verify a candidate: canceled", "\(reason)")
    }
}
