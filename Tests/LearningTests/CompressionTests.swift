import Language
import Testing
@testable import Compression

@Suite struct CompressionTests {
    private func corpus(_ lines: [String]) throws -> [Term] {
        try lines.map { try Term(parsing: $0) }
    }

    /// The checks every compression result must pass, whatever the corpus.
    private func expectSound(_ result: CompressionResult, original: [Term], sourceLocation: SourceLocation = #_sourceLocation) {
        let library = AbstractionLibrary(result.abstractions)
        #expect(result.rewritten.count == original.count, sourceLocation: sourceLocation)
        for (rewritten, program) in zip(result.rewritten, original) {
            #expect(library.inlining(rewritten) == program, "\(rewritten) does not inline to \(program)", sourceLocation: sourceLocation)
        }
        for abstraction in result.abstractions {
            #expect(!abstraction.body.hasFreeVariables(), "\(abstraction.name) has a free variable: \(abstraction.body)", sourceLocation: sourceLocation)
            #expect(abstraction.body.arity == abstraction.arity, sourceLocation: sourceLocation)
            #expect(abstraction.utility > 0 && abstraction.uses >= 2, sourceLocation: sourceLocation)
        }
        #expect(result.originalCost == original.reduce(0) { $0 + $1.cost }, sourceLocation: sourceLocation)
        #expect(result.finalCost == result.rewritten.reduce(0) { $0 + $1.cost }, sourceLocation: sourceLocation)
        // What the corpus lost is what the abstractions promised: utility plus their body.
        let promised = result.abstractions.reduce(0) { total, abstraction in
            total + abstraction.utility + abstraction.body.cost - CostModel.leaf * abstraction.body.argumentLeaves
        }
        #expect(result.originalCost - result.finalCost == promised, sourceLocation: sourceLocation)
    }

    @Test func learnsTheSharedContextAndItsUtility() throws {
        let programs = try corpus(["(lam (f (g $0) c))", "(lam (f (g $0) d))", "(lam (f (g $0) e))"])
        let result = try Compression.compress(programs)
        #expect(result.abstractions == [
            LearnedAbstraction(name: "fn_0", arity: 1, body: try Term(parsing: "(lam (f (g $0) #0))", allowsArguments: true), uses: 3, utility: 305),
        ])
        #expect(result.rewritten.map(\.description) == ["(fn_0 c)", "(fn_0 d)", "(fn_0 e)"])
        #expect(result.originalCost == 1212 && result.finalCost == 603)
        expectSound(result, original: programs)
    }

    @Test func neverCapturesAVariableBoundInsideTheAbstraction() throws {
        // `(lam (h #0 (m n o p)))` would have the highest utility (709), but its argument
        // (`(g $0 a)`, …) refers to the abstraction's own lambda: passing it in would capture
        // `$0`. Without the lambda the same argument refers to the program's lambda, outside
        // the abstraction, and may be passed in.
        let programs = try corpus([
            "(lam (h (g $0 a) (m n o p)))",
            "(lam (h (k (j $0)) (m n o p)))",
            "(lam (h (p q $0) (m n o p)))",
        ])
        let result = try Compression.compress(programs)
        #expect(result.abstractions.map(\.body.description) == ["(h #0 (m n o p))"])
        #expect(result.abstractions.first?.utility == 707)
        #expect(result.rewritten.map(\.description) == ["(lam (fn_0 (g $0 a)))", "(lam (fn_0 (k (j $0))))", "(lam (fn_0 (p q $0)))"])
        expectSound(result, original: programs)
    }

    @Test func neverLeavesAVariableFreeInABody() throws {
        // The inner `(lam (f $1 (g x)))` repeats, but its `$1` points outside it: the body must
        // include the lambda `$1` refers to.
        let programs = try corpus([
            "(lam (k1 (lam (f $1 (g a)))))",
            "(lam (k2 (lam (f $1 (g b)))))",
            "(lam (k3 (lam (f $1 (g c)))))",
        ])
        let result = try Compression.compress(programs)
        #expect(result.abstractions.map(\.body.description) == ["(lam (#1 (lam (f $1 (g #0)))))"])
        #expect(result.rewritten.map(\.description) == ["(fn_0 a k1)", "(fn_0 b k2)", "(fn_0 c k3)"])
        expectSound(result, original: programs)
    }

    @Test func argumentsUnderLambdasAreLoweredAndRaisedBack() throws {
        // The argument sits under the body's lambda but refers to the program's outer one.
        let programs = try corpus([
            "(lam (map (lam (+ $0 (car $1))) $0))",
            "(lam (map (lam (+ $0 (cdr $1))) $0))",
            "(lam (map (lam (+ $0 (len $1))) $0))",
        ])
        let result = try Compression.compress(programs, options: CompressionOptions(iterations: 1))
        #expect(result.abstractions.map(\.body.description) == ["(lam (map (lam (+ $0 (#0 $1))) $0))"])
        expectSound(result, original: programs)

        // Here the body cannot take the programs' lambda: its `$1`, under the body's own
        // lambda, is passed in as `$0` (a curried body: `map` still waits for its list).
        let nested = try corpus(["(lam (q (map (lam (+ $0 $1)) x) t))", "(lam (r u (map (lam (+ $0 $1)) y)))"])
        let lowered = try Compression.compress(nested, options: CompressionOptions(iterations: 1))
        #expect(lowered.abstractions.map(\.body.description) == ["(map (lam (+ $0 #0)))"])
        #expect(lowered.rewritten.map(\.description) == ["(lam (q (fn_0 $0 x) t))", "(lam (r u (fn_0 $0 y)))"])
        expectSound(lowered, original: nested)
    }

    @Test func repeatedClosedSubtermsBecomeConstantsAndLaterBodiesUseEarlierAbstractions() throws {
        let programs = try corpus(["(f (g a b) c)", "(f (g a b) d)", "(h (g a b))"])
        let result = try Compression.compress(programs)
        #expect(result.abstractions.map(\.body.description) == ["(g a b)", "(f fn_0)"])
        #expect(result.abstractions.map(\.arity) == [0, 0])
        #expect(result.rewritten.map(\.description) == ["(fn_1 c)", "(fn_1 d)", "(h fn_0)"])
        expectSound(result, original: programs)
    }

    @Test func namesSkipPrimitivesTheCorpusAlreadyHas() throws {
        let programs = try corpus(["(fn_0 (g a b) c)", "(fn_0 (g a b) d)"])
        let result = try Compression.compress(programs, options: CompressionOptions(iterations: 1))
        #expect(result.abstractions.map(\.name) == ["fn_1"])
    }

    @Test func iterationsAndArityLimitsHold() throws {
        let programs = try corpus(["(lam (f (g $0) c))", "(lam (f (g $0) d))", "(lam (f (g $0) e))"])
        let none = try Compression.compress(programs, options: CompressionOptions(iterations: 0))
        #expect(none.abstractions.isEmpty && none.rewritten == programs && none.compressionRatio == 1)
        let constantsOnly = try Compression.compress(programs, options: CompressionOptions(maximumArity: 0))
        #expect(constantsOnly.abstractions.allSatisfy { $0.arity == 0 })
        expectSound(constantsOnly, original: programs)
    }

    @Test func programsUsedOnceAreNotAbstracted() throws {
        let programs = try corpus(["(f (g (h a b c d e)) (g (h a b c d e)))", "(x y)"])
        let result = try Compression.compress(programs)
        #expect(result.abstractions.isEmpty)
    }

    /// Random corpora built from a few templates whose holes are filled with random terms that
    /// may refer to the templates' own lambdas: every opportunity to capture a variable.
    @Test(arguments: 0..<24)
    func randomCorporaRewriteSoundly(seed: UInt64) throws {
        var generator = RandomTerms(seed: seed)
        let programs = generator.corpus(templates: 4, programs: 30)
        let result = try Compression.compress(programs, options: CompressionOptions(iterations: 6, maximumArity: 3))
        expectSound(result, original: programs)
        #expect(!result.abstractions.isEmpty && result.finalCost < result.originalCost)
        let again = try Compression.compress(programs, options: CompressionOptions(iterations: 6, maximumArity: 3))
        #expect(again.abstractions == result.abstractions && again.rewritten == result.rewritten)
    }
}

