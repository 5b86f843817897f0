import Language

extension ExampleTask {
    /// Reads a JSON task file: an array of tasks, each in either of two shapes.
    ///
    /// Ouroboros's own, one input per argument of the request:
    ///
    ///     [{"name": "add-1", "request": "list(int) -> list(int)",
    ///       "examples": [{"inputs": [[1, 2]], "output": [2, 3]}]}]
    ///
    /// DreamCoder's raw list tasks, one input each:
    ///
    ///     [{"name": "add-1", "type": {"input": "list-of-int", "output": "list-of-int"},
    ///       "examples": [{"i": [1, 2], "o": [2, 3]}]}]
    ///
    /// Values are read by the requested types: `int` from integers (a fraction, an exponent or a
    /// value outside 64 bits is an error), `bool` from `true`/`false`, `string` from strings,
    /// `bvN` from strings `"#x…"`/`"#b…"` of exactly N bits, `list(t)` from arrays. Other keys
    /// are ignored. Errors: `TaskFileError`, naming the line and column of a syntax error, or
    /// the task (index and name) and field of a schema error. Past `limits` (the time and
    /// memory reading may take), the error's `isOverLimit` is set.
    public static func readAll(json text: String, limits: ReadingLimits = .none) throws(TaskFileError) -> [ExampleTask] {
        let document: JSONValue
        do {
            document = try JSONValue.read(text, limits: limits)
        } catch {
            var failure = TaskFileError(error.message, at: error.position)
            failure.isOverLimit = error.isOverLimit
            throw failure
        }
        guard case .array(let items) = document.kind else {
            throw TaskFileError("expected an array of tasks, found \(document.summary)", at: document.position)
        }
        var tasks: [ExampleTask] = []
        var indexOfName: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            var reader = TaskReader(index: index, json: item)
            let task = try reader.read()
            if let earlier = indexOfName[task.name] {
                throw reader.error("task \(earlier) has the same name", at: item["name"]!, field: FieldPath("name"))
            }
            indexOfName[task.name] = index
            tasks.append(task)
        }
        return tasks
    }
}

/// Reads one task object of a task file into an `ExampleTask`, in either format.
private struct TaskReader {
    let index: Int
    let json: JSONValue
    /// The task's name, once read, for messages.
    var name: String?

    init(index: Int, json: JSONValue) {
        self.index = index
        self.json = json
    }

    func error(_ message: String, at value: JSONValue, field: FieldPath?) -> TaskFileError {
        error(message, at: value.position, field: field)
    }

    func error(_ message: String, at position: SourcePosition, field: FieldPath?) -> TaskFileError {
        TaskFileError(message, at: position, task: index, taskName: name, field: field?.description)
    }

    /// The member `path`'s last key names in `object`, or an error saying it is missing.
    func member(_ object: JSONValue, _ path: FieldPath) throws(TaskFileError) -> JSONValue {
        guard case .key(let key) = path.components.last!, let value = object[key] else {
            throw error("missing", at: object, field: path)
        }
        return value
    }

    mutating func read() throws(TaskFileError) -> ExampleTask {
        guard case .object = json.kind else {
            throw error("expected a task object, found \(json.summary)", at: json, field: nil)
        }
        let nameValue = try member(json, FieldPath("name"))
        guard case .string(let name) = nameValue.kind, !name.isEmpty else {
            throw error("expected a non-empty string, found \(nameValue.summary)", at: nameValue, field: FieldPath("name"))
        }
        self.name = name
        let request: TypeExpr
        let isDreamCoder: Bool
        switch (json["request"], json["type"]) {
        case (let text?, nil):
            request = try type(text, FieldPath("request"))
            isDreamCoder = false
        case (nil, let type?):
            guard case .object = type.kind else {
                throw error("expected an object {\"input\": …, \"output\": …}, found \(type.summary)", at: type, field: FieldPath("type"))
            }
            let inputPath = FieldPath("type").appending("input"), outputPath = FieldPath("type").appending("output")
            let input = try self.type(try member(type, inputPath), inputPath, isData: true)
            let output = try self.type(try member(type, outputPath), outputPath, isData: true)
            request = .arrow(input, output)
            isDreamCoder = true
        case (_?, let type?):
            throw error("give either \"request\" or DreamCoder's \"type\", not both", at: type, field: FieldPath("type"))
        case (nil, nil):
            throw error("missing (or DreamCoder's \"type\": {\"input\": …, \"output\": …})", at: json, field: FieldPath("request"))
        }
        return ExampleTask(name: name, request: request, examples: try examples(request, isDreamCoder: isDreamCoder))
    }

