/// The compiler's bookkeeping: nodes, scopes, and reading codes.
extension CandidateCompiler {
    /// Bind nodes linked one after another, the last continuing with a body.
    struct Chain {
        private var first: Int32 = -1
        private var last: Int32 = -1

        mutating func append(_ node: Int32, in nodes: UnsafeMutablePointer<CompiledNode>) {
            if last >= 0 { nodes[Int(last)].c = node } else { first = node }
            last = node
        }

        /// The chain's first node, its last continuing with `body`; `body` when the chain is empty.
        func close(with body: Int32, in nodes: UnsafeMutablePointer<CompiledNode>) -> Int32 {
            guard last >= 0 else { return body }
            nodes[Int(last)].c = body
            return first
        }
    }

    mutating func node(_ instruction: CompiledNode.Instruction, ticks: Int32) throws(Unsupported) -> Int32 {
        guard nodeCount < Self.nodeLimit else { throw Unsupported() }
        nodes[nodeCount] = CompiledNode(instruction, ticks: ticks)
        nodeCount += 1
        return Int32(nodeCount - 1)
    }

    /// A stack slot holding `word`.
    mutating func constant(_ word: Int64) throws(Unsupported) -> Int32 {
        guard constantCount < Self.nodeLimit else { throw Unsupported() }
        let slot = Self.bindingLimit + constantCount
        stack[slot] = Int(word)
        constantCount += 1
        return Int32(slot)
    }

    func set(_ n: Int32, _ a: Int32, _ b: Int32 = 0, _ c: Int32 = 0, _ d: Int32 = 0) {
        nodes[Int(n)].a = a
        nodes[Int(n)].b = b
        nodes[Int(n)].c = c
        nodes[Int(n)].d = d
    }

    mutating func bindNode(_ value: Int32, slot: Int32) throws(Unsupported) -> Int32 {
        let n = try node(.bind, ticks: 0)
        set(n, value, slot)
        return n
    }

    /// `scope` with a first-order value in `slot` as its new `$0`.
    mutating func bind(slot: Int32, in scope: Int32) throws(Unsupported) -> Int32 {
        stackHeight = max(stackHeight, slot + 1)
        return try push(Binding(parent: scope, slot: slot, function: nil, functionScope: -1))
    }

    /// `scope` with a function as its new `$0`.
    mutating func bind(function: UnsafePointer<Int32>, closingOver functionScope: Int32, in scope: Int32) throws(Unsupported) -> Int32 {
        try push(Binding(parent: scope, slot: -1, function: function, functionScope: functionScope))
    }

    private mutating func push(_ binding: Binding) throws(Unsupported) -> Int32 {
        guard bindingCount < Self.bindingLimit else { throw Unsupported() }
        bindings[bindingCount] = binding
        bindingCount += 1
        return Int32(bindingCount - 1)
    }

    /// `$index` in `scope`.
    func lookup(_ index: Int, in scope: Int32) throws(Unsupported) -> Binding {
        var entry = scope
        var remaining = index
        while entry >= 0 {
            if remaining == 0 { return bindings[Int(entry)] }
            remaining -= 1
            entry = bindings[Int(entry)].parent
        }
        throw Unsupported()  // unbound: the reference reports it
    }

    /// The variable index and arity of a variable's code.
    static func variable(_ code: Int32) -> (index: Int, arity: Int) {
        let packed = Int(-2 - Int64(code))
        return (packed / ProgramCode.variableArityLimit, packed % ProgramCode.variableArityLimit)
    }

    /// The body of the λ at `function`, which must have exactly `parameters` lambdas.
    static func body(of function: UnsafePointer<Int32>, parameters: Int) throws(Unsupported) -> UnsafePointer<Int32> {
        var p = function
        for _ in 0..<parameters {
            guard p.pointee == ProgramCode.lambda else { throw Unsupported() }
            p += 1
        }
        guard p.pointee != ProgramCode.lambda else { throw Unsupported() }
        return p
    }

    /// The code after the whole argument at `p`.
    func skip(_ p: UnsafePointer<Int32>) -> UnsafePointer<Int32> {
        var q = p
        var open = 1
        while open > 0 {
            let code = q.pointee
            q += 1
            open -= 1
            if code >= 0 {
                open += Int(symbols[Int(code)].arity)
            } else if code == ProgramCode.lambda {
                open += 1
            } else {
                open += Self.variable(code).arity
            }
        }
        return q
    }

    /// Records that the reference's evaluations may nest `depth` deep.
    mutating func reach(_ depth: Int32) {
        if depth > deepest { deepest = depth }
    }

    /// Whether the expression at `p` has a declared integer or Boolean result.
    func isBaseValued(_ p: UnsafePointer<Int32>) -> Bool {
        let code = p.pointee
        return code >= 0 && symbols[Int(code)].returnsBaseValue
    }
}