extension Term {
    /// How many `#i` leaves the body has.
    var argumentLeaves: Int {
        switch self {
        case .argument: return 1
        case .primitive, .variable: return 0
        case .lambda(let body): return body.argumentLeaves
        case .application(let function, let argument): return function.argumentLeaves + argument.argumentLeaves
        }
    }
}

/// Seeded random well-scoped terms over a handful of primitives.
struct RandomTerms {
    var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    private mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }

    mutating func term(depth: Int, lambdas: Int) -> Term {
        let leafChance = depth <= 0 ? 10 : 3
        if below(10) < leafChance {
            if lambdas > 0 && below(2) == 0 { return .variable(below(lambdas)) }
            return .primitive(["a", "b", "c", "0", "1"][below(5)])
        }
        if below(4) == 0 { return .lambda(term(depth: depth - 1, lambdas: lambdas + 1)) }
        let head = Term.primitive(["f", "g", "h", "map", "fold"][below(5)])
        let arguments = (0..<(1 + below(3))).map { _ in term(depth: depth - 1, lambdas: lambdas) }
        return .apply(head, arguments)
    }

    /// A template: a term in which some subterms are holes (`#i`), each remembering how many
    /// lambdas enclose it.
    mutating func template(depth: Int, lambdas: Int, holes: inout [Int]) -> Term {
        if depth > 0 && below(5) == 0 {
            holes.append(lambdas)
            return .argument(holes.count - 1)
        }
        if depth <= 0 || below(10) < 2 { return term(depth: 0, lambdas: lambdas) }
        if below(3) == 0 { return .lambda(template(depth: depth - 1, lambdas: lambdas + 1, holes: &holes)) }
        let head = Term.primitive(["f", "g", "h", "map", "fold"][below(5)])
        let arguments = (0..<(1 + below(3))).map { _ in template(depth: depth - 1, lambdas: lambdas, holes: &holes) }
        return .apply(head, arguments)
    }

    /// Fills a template's holes with terms written in the holes' own scope (no shifting), so
    /// fillers may use the template's lambdas.
    func fill(_ template: Term, with fillers: [Term]) -> Term {
        switch template {
        case .argument(let index): return fillers[index]
        case .primitive, .variable: return template
        case .lambda(let body): return .lambda(fill(body, with: fillers))
        case .application(let function, let argument): return .application(fill(function, with: fillers), fill(argument, with: fillers))
        }
    }

    mutating func corpus(templates count: Int, programs: Int) -> [Term] {
        var templates: [(Term, [Int])] = []
        for _ in 0..<count {
            var holes: [Int] = []
            let template = template(depth: 5, lambdas: 0, holes: &holes)
            templates.append((template, holes))
        }
        return (0..<programs).map { _ in
            let (template, holes) = templates[below(templates.count)]
            let fillers = holes.map { term(depth: 2, lambdas: $0) }
            return fill(template, with: fillers)
        }
    }
}
