import Domains
import Language
import Testing

/// The error `text` is rejected with, as printed, or `nil` when it reads.
func taskFileError(_ text: String) -> String? {
    do {
        _ = try ExampleTask.readAll(json: text)
        return nil
    } catch {
        return error.description
    }
}

/// A one-task file in Ouroboros's format with `examples` spliced in.
func oneTask(_ request: String, _ examples: String, name: String = "add-k") -> String {
    #"[{"name": "\#(name)", "request": "\#(request)", "examples": \#(examples)}]"#
}

/// Bad task files are rejected with one message: the line and column of a syntax error, or
/// the task (index and name) and field of a schema error.
@Suite struct TaskFileErrorTests {
    @Test func syntaxErrorNamesLineAndColumn() {
        #expect(taskFileError("[\n  {\"name\": \"a\",\n   \"request\" \"int -> int\"}]")
                == "3:14: expected ':' after the key \"request\", found '\"'")
        #expect(taskFileError("[1, 2}") == "1:6: expected ',' or ']' after an array element, found '}'")
        #expect(taskFileError("[1,]") == "1:4: expected a value after ',', found ']' (JSON allows no trailing comma)")
        #expect(taskFileError("[True]") == "1:2: unexpected word 'True' (JSON's words are true, false and null)")
        #expect(taskFileError("[] []") == "1:4: unexpected '[' after the JSON value")
        #expect(taskFileError("") == "1:1: expected a JSON value, found the end")
    }

    @Test func unclosedArrayNamesItsOpeningBracket() {
        #expect(taskFileError("[\n  [1, 2,\n   3") == "2:3: '[' is never closed")
        #expect(taskFileError("[{\"name\": \"a\"") == "1:2: '{' is never closed")
        #expect(taskFileError("[\"abc") == "1:2: string is never closed")
    }

    @Test func badNumbersAndStringsAreSyntaxErrors() {
        #expect(taskFileError("[01]") == "1:2: a JSON number has no leading zeros")
        #expect(taskFileError("[1.]") == "1:4: expected a digit after '.', found ']'")
        #expect(taskFileError("[-]") == "1:3: expected a digit after '-', found ']'")
        #expect(taskFileError(#"["a\qb"]"#) == #"1:4: unknown escape '\q' in a string"#)
        #expect(taskFileError(#"["\u12"]"#) == #"1:3: '\u' must be followed by four hex digits"#)
        #expect(taskFileError(#"["\ud83d x"]"#) == #"1:3: unpaired surrogate \uD83D in a string"#)
        #expect(taskFileError(#"["\ude00"]"#) == #"1:3: unpaired surrogate \uDE00 in a string"#)
        #expect(taskFileError("[\"a\tb\"]") == #"1:4: control character U+0009 in a string (write it escaped, e.g. \n)"#)
        #expect(taskFileError(#"[{"a": 1, "a": 2}]"#) == #"1:11: duplicate key "a""#)
    }

    @Test func wrongTypedOutputNamesTaskAndField() {
        let examples = #"[{"inputs": [[1]], "output": [2]}, {"inputs": [[]], "output": []}, {"inputs": [[3]], "output": "4"}]"#
        let text = #"[{"name": "a", "request": "int", "examples": [{"inputs": [], "output": 1}]}, "#
            + #"{"name": "b", "request": "int", "examples": [{"inputs": [], "output": 1}]}, "#
            + #"{"name": "c", "request": "int", "examples": [{"inputs": [], "output": 1}]}, "#
            + #"{"name": "add-k", "request": "list(int) -> list(int)", "examples": \#(examples)}]"#
        #expect(taskFileError(text) == #"task 3 ("add-k"): field "examples"[2]."output": expected list(int), found a string"#)
    }

    @Test func wrongTypedElementNamesItsIndex() {
        #expect(taskFileError(oneTask("list(int) -> int", #"[{"inputs": [[1, true]], "output": 1}]"#))
                == #"task 0 ("add-k"): field "examples"[0]."inputs"[0][1]: expected int, found true"#)
        #expect(taskFileError(oneTask("int -> int", #"[{"inputs": [1.5], "output": 1}]"#))
                == #"task 0 ("add-k"): field "examples"[0]."inputs"[0]: expected int, found the number 1.5, which is not an integer"#)
        #expect(taskFileError(oneTask("int -> int", #"[{"inputs": [1], "output": 123456789012345678901234567890}]"#))
                == #"task 0 ("add-k"): field "examples"[0]."output": the integer 123456789012345678901234… is outside the 64-bit range"#)
        #expect(taskFileError(oneTask("bv8 -> bv8", ##"[{"inputs": ["#x00ff"], "output": "#x00"}]"##))
                == ##"task 0 ("add-k"): field "examples"[0]."inputs"[0]: expected bv8, found the 16-bit literal "#x00ff""##)
        #expect(taskFileError(#"[{"name": "len", "type": {"input": "list-of-int", "output": "int"}, "examples": [{"i": [1], "o": [1]}]}]"#)
                == #"task 0 ("len"): field "examples"[0]."o": expected int, found an array"#)
    }

    @Test func missingFieldIsNamed() {
        #expect(taskFileError(oneTask("int -> int", #"[{"inputs": [1]}]"#))
                == #"task 0 ("add-k"): field "examples"[0]."output": missing"#)
        #expect(taskFileError(#"[{"name": "a", "examples": []}]"#)
                == #"task 0 ("a"): field "request": missing (or DreamCoder's "type": {"input": …, "output": …})"#)
        #expect(taskFileError(#"[{"request": "int", "examples": []}]"#) == #"task 0: field "name": missing"#)
        #expect(taskFileError(#"[{"name": "len", "type": {"input": "list-of-int"}, "examples": []}]"#)
                == #"task 0 ("len"): field "type"."output": missing"#)
    }

    @Test func inputCountMismatchNamesTheRequest() {
        #expect(taskFileError(oneTask("int -> int -> int", #"[{"inputs": [1, 2], "output": 3}, {"inputs": [1], "output": 3}]"#))
                == #"task 0 ("add-k"): field "examples"[1]."inputs": expected 2 inputs for the request int -> int -> int, found 1"#)
    }

    @Test func badRequestTypeIsNamed() {
        #expect(taskFileError(oneTask("lst(int) -> int", "[]"))
                == #"task 0 ("add-k"): field "request": column 1: unknown type 'lst'"#)
        #expect(taskFileError(oneTask("list(t0) -> int", "[]"))
                == #"task 0 ("add-k"): field "request": list(t0) -> int has type variables; a task's types must be concrete"#)
        #expect(taskFileError(oneTask("(int -> int) -> int", "[]"))
                == #"task 0 ("add-k"): field "request": (int -> int) -> int takes or returns a function; a task's inputs and output must be data (int, bool, string, bvN, lists)"#)
        #expect(taskFileError(#"[{"name": "a", "type": {"input": "list-of-float", "output": "int"}, "examples": []}]"#)
                == #"task 0 ("a"): field "type"."input": column 1: unknown type 'list-of-float'"#)
        #expect(taskFileError(#"[{"name": "a", "type": {"input": "list-of-int", "output": "int -> int"}, "examples": []}]"#)
                == #"task 0 ("a"): field "type"."output": int -> int is a function; DreamCoder's input and output types must be data (int, bool, list-of-int, …)"#)
    }

    @Test func fileShapeErrors() {
        #expect(taskFileError(#"{"name": "a"}"#) == "1:1: expected an array of tasks, found an object")
        #expect(taskFileError("[[]]") == "task 0: expected a task object, found an array")
        #expect(taskFileError(oneTask("int -> int", "[]")) == #"task 0 ("add-k"): field "examples": expected at least one example, found an empty array"#)
        let twice = oneTask("int -> int", #"[{"inputs": [1], "output": 1}]"#)
        #expect(taskFileError("[" + twice.dropFirst().dropLast() + ", " + twice.dropFirst())
                == #"task 1 ("add-k"): field "name": task 0 has the same name"#)
        #expect(taskFileError(oneTask("int -> int", #"[{"inputs": [1], "output": 1}, {"inputs": [2], "output": 2}, {"inputs": [1], "output": 5}]"#))
                == #"task 0 ("add-k"): field "examples"[2]: the same inputs as "examples"[0] but a different output"#)
    }

    @Test func nestingPastTheLimitIsAMessageNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(taskFileError(deep) == "1:1001: arrays and objects nested deeper than 1000 levels")
        #expect(taskFileError(String(repeating: "{\"a\":", count: 5_000)) == "1:5001: arrays and objects nested deeper than 1000 levels")
        // 1,000 levels are allowed: the file is well-formed JSON, rejected only by its shape.
        let limit = String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
        #expect(taskFileError(limit) == "task 0: expected a task object, found an array")
    }

    @Test func truncatedAndRandomInputNeverCrashes() {
        let valid = oneTask("list(int) -> list(bool)", #"[{"inputs": [[1, -2]], "output": [true, false]}, {"inputs": [[]], "output": []}]"#, name: "n\u{e9}\\u00e9")
        #expect(taskFileError(valid) == nil)
        let scalars = Array(valid.unicodeScalars)
        for end in 0..<scalars.count {
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: scalars[..<end])
            #expect(taskFileError(String(prefix)) != nil, "prefix of \(end) scalars read")
        }
        let alphabet = Array(#"[]{}",:-0123456789.eEtrufalsn \u\"#.unicodeScalars) + ["\n", "\u{0}", "é", "\u{1F600}"]
        for seed in UInt64(0)..<300 {
            var random = SplitMix64(seed: seed)
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...60, using: &random) {
                text.append(alphabet.randomElement(using: &random)!)
            }
            _ = taskFileError(String(text))   // any outcome but a crash
        }
        for seed in UInt64(0)..<300 {
            var random = SplitMix64(seed: seed)
            var mutated = scalars
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<mutated.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: mutated.remove(at: at)
                case 1: mutated.insert(alphabet.randomElement(using: &random)!, at: at)
                default: mutated[at] = alphabet.randomElement(using: &random)!
                }
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: mutated)
            _ = taskFileError(String(text))
        }
        let bytes = (0..<2_000).map { UInt8(truncatingIfNeeded: SplitMix64.seed(for: "\($0)")) }
        _ = taskFileError(String(decoding: bytes, as: UTF8.self))
    }

    @Test func hugeNumberIsAMessage() {
        let digits = String(repeating: "9", count: 100_000)
        #expect(taskFileError(oneTask("int -> int", #"[{"inputs": [\#(digits)], "output": 1}]"#))
                == #"task 0 ("add-k"): field "examples"[0]."inputs"[0]: the integer 999999999999999999999999… is outside the 64-bit range"#)
    }
}

