import Domains
import Language
import Testing

/// JSON task files in both formats read into exact tasks.
@Suite struct ExampleTaskReadingTests {
    @Test func ouroborosFormatReadsEveryField() throws {
        let tasks = try ExampleTask.readAll(json: """
            [
              {"name": "add-1", "request": "list(int) -> list(int)",
               "examples": [{"inputs": [[1, 2]], "output": [2, 3]},
                            {"inputs": [[]], "output": []}]},
              {"name": "pick", "request": "bool -> int -> int -> int",
               "examples": [{"inputs": [true, -4, 9], "output": -4}]}
            ]
            """)
        #expect(tasks == [
            ExampleTask(name: "add-1", request: .arrow(.list(.int), .list(.int)), examples: [
                .init(inputs: [.list([.int(1), .int(2)])], output: .list([.int(2), .int(3)])),
                .init(inputs: [.list([])], output: .list([])),
            ]),
            ExampleTask(name: "pick", request: .function([.bool, .int, .int], .int), examples: [
                .init(inputs: [.bool(true), .int(-4), .int(9)], output: .int(-4)),
            ]),
        ])
        #expect(tasks[1].request.arguments == [.bool, .int, .int])
        #expect(tasks[1].request.returnType == .int)
    }

    @Test func dreamCoderFormatReadsOneInputPerExample() throws {
        let tasks = try ExampleTask.readAll(json: """
            [{"name": "len", "type": {"input": "list-of-int", "output": "int"},
              "examples": [{"i": [5, 0, 7], "o": 3}, {"i": [], "o": 0}]},
             {"name": "evens?", "type": {"input": "list-of-int", "output": "list-of-bool"},
              "examples": [{"i": [2, 3], "o": [true, false]}]}]
            """)
        #expect(tasks == [
            ExampleTask(name: "len", request: .arrow(.list(.int), .int), examples: [
                .init(inputs: [.list([.int(5), .int(0), .int(7)])], output: .int(3)),
                .init(inputs: [.list([])], output: .int(0)),
            ]),
            ExampleTask(name: "evens?", request: .arrow(.list(.int), .list(.bool)), examples: [
                .init(inputs: [.list([.int(2), .int(3)])], output: .list([.bool(true), .bool(false)])),
            ]),
        ])
    }

    @Test func stringsDecodeEveryJSONEscape() throws {
        let tasks = try ExampleTask.readAll(json: #"""
            [{"name": "esc\u00e9", "request": "string -> string",
              "examples": [{"inputs": ["\"\\\/\b\f\n\r\t"], "output": "\u0041\ud83d\ude00é"}]}]
            """#)
        #expect(tasks[0].name == "escé")
        #expect(tasks[0].examples[0].inputs == [.string(StringValue(codePoints: [0x22, 0x5C, 0x2F, 0x08, 0x0C, 0x0A, 0x0D, 0x09]))])
        #expect(tasks[0].examples[0].output == .string(StringValue(codePoints: [0x41, 0x1F600, 0xE9])))
    }

    @Test func bitVectorsReadFromLiteralStrings() throws {
        let tasks = try ExampleTask.readAll(json: """
            [{"name": "low", "request": "bv16 -> bv4",
              "examples": [{"inputs": ["#x00ff"], "output": "#b1111"}]}]
            """)
        #expect(tasks[0].examples[0] == .init(inputs: [.bitVector(0xFF, width: 16)], output: .bitVector(0xF, width: 4)))
    }

    @Test func integersAtTheEdgesOf64BitsRead() throws {
        let tasks = try ExampleTask.readAll(json: """
            [{"name": "edges", "request": "int -> int",
              "examples": [{"inputs": [-9223372036854775808], "output": 9223372036854775807},
                           {"inputs": [-0], "output": 0}]}]
            """)
        #expect(tasks[0].examples.map(\.inputs) == [[.int(.min)], [.int(0)]])
        #expect(tasks[0].examples[0].output == .int(.max))
    }

    @Test func emptyFileArrayAndUnknownKeysAreAccepted() throws {
        #expect(try ExampleTask.readAll(json: "\u{FEFF} [ ]\r\n") == [])
        let tasks = try ExampleTask.readAll(json: """
            [{"name": "id", "comment": {"any": [null]}, "request": "int -> int",
              "examples": [{"inputs": [1], "output": 1, "note": "ignored"}]}]
            """)
        #expect(tasks.count == 1)
    }
}
