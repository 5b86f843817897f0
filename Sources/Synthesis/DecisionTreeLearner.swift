import Foundation
import Search

/// Divide and conquer's unifier: given terms that are each correct on some of the examples
/// and guards that split the examples, builds a decision tree whose every leaf is a term
/// correct on all the examples that reach it (EUSolver, Alur et al. TACAS 2017), choosing
/// each split by information gain.
struct DecisionTreeLearner {
    indirect enum Tree {
        case leaf(term: Int)
        case split(guard: Int, then: Tree, otherwise: Tree)
    }

    let rowCount: Int
    /// Kept terms, cheapest first, none whose cover is a subset of an earlier one's.
    private(set) var terms: [(id: BottomUpEnumerator.EntryID, cover: Bitset)] = []
    private(set) var guards: [(id: BottomUpEnumerator.EntryID, truth: Bitset)] = []
    private var guardTruths: Set<Bitset> = []
    private(set) var covered: Bitset
    private var termsAtLastAttempt = 0
    private var failedAttempts = 0
    private var guardsAtLastAttempt = 0

    let maximumTerms = 4_000
    let maximumGuards = 50_000

    init(rowCount: Int) {
        self.rowCount = rowCount
        covered = Bitset(count: rowCount)
    }

    /// Offers a term correct exactly on `cover`; keeps it unless an earlier term covers a
    /// superset. Once the terms cover every row, later (larger) terms are taken only after
    /// attempts with the ones at hand have failed: small terms generalise, and larger ones
    /// that happen to fit a few examples lead the tree astray.
    mutating func addTerm(_ id: BottomUpEnumerator.EntryID, cover: Bitset) {
        guard !cover.isEmpty, terms.count < maximumTerms else { return }
        if covered.isFull && failedAttempts < 2 { return }
        for existing in terms where cover.isSubset(of: existing.cover) { return }
        terms.append((id, cover))
        covered = covered.union(cover)
        failedAttempts = 0
    }

    /// Offers a guard true exactly on `truth`; keeps it if it splits the rows in a new way.
    mutating func addGuard(_ id: BottomUpEnumerator.EntryID, truth: Bitset) {
        guard guards.count < maximumGuards, !truth.isEmpty, !truth.isFull else { return }
        guard guardTruths.insert(truth).inserted else { return }
        guards.append((id, truth))
    }

    /// Whether a new attempt could succeed where the last failed: every row is covered and
    /// a term arrived, or the guards grew by a quarter.
    var shouldAttempt: Bool {
        guard covered.isFull, !guards.isEmpty else { return false }
        return terms.count > termsAtLastAttempt || guards.count >= guardsAtLastAttempt + max(16, guardsAtLastAttempt / 4)
    }

    /// Tries to build a tree over all rows.
    mutating func learn(deadline: ContinuousClock.Instant) -> Tree? {
        termsAtLastAttempt = terms.count
        guardsAtLastAttempt = guards.count
        let tree = build(Bitset(count: rowCount, filled: true), depth: 0, deadline: deadline)
        if tree == nil { failedAttempts += 1 }
        return tree
    }

    private func build(_ rows: Bitset, depth: Int, deadline: ContinuousClock.Instant) -> Tree? {
        let size = rows.population
        if let term = terms.firstIndex(where: { rows.isSubset(of: $0.cover) }) { return .leaf(term: term) }
        guard depth < 40, ContinuousClock.now < deadline else { return nil }
        let relevant = terms.indices.filter { terms[$0].cover.intersectionCount(rows) > 0 }
        let baseEntropy = entropy(rows, relevant)
        var best: (gain: Double, guard: Int)?
        for (g, candidate) in guards.enumerated() {
            let yes = rows.intersection(candidate.truth)
            let yesCount = yes.population
            if yesCount == 0 || yesCount == size { continue }
            let no = rows.subtracting(candidate.truth)
            let split = (Double(yesCount) * entropy(yes, relevant) + Double(size - yesCount) * entropy(no, relevant)) / Double(size)
            let gain = baseEntropy - split
            if best == nil || gain > best!.gain { best = (gain, g) }
        }
        guard let best else { return nil }
        let truth = guards[best.guard].truth
        guard let yes = build(rows.intersection(truth), depth: depth + 1, deadline: deadline),
              let no = build(rows.subtracting(truth), depth: depth + 1, deadline: deadline) else { return nil }
        return .split(guard: best.guard, then: yes, otherwise: no)
    }

    /// The entropy of the distribution of covering terms over `rows`: low when few terms
    /// cover most of the rows.
    private func entropy(_ rows: Bitset, _ relevant: [Int]) -> Double {
        var counts: [Double] = []
        var total = 0.0
        for t in relevant {
            let c = Double(terms[t].cover.intersectionCount(rows))
            if c > 0 {
                counts.append(c)
                total += c
            }
        }
        guard total > 0 else { return 0 }
        var h = 0.0
        for c in counts {
            let p = c / total
            h -= p * log2(p)
        }
        return h
    }
}
