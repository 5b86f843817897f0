/// Compiles a candidate's `ProgramCode`s into `CompiledNode`s in one pass, or finds that the
/// candidate is outside the compiled subset (`Unsupported`).
///
/// Variables are resolved to stack slots at compile time. Abstractions are inlined: their
/// first-order arguments are evaluated into slots (`bind`), their λ-arguments are remembered
/// with the scope they close over and inlined wherever the body applies them, as are the
/// λ-arguments of `map`, `fold` and `unfold`; so no closure exists at run time. The subset:
/// every value is first order (no partial application, no function stored, returned or
/// accumulated), and every λ is applied to as many arguments as it has lambdas.
///
/// Every node also accounts for the reference evaluator's steps (`Machine.evaluate` ticks once
/// per node it visits; the inner applications of a saturated primitive are not visited), in the
/// order the reference takes them, and the compiler tracks how deep the reference's
/// evaluations would nest, so that programs that could reach `Evaluator.maximumDepth` are left
/// to the reference.
///
/// Invariant: every slot in a scope lies below the height at which that scope's code runs, so
/// a slot a node reads is never overwritten while the node can still read it.
struct CandidateCompiler {
    /// One variable in scope.
    struct Binding {
        var parent: Int32
        /// The stack slot of a first-order value, or -1 for a function.
        var slot: Int32
        /// A function: the codes of its λ (its lambdas first) and the scope it closes over.
        var function: UnsafePointer<Int32>?
        var functionScope: Int32
    }

    struct Unsupported: Error {}

    /// The most nodes a compiled candidate may have. It also bounds how deeply the reference's
    /// closures could nest (one per λ), far below `Evaluator.maximumDepth`.
    static let nodeLimit = 512
    static let bindingLimit = 2_048

    let symbols: UnsafePointer<CompiledLibrary.Symbol>
    let bodies: UnsafePointer<Int32>
    let nodes: UnsafeMutablePointer<CompiledNode>
    let bindings: UnsafeMutablePointer<Binding>
    /// The evaluation stack: slots below `bindingLimit` for values, constants above, written
    /// here once per candidate.
    let stack: UnsafeMutablePointer<Int>
    var constantCount = 0
    var nodeCount = 0
    var bindingCount = 0
    /// One past the highest stack slot any node uses.
    var stackHeight: Int32 = 0
    /// The deepest nesting of the reference's `evaluate` calls any node could reach.
    var deepest: Int32 = 0

    /// The stack holds `bindingLimit + nodeLimit` words.
    static var stackCapacity: Int { bindingLimit + nodeLimit }

    init(symbols: UnsafePointer<CompiledLibrary.Symbol>, bodies: UnsafePointer<Int32>,
         nodes: UnsafeMutablePointer<CompiledNode>, bindings: UnsafeMutablePointer<Binding>, stack: UnsafeMutablePointer<Int>) {
        self.symbols = symbols
        self.bodies = bodies
        self.nodes = nodes
        self.bindings = bindings
        self.stack = stack
    }

    /// Compiles a well-formed candidate whose first `inputs` codes are lambdas bound to the
    /// inputs (slots `0 ..< inputs`, the first input outermost); returns the root node.
    mutating func compile(_ codes: UnsafePointer<Int32>, inputs: Int) throws(Unsupported) -> Int32 {
        var scope: Int32 = -1
        for input in 0..<inputs {
            guard codes[input] == ProgramCode.lambda else { throw Unsupported() }
            scope = try bind(slot: Int32(input), in: scope)
        }
        let (root, _) = try expression(codes + inputs, scope, height: Int32(inputs), depth: 1, ticks: 0)
        guard deepest <= Evaluator.maximumDepth else { throw Unsupported() }
        return root
    }

    // MARK: - Expressions

