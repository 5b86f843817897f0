import Grammar
import Language
import Tasks

/// A grammar's abstractions offered to a SyGuS problem. Each abstraction whose body is
/// first-order over the problem's operators becomes a helper definition, and a production
/// that calls it is added to every nonterminal of the function's grammar that derives the
/// body with the call's arguments drawn from nonterminals: so any program the extended grammar
/// derives, once its calls are inlined (`inlined(_:)`), is a program of the original grammar,
/// and an answer found with the library is a valid answer to the original problem.
public struct SyGuSLibraryExtension: Sendable {
    /// The problem with the library's definitions appended and the productions that call them.
    public var problem: SyGuSProblem
    /// The names of the abstractions the function's grammar now offers.
    public var offered: [String]
    /// The definition index of each abstraction that became a definition, by its name.
    public var definitionIndex: [String: Int]
    /// `problem.definitions[libraryStart...]` are the library's.
    let libraryStart: Int

    /// `body` with every call of a library definition replaced by its body.
    public func inlined(_ body: Tasks.Expression) -> Tasks.Expression {
        Self.inline(body, problem.definitions, from: libraryStart)
    }

    static func inline(_ body: Tasks.Expression, _ definitions: [FunctionDefinition], from start: Int) -> Tasks.Expression {
        switch body {
        case .definition(let index, let arguments) where index >= start:
            return definitions[index].body.substitutingParameters(arguments.map { inline($0, definitions, from: start) })
        case .builtin(let primitive, let arguments): return .builtin(primitive, arguments.map { inline($0, definitions, from: start) })
        case .definition(let index, let arguments): return .definition(index, arguments.map { inline($0, definitions, from: start) })
        case .synthesized(let index, let arguments): return .synthesized(index, arguments.map { inline($0, definitions, from: start) })
        case .constant, .variable, .parameter, .nonterminal: return body
        }
    }
}

extension SyGuSProblem {
    /// The problem with `grammar`'s abstractions offered to function `function` (see
    /// `SyGuSLibraryExtension`). An abstraction is offered where its body, with each argument
    /// a nonterminal of the argument's sort, is derivable from a nonterminal of its result sort.
    public func extended(with grammar: Grammar, function: Int = 0) -> SyGuSLibraryExtension {
        var extended = self
        let libraryStart = definitions.count
        var offered: [String] = []
        var indexByName: [String: Int] = [:]
        let target = functions[function].grammar
        var names = Set(definitions.map(\.name) + functions.map(\.name))
        var retypedAbstractions: [String: Abstraction] = [:]
        var seen: [FunctionDefinition: Int] = [:]
        let width = functions[function].type.bitVectorWidths.first
        for learned in grammar.abstractions {
            // A bit-vector abstraction learned at another width is offered at this problem's.
            var abstraction = learned
            if let width, let other = learned.type.bitVectorWidths.first, other != width,
               let retyped = learned.body.retypingBitVectors(from: other, to: width, abstractions: retypedAbstractions),
               let typed = try? Abstraction(name: learned.name, body: retyped) {
                abstraction = typed
            }
            retypedAbstractions[learned.name] = abstraction
            let sorts = abstraction.type.arguments
            guard sorts.allSatisfy({ !$0.isArrow && !$0.isPolymorphic }), !abstraction.type.returnType.isArrow,
                  let inner = Self.expression(of: abstraction.body, parameters: sorts.count, definitions: indexByName)
            else { continue }
            // Bodies are kept inlined, so that the original grammar can be asked whether it derives them.
            let body = SyGuSLibraryExtension.inline(inner, extended.definitions, from: libraryStart)
            let parameters = sorts.enumerated().map { SortedName("a\($0.offset)", $0.element) }
            // The same body learned at two widths is one definition, offered once.
            let shape = FunctionDefinition(name: "", parameters: parameters, returnSort: abstraction.type.returnType, body: body)
            if let same = seen[shape] {
                indexByName[abstraction.name] = same
                continue
            }
            var name = abstraction.name
            while names.contains(name) { name += "'" }
            names.insert(name)
            let index = extended.definitions.count
            indexByName[abstraction.name] = index
            seen[shape] = index
            extended.definitions.append(FunctionDefinition(name: name, parameters: parameters, returnSort: abstraction.type.returnType, body: body))
            var added = false
            for (nonterminal, symbol) in target.nonterminals.enumerated() where symbol.sort == abstraction.type.returnType {
                guard let holes = Self.holes(for: body, sorts: sorts, from: nonterminal, in: target) else { continue }
                extended.functions[function].grammar.nonterminals[nonterminal].productions.append(.definition(index, holes.map { .nonterminal($0) }))
                added = true
            }
            if added { offered.append(abstraction.name) }
        }
        return SyGuSLibraryExtension(problem: extended, offered: offered, definitionIndex: indexByName, libraryStart: libraryStart)
    }

