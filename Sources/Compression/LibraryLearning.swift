import Grammar
import Language

/// Abstraction learning over typed programs of a grammar: compression on their shapes, then
/// each abstraction typed by inference and added to the grammar as a `define`d production,
/// and the weights refitted to the rewritten corpus.
///
/// Compression runs in η-long mode: programs of a top-down search are η-long, and so are
/// their rewrites, which the extended grammar can therefore derive (a `map` that merely
/// η-expands, `(lam (map #0 $0))`, is not learned).
public struct LibraryLearning: Sendable {
    /// The grammar with the new abstractions, weights refitted to the rewritten programs.
    public var grammar: Grammar
    /// The new abstractions, typed, in the order they were learned.
    public var abstractions: [Abstraction]
    public var compression: CompressionResult
    /// The rewritten programs as programs of the new grammar, in the corpus's order.
    public var rewritten: [WeightedProgram]
    /// Why fewer abstractions were kept than compression found, if it did.
    public var note: String?

    /// Learns up to `options.iterations` abstractions from `corpus`, programs of `grammar`;
    /// the new grammar's weights are refitted to the rewritten corpus, with contextual weights
    /// (parent production and argument) when `contextual`; without `refitting`, the new
    /// grammar keeps `grammar`'s weights and gives each abstraction weight 0.
    ///
    /// Compression counts each program once, whatever its weight. An abstraction whose body
    /// cannot be typed on its own (an argument used at two types) ends the library there: it
    /// and later abstractions (which may build on it) are dropped, and `note` says so.
    public init(
        corpus: [WeightedProgram], grammar: Grammar, options: CompressionOptions = CompressionOptions(),
        pseudocount: Double = 1, contextual: Bool = true, refitting: Bool = true
    ) throws(CompressionError) {
        var leaves = LeafNames(grammar: grammar)
        let terms = corpus.map { leaves.shape(of: $0.program) }
        var options = options
        options.reservedNames.formUnion(grammar.productions.map(\.name))
        options.reservedNames.formUnion(leaves.programs.keys)
        options.etaLong = true
        var compression = try Compression.compress(terms, options: options)

        var typed: [Abstraction] = []
        var note: String?
        for learned in compression.abstractions {
            do {
                guard let body = leaves.program(of: learned.closedBody) else {
                    throw CompressionError(message: "internal error: \(learned.name)'s body \(learned.body) names an unknown primitive")
                }
                let abstraction = try Abstraction(name: learned.name, body: body)
                typed.append(abstraction)
                leaves.programs[learned.name] = .invented(abstraction)
            } catch let error as CompressionError {
                throw error
            } catch {
                note = "kept \(typed.count) of \(compression.abstractions.count) abstractions: \(learned.name) = \(learned.body) has no type of its own (\(error))"
                break
            }
        }
        if typed.count < compression.abstractions.count {
            // Rewrite again with only the abstractions that have a type.
            options.iterations = typed.count
            compression = try Compression.compress(terms, options: options)
        }

        var extended = grammar
        for abstraction in typed {
            do {
                try extended.add(Production(abstraction, logWeight: 0))
            } catch {
                throw CompressionError(message: "internal error: \(error)")
            }
        }
        var rewritten: [WeightedProgram] = []
        for (item, term) in zip(corpus, compression.rewritten) {
            guard let program = leaves.program(of: term), (try? program.check(against: item.request)) != nil else {
                throw CompressionError(message: "internal error: rewritten program \(term) does not read back as a program of type \(item.request)")
            }
            rewritten.append(WeightedProgram(program: program, request: item.request, weight: item.weight))
        }
        self.grammar = refitting ? extended.refitted(to: rewritten, pseudocount: pseudocount, contextual: contextual) : extended
        self.abstractions = typed
        self.compression = compression
        self.rewritten = rewritten
        self.note = note
    }
}

extension Term {
    /// The untyped shape of a program: primitives and abstractions by name.
    public static func shape(of program: Program) -> Term {
        switch program {
        case .primitive, .invented:
            return .primitive(program.description)
        case .variable(let index): return .variable(index)
        case .lambda(let body): return .lambda(shape(of: body))
        case .apply(let function, let argument): return .application(shape(of: function), shape(of: argument))
        }
    }
}

/// Names for a grammar's productions in untyped terms: a production's own name, or, when
/// several productions share it (`ite` at several sorts), the name with `@` and its rank
/// among them; and the way back from a term to a program.
struct LeafNames {
    var programs: [String: Program] = [:]
    private var names: [ProductionKey: String] = [:]

    init(grammar: Grammar) {
        var seen: [String: Int] = [:]
        let counts = Dictionary(grammar.productions.map { ($0.name, 1) }, uniquingKeysWith: +)
        for production in grammar.productions {
            var name = production.name
            if counts[name, default: 0] > 1 {
                name += "@\(seen[production.name, default: 0])"
                seen[production.name, default: 0] += 1
            }
            names[production.key] = name
            programs[name] = production.program
        }
    }

    /// The untyped shape of a program of the grammar.
    func shape(of program: Program) -> Term {
        switch program {
        case .primitive(let p): return .primitive(names[ProductionKey(name: p.name, type: p.type.canonical)] ?? p.name)
        case .invented(let a): return .primitive(names[ProductionKey(name: a.name, type: a.type.canonical)] ?? a.name)
        case .variable(let index): return .variable(index)
        case .lambda(let body): return .lambda(shape(of: body))
        case .apply(let function, let argument): return .application(shape(of: function), shape(of: argument))
        }
    }

    /// The program a term (with no `#i` arguments) stands for; `nil` when it names something
    /// unknown.
    func program(of term: Term) -> Program? {
        switch term {
        case .primitive(let name): return programs[name]
        case .variable(let index): return .variable(index)
        case .argument: return nil
        case .lambda(let body): return program(of: body).map { .lambda($0) }
        case .application(let function, let argument):
            guard let f = program(of: function), let x = program(of: argument) else { return nil }
            return .apply(f, x)
        }
    }
}

extension LearnedAbstraction {
    /// The body as a closed λ-term, DreamCoder's form of an invented primitive: one lambda
    /// per argument, the outermost binding `#0`. `(fn a b)` then β-reduces to the body.
    public var closedBody: Term {
        func close(_ term: Term, depth: Int) -> Term {
            switch term {
            case .argument(let index): return .variable(depth + arity - 1 - index)
            case .primitive, .variable: return term
            case .lambda(let body): return .lambda(close(body, depth: depth + 1))
            case .application(let function, let argument): return .application(close(function, depth: depth), close(argument, depth: depth))
            }
        }
        var result = close(body, depth: 0)
        for _ in 0..<arity { result = .lambda(result) }
        return result
    }
}
