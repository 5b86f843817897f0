/// One iteration of compression over a hash-consed corpus: the search for the best
/// abstraction (`search()`), its utility (`evaluate`), and the rewrite (`rewrite(with:name:)`).
struct CompressionStep {
    var store: TermStore
    let roots: [Int32]
    /// Ids below this are subterms of the corpus; ids above are lowered copies made during search.
    let corpusCount: Int
    /// How many times each subterm occurs in the corpus (all programs, all positions).
    let occurrences: [Int32]
    /// The one program a subterm occurs in, or `-1` when it occurs in several.
    let soleProgram: [Int32]
    /// `occurrences × (cost − 100)`: the most a use at the subterm can save, over all its occurrences.
    let savingsBound: [Int32]
    let maximumArity: Int
    let etaLong: Bool
    /// Whether a subterm occurs as the function of an application (a partial application).
    let inFunctionPosition: [Bool]

    /// Scratch space for the utility pass, sized to the corpus.
    var locationIndex: [Int32]
    var cumulative: [Int32]

    init(store: TermStore, roots: [Int32], options: CompressionOptions) {
        self.store = store
        self.roots = roots
        maximumArity = options.maximumArity
        etaLong = options.etaLong
        corpusCount = store.count
        var soleProgram = [Int32](repeating: -2, count: corpusCount)
        for (program, root) in roots.enumerated() {
            Self.mark(root, program: Int32(program), in: store, soleProgram: &soleProgram)
        }
        let occurrences = Self.occurrences(in: store, roots: roots)
        var inFunctionPosition = [Bool](repeating: false, count: corpusCount)
        for id in 0..<corpusCount {
            if case .application(let function, _) = store[Int32(id)] { inFunctionPosition[Int(function)] = true }
        }
        self.inFunctionPosition = inFunctionPosition
        self.occurrences = occurrences
        self.soleProgram = soleProgram
        savingsBound = (0..<corpusCount).map { occurrences[$0] * (store.costs[$0] - Int32(CostModel.leaf)) }
        locationIndex = [Int32](repeating: -1, count: corpusCount)
        cumulative = [Int32](repeating: 0, count: corpusCount)
    }

    /// How many times each subterm of `store` occurs in the programs `roots`.
    static func occurrences(in store: TermStore, roots: [Int32]) -> [Int32] {
        var occurrences = [Int32](repeating: 0, count: store.count)
        for root in roots { occurrences[Int(root)] += 1 }
        // Parents have larger ids than children: propagate counts from the top down.
        for id in stride(from: store.count - 1, through: 0, by: -1) where occurrences[id] > 0 {
            switch store[Int32(id)] {
            case .lambda(let body): occurrences[Int(body)] += occurrences[id]
            case .application(let function, let argument):
                occurrences[Int(function)] += occurrences[id]
                occurrences[Int(argument)] += occurrences[id]
            case .primitive, .variable: break
            }
        }
        return occurrences
    }

    /// Whether an abstraction may be rooted at `node`: in η-long mode, not at a lambda and
    /// not at a partial application.
    func mayRoot(_ node: Int) -> Bool {
        guard etaLong else { return true }
        if inFunctionPosition[node] { return false }
        if case .lambda = store[Int32(node)] { return false }
        return true
    }

    /// Records that the subterms of `id` occur in `program` (`-2` unseen, `-1` several programs).
    private static func mark(_ id: Int32, program: Int32, in store: TermStore, soleProgram: inout [Int32]) {
        var stack = [id]
        while let node = stack.popLast() {
            let seen = soleProgram[Int(node)]
            if seen == program || seen == -1 { continue }
            soleProgram[Int(node)] = seen == -2 ? program : -1
            switch store[node] {
            case .lambda(let body): stack.append(body)
            case .application(let function, let argument): stack.append(contentsOf: [function, argument])
            case .primitive, .variable: break
            }
        }
    }
}

/// A partial abstraction: a body with holes, and the corpus subterms it matches.
///
/// Every per-location array (`Hole.nodes`, `Argument.lowered`, `Argument.original`) is
/// aligned with `locations`.
struct Pattern {
    enum Shape {
        case hole
        case argument(Int32)
        case primitive(Int32)
        case variable(Int32)
        case lambda(Int32)
        case application(Int32, Int32)
    }

    struct Hole {
        /// Where in `shape` the hole is.
        var slot: Int32
        /// How many lambdas of the body enclose it.
        var lambdas: Int32
        /// Whether it is the function of an application.
        var isFunction: Bool
        /// The corpus subterm at this hole, at each location.
        var nodes: [Int32]
    }

    struct Argument {
        /// The argument at each location as passed in: free variables lowered out of the
        /// body's lambdas (`TermStore.loweredOutOf`).
        var lowered: [Int32]
        /// The corpus subterm at its first hole, at each location (rewriting starts there).
        var original: [Int32]
        /// How many lambdas of the body enclose its first hole.
        var lambdas: Int32
        /// How many times it occurs in the body.
        var occurrences: Int32
    }

    var shape: [Shape]
    var holes: [Hole]
    var locations: [Int32]
    var arguments: [Argument]
    /// Cost of the body so far, arguments not counted (Stitch's "body utility").
    var bodyCost: Int32
    /// No completion of this pattern has a higher utility.
    var bound: Int32
}

/// A complete abstraction with its utility.
struct FinishedPattern {
    var pattern: Pattern
    var utility: Int32
    var compressiveUtility: Int32

    var arguments: [Pattern.Argument] { pattern.arguments }
}