    /// Compiles the first-order expression at `p`; `ticks` are steps owed before it starts.
    /// A variable or constant that owes nothing is returned as `~slot` (negative), its stack
    /// slot, rather than as a node.
    private mutating func expression(_ p: UnsafePointer<Int32>, _ scope: Int32, height: Int32, depth: Int32,
                                     ticks: Int32) throws(Unsupported) -> (node: Int32, next: UnsafePointer<Int32>) {
        reach(depth)
        let code = p.pointee
        if code >= 0 {
            let symbol = symbols[Int(code)]
            switch symbol.kind {
            case .unsupported:
                throw Unsupported()
            case .constant:
                if ticks == 0 { return (~(try constant(symbol.word)), p + 1) }
                let n = try node(.constant, ticks: ticks + 1)
                nodes[Int(n)].word = symbol.word
                return (n, p + 1)
            case .operation:
                return try operation(symbol, p, scope, height: height, depth: depth, ticks: ticks)
            case .invented:
                return try invented(symbol, p, scope, height: height, depth: depth, ticks: ticks)
            }
        }
        guard code != ProgramCode.lambda else { throw Unsupported() }  // a function where a value belongs
        let (index, arity) = Self.variable(code)
        let binding = try lookup(index, in: scope)
        if binding.slot >= 0 {
            guard arity == 0 else { throw Unsupported() }
            if ticks == 0 { return (~binding.slot, p + 1) }
            let n = try node(.slot, ticks: ticks + 1)
            nodes[Int(n)].a = binding.slot
            return (n, p + 1)
        }
        guard arity > 0, let function = binding.function else { throw Unsupported() }
        return try call(function, binding.functionScope, arguments: arity, p + 1, scope, height: height, depth: depth, ticks: ticks)
    }

    /// A primitive operation applied to all its arguments, which follow `p`.
    private mutating func operation(_ symbol: CompiledLibrary.Symbol, _ p: UnsafePointer<Int32>, _ scope: Int32,
                                    height: Int32, depth: Int32, ticks: Int32) throws(Unsupported) -> (node: Int32, next: UnsafePointer<Int32>) {
        let inner = depth + 1
        switch symbol.instruction {
        case .map:
            // The node and the function argument (a λ or a variable) tick before the list.
            let n = try node(.map, ticks: ticks + 2)
            let (body, afterFunction) = try function(p + 1, scope, parameters: 1, slot: height, depth: inner)
            let (list, next) = try expression(afterFunction, scope, height: height, depth: inner, ticks: 0)
            set(n, list, body, height)
            return (n, next)
        case .fold:
            let n = try node(.fold, ticks: ticks + 1)
            let (list, afterList) = try expression(p + 1, scope, height: height, depth: inner, ticks: 0)
            let (initial, afterInitial) = try expression(afterList, scope, height: height, depth: inner, ticks: 0)
            let (body, next) = try function(afterInitial, scope, parameters: 2, slot: height, depth: inner)
            set(n, list, initial, body, height)
            return (n, next)
        case .unfold:
            let n = try node(.unfold, ticks: ticks + 1)
            let (seed, afterSeed) = try expression(p + 1, scope, height: height, depth: inner, ticks: 0)
            let (stop, afterStop) = try function(afterSeed, scope, parameters: 1, slot: height, depth: inner)
            let (emit, afterEmit) = try function(afterStop, scope, parameters: 1, slot: height, depth: inner)
            let (step, next) = try function(afterEmit, scope, parameters: 1, slot: height, depth: inner)
            set(n, seed, stop, emit, step)
            nodes[Int(n)].word = Int64(height)
            return (n, next)
        default:
            let n = try node(symbol.instruction, ticks: ticks + 1)
            var next = p + 1
            var children: (Int32, Int32, Int32) = (0, 0, 0)
            var heads: (UnsafePointer<Int32>, UnsafePointer<Int32>) = (next, next)
            for argument in 0..<symbol.arity {
                if argument == 1 { heads.1 = next }
                let (child, after) = try expression(next, scope, height: height, depth: inner, ticks: 0)
                next = after
                switch argument {
                case 0: children.0 = child
                case 1: children.1 = child
                default: children.2 = child
                }
            }
            if symbol.comparesUnknownType && !isBaseValued(heads.0) && !isBaseValued(heads.1) { throw Unsupported() }
            set(n, children.0, children.1, children.2)
            return (n, next)
        }
    }

