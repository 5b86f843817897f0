import Language

/// Types as the top-down search's inner loop handles them: interned nodes, and terms that
/// share a scheme's structure instead of copying it (Prolog's structure sharing).
///
/// A type scheme (a production's type, the request) is interned once as nodes whose type
/// variables are numbered locally. A `Term` is a node with a `base`: its local variable `v`
/// stands for the search-wide variable `base + v`, so instantiating a polymorphic production
/// freshly is reserving a block of variables — no type is built or copied while searching.
/// Variables are bound to terms on a trail, and backtracking unbinds them.
///
/// Invariants: no bound variable's term mentions the variable (occurs check); every variable
/// in use is below `next`; interning is structural, so two ground types are equal exactly
/// when their node indices are.
///
/// A class, so that the search's many calls never copy its arrays; `copy()` gives a search
/// thread its own.
final class TypeTable {
    enum Tag: UInt8 { case int, bool, string, bitVector, list, arrow, variable }

    struct Node: Hashable {
        var tag: Tag
        /// A bit-vector's width, or a variable's local number.
        var value: Int32
        var left: Int32
        var right: Int32
    }

    /// A node read with its variables offset by `base`.
    struct Term: Equatable {
        var node: Int32
        var base: Int32
    }

    struct Mark {
        var trail: Int
        var next: Int32
    }

    private(set) var nodes: [Node] = []
    /// Whether a node mentions no type variable.
    private(set) var ground: [Bool] = []
    private var interned = WordMap<Int32>()
    /// The node of local variable 0: an unbound variable `g` is the term `(variableZero, g)`.
    private(set) var variableZero: Int32 = 0
    private var bindings: [Term] = []
    private var trail: [Int32] = []
    /// The first variable not yet in use.
    private(set) var next: Int32 = 0
    /// Scratch for `canonical(_:)`: the search-wide variables met so far, in order.
    private var renaming: [Int32] = []

    init() {
        variableZero = intern(Node(tag: .variable, value: 0, left: -1, right: -1))
    }

    /// A table with the same nodes and no variables in use.
    func copy() -> TypeTable {
        let table = TypeTable()
        table.nodes = nodes
        table.ground = ground
        table.interned = interned
        return table
    }

    static let unbound = Term(node: -1, base: 0)

    // MARK: Interning

    /// A node as one word: its tag, value and children (plus one, so that −1 fits) packed.
    @inline(__always)
    private static func key(_ node: Node) -> UInt64 {
        UInt64(node.tag.rawValue) << 61 | UInt64(UInt16(truncatingIfNeeded: node.value)) << 45
            | UInt64(UInt32(bitPattern: node.left + 1) & 0x3F_FFFF) << 23 | UInt64(UInt32(bitPattern: node.right + 1) & 0x7F_FFFF)
    }

    func intern(_ node: Node) -> Int32 {
        let key = Self.key(node)
        if let index = interned[key] { return index }
        let index = Int32(nodes.count)
        precondition(index < 0x3F_FFFF && node.value >= 0 && node.value <= 0xFFFF, "too many types to intern")
        nodes.append(node)
        switch node.tag {
        case .variable: ground.append(false)
        case .list: ground.append(ground[Int(node.left)])
        case .arrow: ground.append(ground[Int(node.left)] && ground[Int(node.right)])
        default: ground.append(true)
        }
        interned[key] = index
        return index
    }

    /// Interns `type`, its variable `tv` as local variable `v`.
    func intern(_ type: TypeExpr) -> Int32 {
        switch type {
        case .int: return intern(Node(tag: .int, value: 0, left: -1, right: -1))
        case .bool: return intern(Node(tag: .bool, value: 0, left: -1, right: -1))
        case .string: return intern(Node(tag: .string, value: 0, left: -1, right: -1))
        case .bitVector(let width): return intern(Node(tag: .bitVector, value: Int32(width), left: -1, right: -1))
        case .variable(let v): return intern(Node(tag: .variable, value: Int32(v), left: -1, right: -1))
        case .list(let element): return intern(Node(tag: .list, value: 0, left: intern(element), right: -1))
        case .arrow(let a, let b):
            let left = intern(a)
            return intern(Node(tag: .arrow, value: 0, left: left, right: intern(b)))
        }
    }

    /// The type a node stands for, its local variables as `t0`, `t1`, ….
    func type(of node: Int32) -> TypeExpr {
        let n = nodes[Int(node)]
        switch n.tag {
        case .int: return .int
        case .bool: return .bool
        case .string: return .string
        case .bitVector: return .bitVector(width: Int(n.value))
        case .variable: return .variable(Int(n.value))
        case .list: return .list(type(of: n.left))
        case .arrow: return .arrow(type(of: n.left), type(of: n.right))
        }
    }

    // MARK: Variables and the trail

    var mark: Mark { Mark(trail: trail.count, next: next) }