    /// Nonterminals for the parameters of `body` (one of each sort in turn, the first that
    /// works) such that `grammar` derives `body` from `start` with them as the arguments.
    private static func holes(for body: Tasks.Expression, sorts: [TypeExpr], from start: Int, in grammar: SyGuSGrammar) -> [Int]? {
        let candidates = sorts.map { sort in grammar.nonterminals.indices.filter { grammar.nonterminals[$0].sort == sort } }
        var chosen: [Int] = []
        var tried = 0
        func search(_ position: Int) -> Bool {
            if position == sorts.count {
                tried += 1
                return grammar.derivation(of: body.substitutingParameters(chosen.map { .nonterminal($0) }), from: start) != nil
            }
            for candidate in candidates[position] where tried < 64 {
                chosen.append(candidate)
                if search(position + 1) { return true }
                chosen.removeLast()
            }
            return false
        }
        return search(0) ? chosen : nil
    }

    /// A λ-program's body (under `parameters` lambdas) as a SyGuS expression: operators and
    /// constants as they are, abstractions as calls of `definitions`, the variable bound by
    /// the outermost lambda as parameter 0; `nil` for what a first-order expression cannot say.
    public static func expression(of program: Program, parameters: Int, definitions: [String: Int]) -> Tasks.Expression? {
        var body = program
        for _ in 0..<parameters {
            guard case .lambda(let inner) = body else { return nil }
            body = inner
        }
        func convert(_ p: Program) -> Tasks.Expression? {
            let (head, arguments) = p.spine
            var converted: [Tasks.Expression] = []
            for argument in arguments {
                guard let x = convert(argument) else { return nil }
                converted.append(x)
            }
            switch head {
            case .primitive(let primitive):
                if case .constant(let value) = primitive.implementation { return arguments.isEmpty ? .constant(value) : nil }
                guard case .operation = primitive.implementation, primitive.arity == arguments.count else { return nil }
                return .builtin(primitive, converted)
            case .invented(let abstraction):
                guard let index = definitions[abstraction.name], abstraction.type.arguments.count == arguments.count else { return nil }
                return .definition(index, converted)
            case .variable(let index):
                guard arguments.isEmpty, index < parameters else { return nil }
                return .parameter(parameters - 1 - index)
            case .lambda, .apply:
                return nil
            }
        }
        return convert(body)
    }

    /// An answer body of `function` as a program of `grammar` (`(lambda … BODY)`, one lambda
    /// per parameter, parameter 0 bound outermost), for library learning; `nil` when it uses
    /// something the grammar lacks (a helper of the problem, a variable).
    public func program(of body: Tasks.Expression, function: Int, grammar: Grammar) -> Program? {
        let parameters = functions[function].parameters.count
        func convert(_ e: Tasks.Expression) -> Program? {
            switch e {
            case .parameter(let index): return .variable(parameters - 1 - index)
            case .constant, .builtin:
                guard case .production(let key)? = choice(of: e), let leaf = grammar[key]?.program else { return nil }
                guard case .builtin(_, let arguments) = e else { return leaf }
                var program = leaf
                for argument in arguments {
                    guard let x = convert(argument) else { return nil }
                    program = .apply(program, x)
                }
                return program
            case .variable, .nonterminal, .definition, .synthesized:
                return nil
            }
        }
        guard var program = convert(body) else { return nil }
        for _ in 0..<parameters { program = .lambda(program) }
        return program
    }
}

extension Tasks.Expression {
    /// The literal values in the expression, left to right, with repetitions.
    var constants: [Value] {
        switch self {
        case .constant(let value): return [value]
        case .variable, .parameter, .nonterminal: return []
        case .builtin(_, let arguments), .definition(_, let arguments), .synthesized(_, let arguments): return arguments.flatMap(\.constants)
        }
    }
}

