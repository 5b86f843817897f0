import Grammar
import Language

/// One abstraction of a grammar's library, readable: what `ouro library` prints.
public struct LibraryEntry: Sendable {
    public var name: String
    public var type: TypeExpr
    /// The closed λ-body, as the grammar file holds it.
    public var body: Program
    /// The body over arguments `#0` …, the form `ouro compress` prints.
    public var pattern: Term
    public var arity: Int
    public var logWeight: Double
    /// With a corpus: how many times its programs apply the abstraction.
    public var uses: Int?
    /// With a corpus: by how much inlining this abstraction would grow it (Stitch's cost).
    public var savings: Int?

    /// The library of `grammar` in file order; with `corpus` (programs using the abstractions
    /// by name), each entry's uses and savings in it.
    public static func library(of grammar: Grammar, corpus: [Term]? = nil) -> [LibraryEntry] {
        grammar.productions.compactMap { production -> LibraryEntry? in
            guard case .abstraction(let abstraction) = production.kind else { return nil }
            let learned = LearnedAbstraction(closed: abstraction)
            var entry = LibraryEntry(
                name: abstraction.name, type: abstraction.type, body: abstraction.body, pattern: learned.body,
                arity: learned.arity, logWeight: production.logWeight)
            if let corpus {
                let library = AbstractionLibrary([learned])
                entry.uses = corpus.reduce(0) { $0 + library.uses(of: abstraction.name, in: $1) }
                entry.savings = corpus.reduce(0) { $0 + library.inlining($1).cost - $1.cost }
            }
            return entry
        }
    }
}

extension LearnedAbstraction {
    /// The abstraction `λ…λ.body` of a grammar as a body over `#0` … (one per leading lambda,
    /// the outermost being `#0`). Uses and utility are unknown and set to 0.
    public init(closed abstraction: Abstraction) {
        var shape = Term.shape(of: abstraction.body)
        var arity = 0
        while case .lambda(let inner) = shape {
            shape = inner
            arity += 1
        }
        func open(_ term: Term, depth: Int) -> Term {
            switch term {
            case .variable(let index) where index >= depth: return .argument(arity - 1 - (index - depth))
            case .primitive, .variable, .argument: return term
            case .lambda(let body): return .lambda(open(body, depth: depth + 1))
            case .application(let function, let argument): return .application(open(function, depth: depth), open(argument, depth: depth))
            }
        }
        self.init(name: abstraction.name, arity: arity, body: open(shape, depth: 0), uses: 0, utility: 0)
    }
}
