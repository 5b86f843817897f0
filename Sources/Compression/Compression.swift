import Language

/// Settings of abstraction learning; the defaults are the benchmark settings.
public struct CompressionOptions: Sendable {
    /// How many abstractions to learn, one per iteration (fewer when none compresses).
    public var iterations: Int
    /// The most arguments (`#0` … `#(A-1)`) an abstraction may take.
    public var maximumArity: Int
    /// Abstractions are named `prefix` + a number, skipping names the corpus already uses.
    public var namePrefix: String
    /// Names new abstractions must not take (besides those the corpus uses), such as the
    /// productions of a grammar the corpus belongs to.
    public var reservedNames: Set<String>
    /// Keep η-long corpora η-long (Stitch's `--eta-long`): no body rooted at a lambda or in
    /// the function position of an application, no argument in function position. Every use
    /// is then a full application, so a top-down search can derive the rewritten programs;
    /// without it, `(lam (map #0 $0))` (η-equal to `map`) is a fine abstraction.
    public var etaLong: Bool

    public init(
        iterations: Int = 10, maximumArity: Int = 3, namePrefix: String = "fn_",
        reservedNames: Set<String> = [], etaLong: Bool = false
    ) {
        self.iterations = iterations
        self.maximumArity = maximumArity
        self.namePrefix = namePrefix
        self.reservedNames = reservedNames
        self.etaLong = etaLong
    }
}

/// An abstraction learned from a corpus: a body over arguments `#0` … `#(arity-1)`.
///
/// Used as `(name a0 a1 …)` it means `body` with each `#i` replaced by `ai`. A body never has
/// a free variable: every `$i` in it is bound by a lambda of the body itself.
public struct LearnedAbstraction: Hashable, Sendable {
    public var name: String
    public var arity: Int
    public var body: Term
    /// How many times the rewritten corpus applies it (each occurrence in each program).
    public var uses: Int
    /// Corpus cost saved by rewriting with it, minus the cost of its body (Stitch's utility).
    public var utility: Int

    public init(name: String, arity: Int, body: Term, uses: Int, utility: Int) {
        self.name = name
        self.arity = arity
        self.body = body
        self.uses = uses
        self.utility = utility
    }
}

/// The outcome of compressing a corpus: the abstractions in the order they were learned
/// (later bodies may use earlier abstractions) and the corpus rewritten with all of them.
public struct CompressionResult: Sendable {
    public var abstractions: [LearnedAbstraction]
    /// The programs in the input's order, using the abstractions by name.
    public var rewritten: [Term]
    public var originalCost: Int
    public var finalCost: Int

    /// Original cost over final cost: 2.0 means the corpus shrank to half its size.
    public var compressionRatio: Double {
        finalCost == 0 ? 1 : Double(originalCost) / Double(finalCost)
    }
}

/// A failure of compression's own checks: it means a bug, never bad input.
public struct CompressionError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}

/// Abstraction learning by compression, after Stitch (Bowers et al., "Top-Down Synthesis for
/// Library Learning", POPL 2023).
///
/// Each iteration searches the space of abstractions top down: a pattern starts as one hole
/// matching every subterm of the corpus and is refined by a primitive, a variable, a lambda,
/// an application, or an argument `#i`; each partial pattern keeps the corpus subterms it
/// matches, and branch and bound prunes it when an upper bound on the utility of anything it
/// can still become is no better than the best abstraction found so far. The best abstraction
/// rewrites the corpus (choosing, where uses overlap, the ones that save most), and the next
/// iteration searches the rewritten corpus.
///
/// Utility is Stitch's: cost saved in the corpus minus the cost of the body, with 100 per
/// leaf and 1 per application or lambda. Each program counts as its own task, and an
/// abstraction must be used by at least two programs.
///
/// - Complexity: each iteration is exponential in the worst case, but the bound keeps it to
///   milliseconds on corpora of hundreds of programs.
public enum Compression {
    /// Learns up to `options.iterations` abstractions from `programs` and rewrites them.
    ///
    /// Every rewritten program is checked: with the abstractions inlined it must be the
    /// original term exactly; a difference throws `CompressionError` (a bug, not bad input).
    public static func compress(
        _ programs: [Term],
        options: CompressionOptions = CompressionOptions(),
        progress: ((Int, LearnedAbstraction) -> Void)? = nil
    ) throws(CompressionError) -> CompressionResult {
        var corpus = TermStore()
        var roots = programs.map { corpus.add($0) }
        let originalCost = roots.reduce(0) { $0 + Int(corpus.costs[Int($1)]) }
        var abstractions: [LearnedAbstraction] = []
        var names = NameSource(prefix: options.namePrefix, taken: Set(corpus.symbols).union(options.reservedNames))

        for iteration in 0..<options.iterations {
            var step = CompressionStep(store: corpus, roots: roots, options: options)
            guard let best = step.search() else { break }
            let name = names.next()
            let rewrite = step.rewrite(with: best, name: name)
            let expected = rewrite.cost(of: rewrite.roots) + Int(best.compressiveUtility)
            let before = roots.reduce(0) { $0 + Int(corpus.costs[Int($1)]) }
            guard expected == before else {
                throw CompressionError(message: "internal error: rewriting with \(name) saved \(before - rewrite.cost(of: rewrite.roots)), its utility promised \(best.compressiveUtility)")
            }
            let abstraction = LearnedAbstraction(
                name: name, arity: best.arguments.count, body: step.body(of: best),
                uses: rewrite.uses, utility: Int(best.utility))
            abstractions.append(abstraction)
            progress?(iteration, abstraction)
            corpus = rewrite.store
            roots = rewrite.roots
        }

        let rewritten = roots.map { corpus.term($0) }
        try check(rewritten, against: programs, abstractions: abstractions)
        return CompressionResult(
            abstractions: abstractions, rewritten: rewritten,
            originalCost: originalCost,
            finalCost: roots.reduce(0) { $0 + Int(corpus.costs[Int($1)]) })
    }

    /// Throws unless every rewritten program, with the abstractions inlined, is its original.
    static func check(_ rewritten: [Term], against originals: [Term], abstractions: [LearnedAbstraction]) throws(CompressionError) {
        let library = AbstractionLibrary(abstractions)
        for (index, (program, original)) in zip(rewritten, originals).enumerated() {
            let inlined = library.inlining(program)
            if inlined != original {
                throw CompressionError(message: "internal error: program \(index + 1) rewritten as \(program) inlines to \(inlined), not \(original)")
            }
        }
    }
}

/// Fresh names `fn_0`, `fn_1`, … that no primitive of the corpus already has.
struct NameSource {
    let prefix: String
    var taken: Set<String>
    var counter = 0

    mutating func next() -> String {
        while true {
            let name = "\(prefix)\(counter)"
            counter += 1
            if taken.insert(name).inserted { return name }
        }
    }
}