extension TypeExpr {
    /// The widths of the bit-vector sorts in the type, without repetitions, in order.
    var bitVectorWidths: [Int] {
        switch self {
        case .bitVector(let width): return [width]
        case .list(let element): return element.bitVectorWidths
        case .arrow(let a, let b):
            let widths = a.bitVectorWidths
            return widths + b.bitVectorWidths.filter { !widths.contains($0) }
        case .int, .bool, .string, .variable: return []
        }
    }

    func retypingBitVectors(from width: Int, to target: Int) -> TypeExpr {
        switch self {
        case .bitVector(let w) where w == width: return .bitVector(width: target)
        case .list(let element): return .list(element.retypingBitVectors(from: width, to: target))
        case .arrow(let a, let b): return .arrow(a.retypingBitVectors(from: width, to: target), b.retypingBitVectors(from: width, to: target))
        default: return self
        }
    }
}

extension Program {
    /// The program with its bit-vector operators and constants of `width` taken to `target`
    /// bits: operators at the new width, constants by their role (`BitVector.counterpart`),
    /// earlier abstractions by `abstractions`. `nil` when something has no counterpart.
    func retypingBitVectors(from width: Int, to target: Int, abstractions: [String: Abstraction]) -> Program? {
        switch self {
        case .primitive(let primitive):
            switch primitive.implementation {
            case .constant(.bitVector(let value)) where value.width == width:
                guard let retyped = value.counterpart(width: target) else { return nil }
                return .primitive(.constant(.bitVector(retyped), type: .bitVector(width: target)))
            case .constant, .opaque:
                return self
            case .operation:
                let type = primitive.type.retypingBitVectors(from: width, to: target)
                if type == primitive.type { return self }
                return Builtins.primitive(named: primitive.name, type: type).map { .primitive($0) }
            }
        case .invented(let abstraction):
            return abstractions[abstraction.name].map { .invented($0) }
        case .variable: return self
        case .lambda(let body): return body.retypingBitVectors(from: width, to: target, abstractions: abstractions).map { .lambda($0) }
        case .apply(let function, let argument):
            guard let f = function.retypingBitVectors(from: width, to: target, abstractions: abstractions),
                  let x = argument.retypingBitVectors(from: width, to: target, abstractions: abstractions) else { return nil }
            return .apply(f, x)
        }
    }
}

extension BitVector {
    /// The constant that plays this one's role at `width` bits: 0, 1, all ones, the sign bit
    /// and `width − 1` (the shift that isolates it) become their counterparts; another value
    /// stays as it is when it fits. `nil` when it does not.
    func counterpart(width target: Int) -> BitVector? {
        let bits: UInt64
        switch self.bits {
        case 0, 1: bits = self.bits
        case BitVector.mask(width): bits = BitVector.mask(target)
        case UInt64(width - 1): bits = UInt64(target - 1)
        case 1 << UInt64(width - 1): bits = 1 << UInt64(target - 1)
        default:
            guard self.bits <= BitVector.mask(target) else { return nil }
            bits = self.bits
        }
        return BitVector(bits, width: target)
    }
}

extension ChoicePoint {
    /// The choice point with its bit-vector productions of `width` bits taken to `target` bits
    /// (operators at the new width, constants by role), so that what answers at one width say
    /// about an operator also counts for it at another.
    func retypingBitVectors(from width: Int, to target: Int) -> ChoicePoint {
        func retyped(_ key: ProductionKey) -> ProductionKey {
            guard key.type.bitVectorWidths == [width] else { return key }
            var name = key.name
            if let value = BitVector(literal: name), value.width == width, let counterpart = value.counterpart(width: target) {
                name = Value.bitVector(counterpart).description
            }
            return ProductionKey(name: name, type: key.type.retypingBitVectors(from: width, to: target).canonical)
        }
        var chosen = self.chosen
        if case .production(let key) = chosen { chosen = .production(retyped(key)) }
        var slot = self.slot
        if case .argument(let parent, let index) = slot { slot = .argument(of: retyped(parent), index: index) }
        return ChoicePoint(slot: slot, fittingProductions: fittingProductions.map(retyped), fittingVariables: fittingVariables, chosen: chosen)
    }
}