@Suite struct TaskFileLimitTests {
    static func longList(_ count: Int) -> String {
        #"[{"name": "sum", "request": "list(int) -> int", "examples": [{"inputs": [["#
            + (0..<count).map(String.init).joined(separator: ",") + #"]], "output": 1}]}]"#
    }

    /// The error reading `text` within `limits` ends in.
    static func limitError(_ text: String, _ limits: ReadingLimits) -> TaskFileError? {
        do {
            _ = try ExampleTask.readAll(json: text, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func aFileLargerThanTheMemoryLimitIsRefusedAsOverTheLimit() throws {
        // 300,000 numbers: the text alone needs more than 1 MiB as scalars.
        let large = try #require(Self.limitError(Self.longList(300_000), ReadingLimits(bytes: 1 << 20)))
        #expect(large.isOverLimit)
        #expect(large.description == "1:1: reading it needs more than the memory limit of 1 MiB")
        // 100,000 numbers fit as text in 4 MiB, but not with their tree.
        let tree = try #require(Self.limitError(Self.longList(100_000), ReadingLimits(bytes: 4 << 20)))
        #expect(tree.isOverLimit)
        #expect(tree.message == "reading it needs more than the memory limit of 4 MiB")
        #expect(tree.position.line == 1 && tree.position.column > 1)
    }

    @Test func readingPastTheDeadlineStops() throws {
        let late = try #require(Self.limitError(Self.longList(10_000), ReadingLimits(deadline: .now - .seconds(1))))
        #expect(late.isOverLimit)
        #expect(late.message == "reading it takes longer than the time limit")
    }

    @Test func aMalformedFileIsNotOverTheLimit() throws {
        let bad = try #require(Self.limitError("[1, 2", ReadingLimits(deadline: .now + .seconds(60), bytes: 64 << 20)))
        #expect(!bad.isOverLimit)
    }

    @Test func aFileWithinTheLimitsReadsAsWithout() throws {
        let text = Self.longList(1_000)
        #expect(try ExampleTask.readAll(json: text, limits: ReadingLimits(deadline: .now + .seconds(60), bytes: 64 << 20))
            == ExampleTask.readAll(json: text))
    }
}
