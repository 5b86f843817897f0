import Foundation
import Language

extension SyGuSProblem {
    /// The bodies of an answer in SyGuS answer form — a `(define-fun f (…) S BODY)` per
    /// function, as `ouro solve` prints them, alone or in the parenthesised list of the
    /// standard's response — to the problem read from `source`, keyed by function index. Each
    /// body is read as a term of the problem (its definitions in scope, the define-fun's
    /// parameters as the function's), and must have the function's parameter and result sorts.
    public static func answerBodies(_ answer: String, source: String) throws(SyntaxError) -> [Int: Expression] {
        var reader = SyGuSReader()
        for command in try SExpression.readAll(source) {
            try reader.read(command)
        }
        var commands = try SExpression.readAll(answer)
        // The response form: one list of define-funs.
        if commands.count == 1, let items = commands[0].elements, items.first?.symbol == nil {
            commands = items
        }
        var bodies: [Int: Expression] = [:]
        for command in commands {
            let (function, body) = try reader.readAnswer(command)
            bodies[function] = body
        }
        return bodies
    }

    /// The name of the structured form `encodedAnswer(_:)` writes, with its version.
    public static let answerFormat = "sygus-answer/1"

    /// An answer's bodies in the structured form a run store keeps (`answerFormat`): JSON,
    /// `{"functions": {NAME: BODY, …}}`, a body a tree of `{"op": NAME, "args": […]}` (an
    /// operator, resolved again by its name and its arguments' sorts), `{"call": NAME, "args":
    /// […]}` (a definition of the problem), `{"param": I}`, and constants `{"int": N}`,
    /// `{"bool": B}`, `{"bv": "#x…"}`, `{"string": [CODE POINTS]}`.
    public func encodedAnswer(_ bodies: [Int: Expression]) -> String {
        var functions: [String: Any] = [:]
        for (index, body) in bodies { functions[self.functions[index].name] = encoded(body) }
        let data = (try? JSONSerialization.data(withJSONObject: ["functions": functions], options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private func encoded(_ body: Expression) -> Any {
        switch body {
        case .constant(let value):
            switch value {
            case .int(let n): return ["int": n]
            case .bool(let b): return ["bool": b]
            case .bitVector: return ["bv": value.description]
            case .string(let text): return ["string": text.codePoints]
            case .list, .function: return ["unsupported": value.description]
            }
        case .parameter(let index): return ["param": index]
        case .builtin(let primitive, let arguments): return ["op": primitive.name, "args": arguments.map(encoded)]
        case .definition(let index, let arguments): return ["call": definitions[index].name, "args": arguments.map(encoded)]
        case .synthesized(let index, let arguments): return ["fun": functions[index].name, "args": arguments.map(encoded)]
        case .variable(let index): return ["var": index]
        case .nonterminal(let index): return ["nonterminal": index]
        }
    }

    /// An answer's bodies read back from `encodedAnswer(_:)`'s form; throws when it does not
    /// read, or is not an answer to this problem.
    public func answer(decoding text: String) throws(SyntaxError) -> [Int: Expression] {
        let json = try JSONValue.read(text)
        guard case .object(let members) = json["functions"]?.kind else { throw AnswerDecoding.error("expected {\"functions\": {…}}") }
        var bodies: [Int: Expression] = [:]
        for member in members {
            let (name, value) = (member.key, member.value)
            guard let index = functions.firstIndex(where: { $0.name == name }) else {
                throw AnswerDecoding.error("\(name) is not a function to synthesize")
            }
            let function = functions[index]
            let (body, sort) = try AnswerDecoding(problem: self, parameters: function.parameters.map(\.sort)).decode(value)
            guard sort == function.returnSort else {
                throw AnswerDecoding.error("the body of \(name) has sort \(sort.smtSort), not \(function.returnSort.smtSort)")
            }
            bodies[index] = body
        }
        return bodies
    }
}

/// Reading a body back from the structured form, sort by sort.
private struct AnswerDecoding {
    let problem: SyGuSProblem
    let parameters: [TypeExpr]

    static func error(_ message: String) -> SyntaxError {
        SyntaxError("not a stored answer: \(message)", at: SourcePosition(line: 1, column: 1))
    }

    func decode(_ value: JSONValue) throws(SyntaxError) -> (Expression, TypeExpr) {
        guard case .object(let members) = value.kind, let node = members.first(where: { $0.key != "args" }) else {
            throw Self.error("expected a node object, found \(value.summary)")
        }
        let (key, content) = (node.key, node.value)
        var arguments: [Expression] = []
        var sorts: [TypeExpr] = []
        if case .array(let items)? = members.first(where: { $0.key == "args" })?.value.kind {
            for item in items {
                let (argument, sort) = try decode(item)
                arguments.append(argument)
                sorts.append(sort)
            }
        }
        switch (key, content.kind) {
        case ("int", .number(let text)):
            guard let n = Int(text) else { throw Self.error("\(text) is not a 64-bit integer") }
            return (.constant(.int(n)), .int)
        case ("bool", .bool(let b)): return (.constant(.bool(b)), .bool)
        case ("bv", .string(let literal)):
            guard let bits = BitVector(literal: literal) else { throw Self.error("\(literal) is not a bit-vector literal") }
            return (.constant(.bitVector(bits)), .bitVector(width: bits.width))
        case ("string", .array(let items)):
            var codePoints: [UInt32] = []
            for item in items {
                guard case .number(let text) = item.kind, let point = UInt32(text) else { throw Self.error("a string's code point is not a number") }
                codePoints.append(point)
            }
            return (.constant(.string(StringValue(codePoints: codePoints))), .string)
        case ("param", .number(let text)):
            guard let index = Int(text), parameters.indices.contains(index) else { throw Self.error("no parameter \(text)") }
            return (.parameter(index), parameters[index])
        case ("op", .string(let name)):
            guard let primitive = Builtins.primitive(named: name, argumentSorts: sorts) else {
                throw Self.error("no operator \(name) takes (\(sorts.map(\.smtSort).joined(separator: " ")))")
            }
            return (.builtin(primitive, arguments), primitive.type.returnType)
        case ("call", .string(let name)):
            guard let index = problem.definitions.firstIndex(where: { $0.name == name }),
                  problem.definitions[index].parameters.map(\.sort) == sorts else {
                throw Self.error("no definition \(name) takes (\(sorts.map(\.smtSort).joined(separator: " ")))")
            }
            return (.definition(index, arguments), problem.definitions[index].returnSort)
        default:
            throw Self.error("unknown node \(JSONValue.quoted(key))")
        }
    }
}