    /// An abstraction applied to all its arguments, inlined: the reference visits the
    /// applications (one per argument), the abstraction and its body's outer λ, then each
    /// argument followed by the next inner λ, then the body.
    private mutating func invented(_ symbol: CompiledLibrary.Symbol, _ p: UnsafePointer<Int32>, _ scope: Int32,
                                   height: Int32, depth: Int32, ticks: Int32) throws(Unsupported) -> (node: Int32, next: UnsafePointer<Int32>) {
        let arity = symbol.arity
        var owed = ticks + (arity == 0 ? 1 : arity + 2)
        if arity > 0 { reach(depth + arity + 1) }
        var bodyScope: Int32 = -1
        var slot = height
        var next = p + 1
        var chain = Chain()
        var argument: Int32 = 1
        while argument <= arity {
            let argumentDepth = depth + arity - argument + 1
            if let (function, functionScope, inPlace) = try functionArgument(next, scope) {
                reach(argumentDepth)
                bodyScope = try bind(function: function, closingOver: functionScope, in: bodyScope)
                owed += 1
                next = inPlace ? skip(next) : next + 1
            } else {
                let (value, after) = try expression(next, scope, height: slot, depth: argumentDepth, ticks: owed)
                owed = 0
                chain.append(try bindNode(value, slot: slot), in: nodes)
                bodyScope = try bind(slot: slot, in: bodyScope)
                slot += 1
                next = after
            }
            if argument < arity { owed += 1 }
            argument += 1
        }
        let (body, _) = try expression(bodies + Int(symbol.body), bodyScope, height: slot, depth: depth + 1, ticks: owed)
        return (chain.close(with: body, in: nodes), next)
    }

    /// A function variable applied to `arguments` values at `p`: the reference visits the
    /// applications and the variable, then each argument followed by the next inner λ, then
    /// the λ's body.
    private mutating func call(_ function: UnsafePointer<Int32>, _ functionScope: Int32, arguments: Int, _ p: UnsafePointer<Int32>,
                               _ scope: Int32, height: Int32, depth: Int32, ticks: Int32) throws(Unsupported) -> (node: Int32, next: UnsafePointer<Int32>) {
        let count = Int32(arguments)
        let body = try Self.body(of: function, parameters: arguments)
        var owed = ticks + count + 1
        reach(depth + count)
        var bodyScope = functionScope
        var slot = height
        var next = p
        var chain = Chain()
        for argument in 1...count {
            let (value, after) = try expression(next, scope, height: slot, depth: depth + count - argument + 1, ticks: owed)
            owed = argument < count ? 1 : 0
            chain.append(try bindNode(value, slot: slot), in: nodes)
            bodyScope = try bind(slot: slot, in: bodyScope)
            slot += 1
            next = after
        }
        let (root, _) = try expression(body, bodyScope, height: slot, depth: depth + 1, ticks: owed)
        return (chain.close(with: root, in: nodes), next)
    }

    /// The body of the λ at `p` (a λ in place, or a function variable), inlined with its
    /// parameters in slots `slot ..< slot + parameters`; returns it and the code after `p`'s argument.
    private mutating func function(_ p: UnsafePointer<Int32>, _ scope: Int32, parameters: Int, slot: Int32,
                                   depth: Int32) throws(Unsupported) -> (node: Int32, next: UnsafePointer<Int32>) {
        guard let (function, functionScope, inPlace) = try functionArgument(p, scope) else { throw Unsupported() }
        let body = try Self.body(of: function, parameters: parameters)
        var bodyScope = functionScope
        for parameter in 0..<Int32(parameters) {
            bodyScope = try bind(slot: slot + parameter, in: bodyScope)
        }
        let (node, end) = try expression(body, bodyScope, height: slot + Int32(parameters), depth: depth, ticks: 0)
        return (node, inPlace ? end : p + 1)
    }

    /// The function an argument at `p` passes (a λ in place, or a variable bound to a
    /// function) and the scope it closes over; `nil` for a value.
    private func functionArgument(_ p: UnsafePointer<Int32>, _ scope: Int32)
        throws(Unsupported) -> (function: UnsafePointer<Int32>, scope: Int32, inPlace: Bool)? {
        let code = p.pointee
        if code == ProgramCode.lambda { return (p, scope, true) }
        guard code < ProgramCode.lambda, Self.variable(code).arity == 0 else { return nil }
        let binding = try lookup(Self.variable(code).index, in: scope)
        guard binding.slot < 0, let function = binding.function else { return nil }
        return (function, binding.functionScope, false)
    }
}
