/// A hash-consed store of terms: every distinct subterm is stored once and named by an id.
///
/// Invariant: a node's children have smaller ids than the node (children are added first),
/// so a pass in id order visits children before parents. Each node caches its cost and the
/// set of its free variables as a bit mask (bit `i` set when `$i` is free in the node).
struct TermStore {
    enum Node: Hashable {
        case primitive(Int32)
        case variable(Int32)
        case lambda(Int32)
        case application(Int32, Int32)
    }

    private(set) var nodes: [Node] = []
    private(set) var costs: [Int32] = []
    private(set) var freeVariables: [UInt64] = []
    private var ids: [Node: Int32] = [:]
    private(set) var symbols: [String] = []
    private var symbolIDs: [String: Int32] = [:]
    private var shiftMemo: [ShiftKey: Int32] = [:]

    private struct ShiftKey: Hashable {
        var node: Int32
        var amount: Int32
        var cutoff: Int32
    }

    var count: Int { nodes.count }

    subscript(id: Int32) -> Node { nodes[Int(id)] }

    mutating func symbol(_ name: String) -> Int32 {
        if let id = symbolIDs[name] { return id }
        let id = Int32(symbols.count)
        symbols.append(name)
        symbolIDs[name] = id
        return id
    }

    /// The id of `node`, adding it if it is new.
    mutating func add(_ node: Node) -> Int32 {
        if let id = ids[node] { return id }
        let id = Int32(nodes.count)
        let cost: Int32
        let free: UInt64
        switch node {
        case .primitive:
            cost = Int32(CostModel.leaf)
            free = 0
        case .variable(let index):
            cost = Int32(CostModel.leaf)
            free = 1 << UInt64(index)
        case .lambda(let body):
            cost = Int32(CostModel.lambda) + costs[Int(body)]
            free = freeVariables[Int(body)] >> 1
        case .application(let function, let argument):
            cost = Int32(CostModel.application) + costs[Int(function)] + costs[Int(argument)]
            free = freeVariables[Int(function)] | freeVariables[Int(argument)]
        }
        nodes.append(node)
        costs.append(cost)
        freeVariables.append(free)
        ids[node] = id
        return id
    }

    /// Adds a term without abstraction arguments (an argument is a precondition failure).
    mutating func add(_ term: Term) -> Int32 {
        switch term {
        case .primitive(let name): return add(.primitive(symbol(name)))
        case .variable(let index): return add(.variable(Int32(index)))
        case .lambda(let body): return add(.lambda(add(body)))
        case .application(let function, let argument):
            let f = add(function)
            return add(.application(f, add(argument)))
        case .argument:
            preconditionFailure("abstraction arguments cannot be stored in a corpus")
        }
    }

    /// Copies the node `id` of `other` (and its subterms) into this store.
    mutating func copy(_ id: Int32, from other: TermStore, memo: inout [Int32: Int32]) -> Int32 {
        if let copied = memo[id] { return copied }
        let copied: Int32
        switch other[id] {
        case .primitive(let symbol): copied = add(.primitive(self.symbol(other.symbols[Int(symbol)])))
        case .variable(let index): copied = add(.variable(index))
        case .lambda(let body): copied = add(.lambda(copy(body, from: other, memo: &memo)))
        case .application(let function, let argument):
            let f = copy(function, from: other, memo: &memo)
            copied = add(.application(f, copy(argument, from: other, memo: &memo)))
        }
        memo[id] = copied
        return copied
    }

    /// The term `id` with its free variables lowered by `amount`, as an argument taken from
    /// under `amount` lambdas of an abstraction body; `nil` when the term refers to one of
    /// those lambdas (it cannot be passed in as an argument without capturing).
    mutating func loweredOutOf(_ id: Int32, lambdas amount: Int32) -> Int32? {
        let free = freeVariables[Int(id)]
        if amount == 0 || free == 0 { return id }
        if free & ((1 << UInt64(amount)) - 1) != 0 { return nil }
        return shifted(id, by: -amount, cutoff: 0)
    }

    /// Adds `amount` to every variable of `id` that points past `cutoff` lambdas.
    mutating func shifted(_ id: Int32, by amount: Int32, cutoff: Int32) -> Int32 {
        if amount == 0 || freeVariables[Int(id)] >> UInt64(cutoff) == 0 { return id }
        let key = ShiftKey(node: id, amount: amount, cutoff: cutoff)
        if let done = shiftMemo[key] { return done }
        let result: Int32
        switch self[id] {
        case .primitive: result = id
        case .variable(let index): result = add(.variable(index >= cutoff ? index + amount : index))
        case .lambda(let body): result = add(.lambda(shifted(body, by: amount, cutoff: cutoff + 1)))
        case .application(let function, let argument):
            let f = shifted(function, by: amount, cutoff: cutoff)
            result = add(.application(f, shifted(argument, by: amount, cutoff: cutoff)))
        }
        shiftMemo[key] = result
        return result
    }

    /// The node as a term tree.
    func term(_ id: Int32) -> Term {
        switch self[id] {
        case .primitive(let symbol): return .primitive(symbols[Int(symbol)])
        case .variable(let index): return .variable(Int(index))
        case .lambda(let body): return .lambda(term(body))
        case .application(let function, let argument): return .application(term(function), term(argument))
        }
    }
}
