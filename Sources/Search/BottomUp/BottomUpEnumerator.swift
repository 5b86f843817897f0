import Language
import Tasks

/// Cost-ordered bottom-up enumeration with observational equivalence over a SyGuS grammar.
///
/// Programs are built in increasing cost: a production of cost `c` applied to children of
/// costs `c1 … ck` has cost `c + c1 + … + ck` (costs are per production, an input, so a
/// learned model can set them per task). With contextual costs (`ProductionCosts.arguments`)
/// a child's production costs what its parent's argument slot says (DreamCoder's bigram
/// grammar): programs are then built in increasing *level*, their cost without their own
/// production's cost plus the least that production costs anywhere, so that every child is
/// built before any context needs it. Each new program is evaluated once, on every
/// example at once, from its children's stored output vectors, and kept only if no program
/// of the same nonterminal already has the same outputs (Probe, Barke et al. OOPSLA 2020;
/// observational equivalence as in Udupa et al. PLDI 2013).
///
/// Invariants: every entry's output vector is stored exactly once (flat, `exampleCount`
/// values per vector: words, or ranges into one buffer of code points); within a
/// nonterminal no two entries have equal vectors; entries of level `l` are created only
/// after every entry of smaller level (without contextual costs, level and cost are the same).
public final class BottomUpEnumerator {
    /// An entry of the bank: one program kept by the search.
    public struct EntryID: Hashable, Sendable {
        public let raw: Int32
    }

    struct Entry {
        var rule: Int32
        /// The cost of the children as this rule's arguments: the program's cost without its
        /// own production's.
        var inner: Int32
        var firstChild: Int32
        /// The vector index in `words` or `stringRanges`, by the nonterminal's kind.
        var slot: Int32
    }

    /// How a run ended.
    public enum Outcome: Equatable, Sendable {
        /// The callback asked to stop.
        case stopped
        /// Every program up to the maximum cost was enumerated.
        case exhausted
        /// The deadline passed.
        case timeLimit
        /// The bank reached its memory bound.
        case memoryLimit
    }

    public let grammar: SyGuSGrammar
    public let exampleCount: Int
    let kinds: [ValueKind]
    var rules: [CompiledRule] = []
    var rulesByNonterminal: [[Int]]

    let words = WordBuffer(capacity: 1 << 16)
    /// The code points of every stored string, which `stringRanges` (`exampleCount` per
    /// string vector) point into.
    let codes = FlatBuffer<UInt32>(capacity: 1 << 16)
    var stringRanges: [StringRange] = []
    var wordSlots = 0
    var stringSlots = 0
    var entries: [Entry] = []
    var childIDs: [Int32] = []
    /// Entry ids by nonterminal, then by cost in the root context (`inner` plus the rule's root cost).
    var levels: [[[Int32]]]
    /// Entry ids by rule, then by `inner`; the index for arguments whose costs depend on their parent.
    var levelsByRule: [[[Int32]]] = []
    /// By rule: the least the rule costs in any context (root or argument); it sets the level
    /// at which the rule's programs are built.
    var minimumCosts: [Int] = []
    /// By rule and argument: the rules that may fill it with what they cost there, cheapest
    /// first; `nil` where they cost what they cost at the root (then `levels` serves).
    var argumentChoices: [[[(rule: Int32, cost: Int32)]?]] = []
    var outputSets: [OutputSet]

    var inputSlots: [Int] = []
    var inputKinds: [ValueKind] = []
    var constantSlots: [Int] = []
    var constantKinds: [ValueKind] = []
    var temporaryKinds: [ValueKind] = []
    let temporaryWords: WordBuffer
    /// The strings of the candidate being evaluated: temporary `t`'s on example `i` is
    /// `temporaryRanges[t * exampleCount + i]`, in `scratch` (emptied for each candidate).
    let scratch = FlatBuffer<UInt32>(capacity: 1 << 12)
    var temporaryRanges: [StringRange]

    /// Programs built so far, including those discarded as equivalent or failing.
    public internal(set) var candidates = 0
    /// The time of one candidate in every `CandidateSample.interval`, by what it was spent on.
    public internal(set) var sample = CandidateSample()
    /// The cost level being enumerated (or last finished).
    public internal(set) var currentCost = 0
    /// The bound on the bytes the bank may hold.
    public let memoryLimit: Int

