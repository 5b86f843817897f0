import Foundation
import Language

/// A space of programs derived top-down, one weighted choice at each position: a `Grammar`
/// over typed λ-programs, or a SyGuS problem's grammar over its nonterminals. The likelihood
/// of a derivation (`logLikelihood(of:)`) and sampling (`sample(from:maximumDepth:maximumSize:context:using:)`)
/// are written once, here; a space says what fits a position and what a choice opens.
///
/// ```swift
/// let grammar = try Grammar(parsing: "(primitive 0 \"int\" 0)\n(primitive 1 \"int\" 0)")
/// grammar.logLikelihood(of: grammar.choicePoints(of: zero, request: .int)!)   // log(1/2)
/// ```
public protocol ChoiceSpace {
    /// A position still to fill, with what choosing there needs (its type or nonterminal, its slot).
    associatedtype Hole
    /// A choice that can fill a hole.
    associatedtype Option
    /// What a derivation builds.
    associatedtype Term
    /// What a derivation threads through its choices (a λ-derivation's type bindings).
    associatedtype Context

    /// The log weight of `choice` in `slot`, unnormalised; `nil` when the space has none for it.
    func knownLogWeight(of choice: SlotChoice, in slot: Slot) -> Double?

    /// The hole inside `hole` when it is filled without a choice (the body of a λ-hole of
    /// arrow type), with what wraps the inner term; `nil` when `hole` takes a choice.
    func opened(_ hole: Hole, context: inout Context) -> (inner: Hole, wrap: (Term) -> Term)?

    /// The options that fit `hole`, with their log weights; when `leavesOnly`, only options
    /// that open no holes.
    func options(for hole: Hole, leavesOnly: Bool, context: inout Context) -> [(option: Option, logWeight: Double)]

    /// The holes `option` opens when it fills `hole`, in order; `nil` when it does not fit after all.
    func holes(of option: Option, filling hole: Hole, context: inout Context) -> [Hole]?

    /// The term `option` builds from its holes' terms.
    func term(of option: Option, children: [Term]) -> Term
}

extension ChoiceSpace {
    /// The log likelihood of a derivation: the sum, over its choice points, of the chosen
    /// choice's log weight normalised over the choices that fitted there. A fitting choice
    /// the space has no weight for weighs the mean of the weights it has at that point (0
    /// when it has none). `nil` when no choice fits at some point.
    public func logLikelihood(of points: [ChoicePoint]) -> Double? {
        var total = 0.0
        for point in points {
            var known = point.fittingProductions.map { knownLogWeight(of: .production($0), in: point.slot) }
            known += Array(repeating: knownLogWeight(of: .variable, in: point.slot), count: point.fittingVariables)
            let weights = Self.fillingUnknown(known)
            guard let maximum = weights.max() else { return nil }
            let normaliser = maximum + log(weights.reduce(0) { $0 + exp($1 - maximum) })
            total += (knownLogWeight(of: point.chosen, in: point.slot) ?? Self.meanOfKnown(known)) - normaliser
        }
        return total
    }

    /// `weights` with each unknown one replaced by the mean of the known finite ones (0 when
    /// there are none).
    public static func fillingUnknown(_ weights: [Double?]) -> [Double] {
        guard weights.contains(where: { $0 == nil }) else { return weights.map { $0! } }
        let mean = meanOfKnown(weights)
        return weights.map { $0 ?? mean }
    }

    /// The mean of the known finite weights among `weights` (0 when there are none).
    static func meanOfKnown(_ weights: [Double?]) -> Double {
        let known = weights.compactMap { $0 }.filter(\.isFinite)
        return known.isEmpty ? 0 : known.reduce(0, +) / Double(known.count)
    }

    /// A term drawn from `hole` with the space's distribution: at each hole an option that
    /// fits, with probability proportional to its weight (the distribution
    /// `logLikelihood(of:)` scores), holes at `maximumDepth` choices deep taking only options
    /// that open none. `nil` when the draw dead-ends (no option fits, or one does not fit
    /// after all) or passes `maximumSize` holes.
    ///
    /// Deterministic for a given generator state: the same seed gives the same terms.
    public func sample(from hole: Hole, maximumDepth: Int, maximumSize: Int = .max,
                       context: inout Context, using random: inout SplitMix64) -> Term? {
        var size = 0
        return draw(hole, depth: 0, maximumDepth, maximumSize, &size, &context, &random)
    }

    private func draw(_ hole: Hole, depth: Int, _ maximumDepth: Int, _ maximumSize: Int, _ size: inout Int,
                      _ context: inout Context, _ random: inout SplitMix64) -> Term? {
        size += 1
        if size > maximumSize { return nil }
        if let (inner, wrap) = opened(hole, context: &context) {
            return draw(inner, depth: depth, maximumDepth, maximumSize, &size, &context, &random).map(wrap)
        }
        let options = options(for: hole, leavesOnly: depth >= maximumDepth, context: &context)
        guard let index = Self.pick(amongLogWeights: options.map(\.logWeight), using: &random),
              let holes = holes(of: options[index].option, filling: hole, context: &context) else { return nil }
        var children: [Term] = []
        children.reserveCapacity(holes.count)
        for child in holes {
            guard let term = draw(child, depth: depth + 1, maximumDepth, maximumSize, &size, &context, &random) else { return nil }
            children.append(term)
        }
        return term(of: options[index].option, children: children)
    }

    /// An index drawn with probability proportional to `exp(logWeights[i])`; `nil` when every
    /// weight is `-∞` or there is none.
    static func pick(amongLogWeights logWeights: [Double], using random: inout SplitMix64) -> Int? {
        guard let top = logWeights.max(), top > -.infinity else { return nil }
        let masses = logWeights.map { exp($0 - top) }
        var remaining = Double(random.next() >> 11) / Double(1 << 53) * masses.reduce(0, +)
        var index = 0
        while index < masses.count - 1 && remaining >= masses[index] {
            remaining -= masses[index]
            index += 1
        }
        return index
    }
}

extension ChoiceSpace where Context == Void {
    /// A term drawn from `hole` (see `sample(from:maximumDepth:maximumSize:context:using:)`).
    public func sample(from hole: Hole, maximumDepth: Int, maximumSize: Int = .max, using random: inout SplitMix64) -> Term? {
        var context: Void = ()
        return sample(from: hole, maximumDepth: maximumDepth, maximumSize: maximumSize, context: &context, using: &random)
    }
}
