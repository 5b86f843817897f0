import Language

/// Argument-order pruning: of the programs that differ only by swapping the arguments of a
/// commutative operation (`(+ a b)` and `(+ b a)`), the walk keeps the one whose first
/// argument comes first in depth-first order, and it drops `(if c a a)` (which is `a`).
///
/// Both arguments of such a pair fill holes of the same type in the same scope. Where that
/// type and the types of the variables in scope are ground when the first argument starts
/// (the rule is applied only there), filling the first argument cannot change what the second
/// may be or cost; so while their choices agree the two holes offer the same choices in the
/// same order, at the same costs, and depth-first order between the arguments is the order of
/// their choices' ranks (productions by index, then variables from the innermost) at the
/// first place they differ. (Where a variable's type is still open — a λ's parameter not yet
/// used — the first argument's choices may fix it, and `(+ $0 (car $1))` then costs less than
/// `(+ (car $1) $0)`.) The walk
/// compares the second argument's choices with the first's as it makes them: a smaller rank
/// cuts the branch (`.ordered`), a larger one settles the pair; a second argument that ends
/// equal to the first is cut for `.different`. A pair's two programs cost the same (the rule
/// is applied only when the two argument slots weigh every choice alike), and the one kept
/// comes first in the order programs are handed out, so the most probable program of any
/// behaviour is never cut; the other never behaves differently (a commutative operation
/// evaluates both arguments, and `if` only the branch it takes).
extension TopDownWalker {
    /// One pair of arguments whose order is checked.
    struct Ordering {
        var rule: ArgumentOrder
        /// Where the first argument's codes start in `choices`, and the second's.
        var first: Int32
        var second: Int32
        /// Holes at or above this height belong to the second argument.
        var floor: Int32
        /// Whether the second argument's choices so far equal the first's.
        var equal: Bool
    }

    /// Starts checking the pair whose second argument `hole` is; returns whether it did. At a
    /// pair's first argument, notes whether its type and the scope's are ground.
    func order(_ hole: Hole) -> Bool {
        guard hole.parent >= 0, hole.parentChoice >= 0 else { return false }
        let rule = space.argumentOrders[Int(hole.parent)]
        if rule == .free { return false }
        let node = Int(hole.parentChoice)
        if hole.argument == 0 {
            while groundPairs.count <= node { groundPairs.append(false) }
            groundPairs[node] = (rule == .different || types.isGround(hole.type)) && isGround(scope: hole.environment)
            return false
        }
        guard groundPairs[node] else { return false }
        let first: Int32
        switch rule {
        case .free: return false
        case .ordered:
            guard hole.argument == 1 else { return false }
            first = hole.parentChoice + 1
        case .different:
            guard hole.argument == 2 else { return false }
            first = subtreeEnd(from: hole.parentChoice + 1)
        }
        orderings.append(Ordering(rule: rule, first: first, second: Int32(choices.count), floor: Int32(holes.count), equal: true))
        return true
    }

    /// Whether the types of the variables in scope are ground.
    private func isGround(scope: Int32) -> Bool {
        var binding = scope
        while binding >= 0 {
            if !types.isGround(bindings[Int(binding)].type) { return false }
            binding = bindings[Int(binding)].next
        }
        return true
    }

    /// Whether a choice of rank `rank` (see `rank(of:)`) at the current place keeps every
    /// pair in order: `nil` if not; otherwise the pairs it settles, as a bit set.
    func admits(rank: Int) -> UInt64? {
        var settled: UInt64 = 0
        for (index, ordering) in orderings.enumerated() where ordering.equal && holes.count >= Int(ordering.floor) {
            let position = Int(ordering.first) + choices.count - Int(ordering.second)
            let other = self.rank(of: choices[position])
            if rank < other, ordering.rule == .ordered { return nil }
            if rank != other, index < 64 { settled |= 1 << UInt64(index) }
        }
        return settled
    }

    func settle(_ pairs: UInt64) {
        var rest = pairs
        while rest != 0 {
            orderings[rest.trailingZeroBitCount].equal = false
            rest &= rest - 1
        }
    }

    func unsettle(_ pairs: UInt64) {
        var rest = pairs
        while rest != 0 {
            orderings[rest.trailingZeroBitCount].equal = true
            rest &= rest - 1
        }
    }

    /// Whether a `.different` pair's second argument has just ended equal to its first: the
    /// walk has left it, or the program is `complete`.
    func completesAnEqualPair(complete: Bool = false) -> Bool {
        orderings.contains { $0.rule == .different && $0.equal && (complete || holes.count < Int($0.floor)) }
    }

    /// A choice code's place among a hole's choices: productions by index, then variables.
    func rank(of code: Int32) -> Int {
        if code >= 0 { return Int(code) }
        if code == ProgramCode.lambda { return -1 }
        guard case .variable(let index, _) = ProgramCode.decode(code) else { return -1 }
        return space.productionCount + index
    }

    /// Where the subtree whose codes start at `start` ends.
    func subtreeEnd(from start: Int32) -> Int32 {
        var open = 1
        var position = Int(start)
        while open > 0 {
            let code = choices[position]
            if code >= 0 {
                open += space.arities[Int(code)]
            } else if code == ProgramCode.lambda {
                open += 1
            } else if case .variable(_, let arity) = ProgramCode.decode(code) {
                open += arity
            }
            open -= 1
            position += 1
        }
        return Int32(position)
    }
}

/// How the arguments of a production are ordered by the search (see `TopDownWalker+ArgumentOrder.swift`).
enum ArgumentOrder: Equatable {
    case free
    /// A commutative operation: the second argument does not come before the first.
    case ordered
    /// `if`: its two branches differ.
    case different
}