    /// Reserves `count` fresh variables and returns the first: the base of an instance.
    func reserve(_ count: Int32) -> Int32 {
        let base = next
        next += count
        while bindings.count < Int(next) { bindings.append(Self.unbound) }
        return base
    }

    func undo(to mark: Mark) {
        while trail.count > mark.trail { bindings[Int(trail.removeLast())] = Self.unbound }
        next = mark.next
    }

    /// The term with bound variables followed: a non-variable node, or an unbound variable
    /// as `(variableZero, g)`.
    @inline(__always)
    func head(_ term: Term) -> Term {
        var t = term
        while true {
            let n = nodes[Int(t.node)]
            guard n.tag == .variable else { return t }
            let g = t.base + n.value
            let bound = bindings[Int(g)]
            if bound.node < 0 { return Term(node: variableZero, base: g) }
            t = bound
        }
    }

    @inline(__always)
    func tag(_ term: Term) -> Tag { nodes[Int(term.node)].tag }

    /// The children of a list or arrow term.
    @inline(__always)
    func left(_ term: Term) -> Term { Term(node: nodes[Int(term.node)].left, base: term.base) }
    @inline(__always)
    func right(_ term: Term) -> Term { Term(node: nodes[Int(term.node)].right, base: term.base) }

    /// The result of a curried function type after all its arguments.
    func returnType(_ term: Term) -> Term {
        var t = head(term)
        while tag(t) == .arrow { t = head(right(t)) }
        return t
    }

    private func occurs(_ g: Int32, _ term: Term) -> Bool {
        if ground[Int(term.node)] { return false }
        let t = head(term)
        switch tag(t) {
        case .variable: return t.base == g
        case .list: return occurs(g, left(t))
        case .arrow: return occurs(g, left(t)) || occurs(g, right(t))
        default: return false
        }
    }

    private func bind(_ g: Int32, _ term: Term) -> Bool {
        if occurs(g, term) { return false }
        bindings[Int(g)] = term
        trail.append(g)
        return true
    }

    /// Unifies two terms; on failure the caller undoes to its mark.
    func unify(_ a: Term, _ b: Term) -> Bool {
        if a == b && ground[Int(a.node)] { return true }
        let a = head(a), b = head(b)
        let x = nodes[Int(a.node)], y = nodes[Int(b.node)]
        if x.tag == .variable {
            if y.tag == .variable && a.base == b.base { return true }
            return bind(a.base, b)
        }
        if y.tag == .variable { return bind(b.base, a) }
        guard x.tag == y.tag else { return false }
        switch x.tag {
        case .int, .bool, .string: return true
        case .bitVector: return x.value == y.value
        case .list: return unify(Term(node: x.left, base: a.base), Term(node: y.left, base: b.base))
        case .arrow:
            return unify(Term(node: x.left, base: a.base), Term(node: y.left, base: b.base))
                && unify(Term(node: x.right, base: a.base), Term(node: y.right, base: b.base))
        case .variable: return false
        }
    }

    /// Whether `term`, with bindings applied, mentions no unbound variable.
    func isGround(_ term: Term) -> Bool {
        if ground[Int(term.node)] { return true }
        let t = head(term)
        switch tag(t) {
        case .variable: return false
        case .list: return isGround(left(t))
        case .arrow: return isGround(left(t)) && isGround(right(t))
        default: return true
        }
    }

    // MARK: Canonical types

    /// The node of `term` with bindings applied and its unbound variables renumbered `t0`,
    /// `t1`, … in order of first occurrence: equal for exactly the types equal up to renaming.
    func canonical(_ term: Term) -> Int32 {
        if ground[Int(term.node)] { return term.node }
        renaming.removeAll(keepingCapacity: true)
        return canonicalNode(term)
    }

    private func canonicalNode(_ term: Term) -> Int32 {
        if ground[Int(term.node)] { return term.node }
        let t = head(term)
        if ground[Int(t.node)] { return t.node }
        let n = nodes[Int(t.node)]
        switch n.tag {
        case .variable:
            let local = renaming.firstIndex(of: t.base) ?? { renaming.append(t.base); return renaming.count - 1 }()
            return intern(Node(tag: .variable, value: Int32(local), left: -1, right: -1))
        case .list:
            let element = canonicalNode(left(t))
            return intern(Node(tag: .list, value: 0, left: element, right: -1))
        case .arrow:
            let a = canonicalNode(left(t))
            let b = canonicalNode(right(t))
            return intern(Node(tag: .arrow, value: 0, left: a, right: b))
        default:
            return t.node
        }
    }

    /// The number of distinct local variables of a node (one more than the highest).
    func variableCount(_ node: Int32) -> Int32 {
        if ground[Int(node)] { return 0 }
        let n = nodes[Int(node)]
        switch n.tag {
        case .variable: return n.value + 1
        case .list: return variableCount(n.left)
        case .arrow: return max(variableCount(n.left), variableCount(n.right))
        default: return 0
        }
    }
}
