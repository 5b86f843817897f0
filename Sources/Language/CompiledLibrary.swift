/// A grammar's leaves prepared for compilation, once per grammar: what each leaf computes and,
/// for a learned abstraction, its body as `ProgramCode`s to inline at every use.
///
/// Symbols `0 ..< leaves.count` are the leaves themselves, in order; the primitives and
/// abstractions that only abstraction bodies mention follow. A body is stored without its
/// leading lambdas, one per argument, over the same symbol numbering.
///
/// Invariant: every stored body is well formed, and `Symbol.arity` is the number of arguments a
/// symbol's code takes (`ProgramCode.arity(ofLeaf:)`), supported or not.
struct CompiledLibrary {
    /// One leaf as the compiler sees it.
    struct Symbol {
        enum Kind: UInt8 {
            /// Outside the compiled subset: a candidate using it runs on the reference evaluator.
            case unsupported
            /// `word`, taking no arguments.
            case constant
            /// `instruction` applied to `arity` arguments.
            case operation
            /// An abstraction whose body (after `arity` lambdas) starts at `body` in `bodies`.
            case invented
        }

        var kind: Kind
        var arity: Int32
        var instruction = CompiledNode.Instruction.constant
        var word: Int64 = 0
        var body: Int32 = 0
        /// Whether the declared result is `int` or `bool` (one word compares it exactly).
        var returnsBaseValue = false
        /// For `=` and `distinct`: the arguments' declared type is a type variable, so the
        /// compiler must see that this use compares integers or Booleans.
        var comparesUnknownType = false
    }

    private(set) var symbols: [Symbol] = []
    /// The abstraction bodies' codes, one after another.
    private(set) var bodies: [Int32] = []
    private var indexOfLeaf: [Program: Int32] = [:]

    init(leaves: [Program]) {
        for leaf in leaves {
            indexOfLeaf[leaf] = Int32(symbols.count)
            symbols.append(Symbol(kind: .unsupported, arity: Int32(ProgramCode.arity(ofLeaf: leaf))))
        }
        for (index, leaf) in leaves.enumerated() {
            symbols[index] = symbol(for: leaf, depth: 0)
        }
        assert(bodiesAreWellFormed, "an abstraction body's codes are malformed")
    }

    /// The symbol of a leaf that an abstraction body mentions, added on first sight.
    private mutating func index(ofNested leaf: Program, depth: Int) -> Int32? {
        if let index = indexOfLeaf[leaf] { return index }
        switch leaf {
        case .primitive, .invented: break
        case .variable, .lambda, .apply: return nil
        }
        let index = Int32(symbols.count)
        indexOfLeaf[leaf] = index
        symbols.append(Symbol(kind: .unsupported, arity: Int32(ProgramCode.arity(ofLeaf: leaf))))
        let prepared = symbol(for: leaf, depth: depth + 1)
        symbols[Int(index)] = prepared
        return index
    }

    private mutating func symbol(for leaf: Program, depth: Int) -> Symbol {
        let arity = Int32(ProgramCode.arity(ofLeaf: leaf))
        let unsupported = Symbol(kind: .unsupported, arity: arity)
        switch leaf {
        case .primitive(let p):
            var symbol = Symbol(kind: .constant, arity: arity)
            symbol.returnsBaseValue = p.type.returnType == .int || p.type.returnType == .bool
            switch p.implementation {
            case .constant(let value):
                guard arity == 0 else { return unsupported }
                switch value {
                case .int(let n): symbol.word = Int64(n)
                case .bool(let b): symbol.word = b ? 1 : 0
                case .list(let items) where items.isEmpty: symbol.word = 0
                default: return unsupported
                }
                return symbol
            case .operation(let op):
                guard let instruction = CompiledNode.Instruction(op), op.arity == Int(arity) else { return unsupported }
                symbol.kind = .operation
                symbol.instruction = instruction
                if op == .equal || op == .distinct {
                    switch p.type.arguments.first {
                    case .int?, .bool?: break
                    case .variable?: symbol.comparesUnknownType = true
                    default: return unsupported
                    }
                }
                return symbol
            case .opaque:
                return unsupported
            }
        case .invented(let abstraction):
            // Nested abstractions are as deep as the library's definitions; a bound keeps a
            // hostile library from recursing without end.
            guard depth < 64 else { return unsupported }
            var body = abstraction.body
            for _ in 0..<arity {
                guard case .lambda(let inner) = body else { return unsupported }
                body = inner
            }
            if case .lambda = body { return unsupported }
            var failed = false
            guard let codes = ProgramCode.codes(of: body, leafIndex: { nested in
                if failed { return nil }
                guard let index = self.index(ofNested: nested, depth: depth) else {
                    failed = true
                    return nil
                }
                return index
            }) else { return unsupported }
            var symbol = Symbol(kind: .invented, arity: arity)
            symbol.body = Int32(bodies.count)
            symbol.returnsBaseValue = abstraction.type.returnType == .int || abstraction.type.returnType == .bool
            bodies += codes
            return symbol
        case .variable, .lambda, .apply:
            return unsupported
        }
    }
}