    /// Prepares a search over `grammar` on the examples `inputs` (one row of parameter
    /// values per example). `costs` sets each production's cost (at least 1); `nil` gives
    /// every production cost 1 (size order).
    public init(grammar: SyGuSGrammar, definitions: [FunctionDefinition], parameterSorts: [TypeExpr],
                inputs: [[Value]], costs: ProductionCosts? = nil, memoryLimit: Int = Defaults.memoryLimit) throws(SearchError) {
        self.grammar = grammar
        self.exampleCount = inputs.count
        self.memoryLimit = memoryLimit
        var kinds: [ValueKind] = []
        for nonterminal in grammar.nonterminals {
            guard let kind = ValueKind(nonterminal.sort) else {
                throw .unsupported("nonterminal \(nonterminal.name) of sort \(nonterminal.sort)")
            }
            kinds.append(kind)
        }
        self.kinds = kinds
        rulesByNonterminal = Array(repeating: [], count: grammar.nonterminals.count)
        levels = Array(repeating: [[]], count: grammar.nonterminals.count)
        outputSets = Array(repeating: OutputSet(), count: grammar.nonterminals.count)

        var compiler = RuleCompiler(grammar: grammar, definitions: definitions, parameterSorts: parameterSorts)
        for (nt, nonterminal) in grammar.nonterminals.enumerated() {
            for (index, production) in nonterminal.productions.enumerated() {
                let cost = max(1, costs?.root[nt][index] ?? 1)
                let rule = try compiler.compile(production, nonterminal: nt, production: index, cost: cost)
                rulesByNonterminal[nt].append(rules.count)
                rules.append(rule)
            }
        }
        let n = inputs.count
        temporaryKinds = compiler.temporaryKinds
        temporaryWords = WordBuffer(capacity: max(1, compiler.temporaryKinds.count) * max(n, 1))
        temporaryRanges = Array(repeating: StringRange(start: 0, count: 0), count: compiler.temporaryKinds.count * n)
        levelsByRule = Array(repeating: [], count: rules.count)
        minimumCosts = rules.map(\.cost)
        argumentChoices = rules.map { Array(repeating: nil, count: $0.children.count) }
        if let arguments = costs?.arguments {
            for (r, rule) in rules.enumerated() {
                for (hole, child) in rule.children.enumerated() {
                    let childRules = rulesByNonterminal[child]
                    guard rule.nonterminal < arguments.count, rule.production < arguments[rule.nonterminal].count,
                          hole < arguments[rule.nonterminal][rule.production].count else { continue }
                    let given = arguments[rule.nonterminal][rule.production][hole].map { max(1, $0) }
                    guard given.count == childRules.count, zip(childRules, given).contains(where: { rules[$0].cost != $1 }) else { continue }
                    argumentChoices[r][hole] = zip(childRules, given).map { (Int32($0), Int32($1)) }
                        .sorted { ($0.cost, $0.rule) < ($1.cost, $1.rule) }
                    for (q, cost) in zip(childRules, given) { minimumCosts[q] = min(minimumCosts[q], cost) }
                }
            }
        }

        // Inputs and constants are stored as vectors before any entry.
        for (p, sort) in parameterSorts.enumerated() {
            guard let kind = ValueKind(sort) else { throw .unsupported("parameter sort \(sort)") }
            inputKinds.append(kind)
            inputSlots.append(storeFixed(kind, inputs.map { $0[p] }))
        }
        constantKinds = compiler.constantKinds
        for (value, kind) in zip(compiler.constants, compiler.constantKinds) {
            constantSlots.append(storeFixed(kind, Array(repeating: value, count: n)))
        }
    }

    private func storeFixed(_ kind: ValueKind, _ values: [Value]) -> Int {
        if kind.isWord {
            words.reserve(exampleCount)
            for (i, v) in values.enumerated() { words.base[words.count + i] = kind.word(v) ?? 0 }
            words.count += exampleCount
            wordSlots += 1
            return wordSlots - 1
        }
        for v in values {
            let s = if case .string(let s) = v { s } else { StringValue(codePoints: []) }
            s.codePoints.withUnsafeBufferPointer { storeInBank($0) }
        }
        stringSlots += 1
        return stringSlots - 1
    }

    /// The number of programs kept.
    public var entryCount: Int { entries.count }

    /// Bytes held by output vectors and bookkeeping (an entry, and its place in `levels` and `levelsByRule`).
    public var bytesUsed: Int {
        words.bytes + codes.bytes + stringRanges.count * 8 + entries.count * (16 + 8) + childIDs.count * 4 + outputSets.reduce(0) { $0 + $1.bytes }
    }

    /// The nonterminal whose program `id` is.
    public func nonterminal(of id: EntryID) -> Int { rules[Int(entries[Int(id.raw)].rule)].nonterminal }

    /// The cost of program `id` as the function's body (its production at the root).
    public func cost(of id: EntryID) -> Int {
        let entry = entries[Int(id.raw)]
        return Int(entry.inner) + rules[Int(entry.rule)].cost
    }

    /// The output of program `id` on example `i`.
    public func value(of id: EntryID, example i: Int) -> Value {
        let entry = entries[Int(id.raw)]
        let kind = kinds[rules[Int(entry.rule)].nonterminal]
        if kind.isWord { return kind.value(words.base[Int(entry.slot) * exampleCount + i]) }
        let range = stringRanges[Int(entry.slot) * exampleCount + i]
        return .string(StringValue(codePoints: Array(UnsafeBufferPointer(start: codes.base + Int(range.start), count: Int(range.count)))))
    }

    /// The output words of program `id` (bit-vectors, integers, Booleans); valid until the
    /// enumeration next grows its storage.
    public func words(of id: EntryID) -> UnsafeBufferPointer<UInt64> {
        let entry = entries[Int(id.raw)]
        return UnsafeBufferPointer(start: words.base + Int(entry.slot) * exampleCount, count: exampleCount)
    }

    /// The program `id` as an expression over the function's parameters, written with the
    /// grammar's own productions (helpers are not inlined).
    public func expression(of id: EntryID) -> Expression {
        let entry = entries[Int(id.raw)]
        let rule = rules[Int(entry.rule)]
        let children = (0..<rule.children.count).map {
            expression(of: EntryID(raw: childIDs[Int(entry.firstChild) + $0]))
        }
        return rule.template.fillingHoles(children)
    }
}