    /// A type written as a string, with no type variables: a function of data, or (`isData`) data.
    func type(_ value: JSONValue, _ path: FieldPath, isData: Bool = false) throws(TaskFileError) -> TypeExpr {
        guard case .string(let text) = value.kind else {
            throw error("expected a type such as \"list(int) -> int\", found \(value.summary)", at: value, field: path)
        }
        let type: TypeExpr
        do {
            type = try TypeExpr(parsing: text)
        } catch {
            let position = SourcePosition(line: value.position.line, column: value.position.column + error.column)
            throw self.error("\(error)", at: position, field: path)
        }
        if !type.variables.isEmpty {
            throw error("\(type) has type variables; a task's types must be concrete", at: value, field: path)
        }
        if isData && type.mentionsArrow {
            throw error("\(type) is a function; DreamCoder's input and output types must be data (int, bool, list-of-int, …)", at: value, field: path)
        }
        if type.arguments.contains(where: \.mentionsArrow) {
            throw error("\(type) takes or returns a function; a task's inputs and output must be data (int, bool, string, bvN, lists)", at: value, field: path)
        }
        return type
    }

    func examples(_ request: TypeExpr, isDreamCoder: Bool) throws(TaskFileError) -> [ExampleTask.Example] {
        let path = FieldPath("examples")
        let list = try member(json, path)
        guard case .array(let items) = list.kind else {
            throw error("expected an array of examples, found \(list.summary)", at: list, field: path)
        }
        guard !items.isEmpty else {
            throw error("expected at least one example, found an empty array", at: list, field: path)
        }
        let arguments = request.arguments
        let (inputsKey, outputKey) = isDreamCoder ? ("i", "o") : ("inputs", "output")
        var examples: [ExampleTask.Example] = []
        var indexOfInputs: [[Value]: Int] = [:]
        for (i, item) in items.enumerated() {
            let itemPath = path.appending(i)
            guard case .object = item.kind else {
                throw error("expected an object with \"\(inputsKey)\" and \"\(outputKey)\", found \(item.summary)", at: item, field: itemPath)
            }
            let inputsPath = itemPath.appending(inputsKey)
            let inputsValue = try member(item, inputsPath)
            var inputs: [Value] = []
            if isDreamCoder {
                inputs = [try value(inputsValue, as: arguments[0], at: inputsPath)]
            } else {
                guard case .array(let given) = inputsValue.kind else {
                    throw error("expected an array of inputs, found \(inputsValue.summary)", at: inputsValue, field: inputsPath)
                }
                guard given.count == arguments.count else {
                    let expected = arguments.count == 1 ? "1 input" : "\(arguments.count) inputs"
                    throw error("expected \(expected) for the request \(request), found \(given.count)", at: inputsValue, field: inputsPath)
                }
                for (k, argument) in given.enumerated() {
                    inputs.append(try value(argument, as: arguments[k], at: inputsPath.appending(k)))
                }
            }
            let outputPath = itemPath.appending(outputKey)
            let output = try value(try member(item, outputPath), as: request.returnType, at: outputPath)
            if let earlier = indexOfInputs[inputs], examples[earlier].output != output {
                throw error("the same inputs as \(path.appending(earlier)) but a different output", at: item, field: itemPath)
            }
            indexOfInputs[inputs] = indexOfInputs[inputs] ?? i
            examples.append(ExampleTask.Example(inputs: inputs, output: output))
        }
        return examples
    }

    /// `json` read as a value of `type` (a data type: no arrows, no variables).
    func value(_ json: JSONValue, as type: TypeExpr, at path: FieldPath) throws(TaskFileError) -> Value {
        func mismatch() -> TaskFileError {
            error("expected \(type), found \(json.summary)", at: json, field: path)
        }
        switch (type, json.kind) {
        case (.int, .number(let text)):
            if text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                throw error("expected int, found \(json.summary), which is not an integer", at: json, field: path)
            }
            guard let n = Int(text) else {
                throw error("the integer \(JSONValue.excerpt(text)) is outside the 64-bit range", at: json, field: path)
            }
            return .int(n)
        case (.bool, .bool(let b)):
            return .bool(b)
        case (.string, .string(let text)):
            return .string(StringValue(text))
        case (.bitVector(let width), .string(let text)):
            guard let bits = BitVector(literal: text) else {
                throw error("expected a bv\(width) literal such as \"#x…\" or \"#b…\", found the string \(JSONValue.quoted(JSONValue.excerpt(text)))", at: json, field: path)
            }
            guard bits.width == width else {
                throw error("expected bv\(width), found the \(bits.width)-bit literal \(JSONValue.quoted(JSONValue.excerpt(text)))", at: json, field: path)
            }
            return .bitVector(bits)
        case (.list(let element), .array(let items)):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for (k, item) in items.enumerated() {
                values.append(try value(item, as: element, at: path.appending(k)))
            }
            return .list(values)
        default:
            throw mismatch()
        }
    }
}

extension TypeExpr {
    /// Whether a function type occurs anywhere in the type.
    fileprivate var mentionsArrow: Bool {
        switch self {
        case .int, .bool, .string, .bitVector, .variable: return false
        case .list(let element): return element.mentionsArrow
        case .arrow: return true
        }
    }
}
