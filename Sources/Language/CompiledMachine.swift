/// Runs a compiled candidate on one example: a tree walk over `CompiledNode`s with every value
/// a 64-bit word (integers; Booleans 0 or 1; lists handles into `arena`, see
/// `CompiledMachine+Lists.swift`).
///
/// Steps are counted as the reference evaluator counts them but checked lazily: a run fails
/// with `.budgetExhausted` exactly when the reference's would, because the count is exact at
/// every point where something else can fail, and loops check it on every pass.
struct CompiledMachine {
    let nodes: UnsafePointer<CompiledNode>
    let stack: UnsafeMutablePointer<Int>
    var arena: WordBuffer
    var scratch: WordBuffer
    /// The most words `arena` and `scratch` may hold together.
    let wordLimit: Int
    let stepLimit: Int
    /// The reference's steps so far.
    var ticks = 0

    init(nodes: UnsafePointer<CompiledNode>, stack: UnsafeMutablePointer<Int>, arena: WordBuffer, scratch: WordBuffer,
         wordLimit: Int, stepLimit: Int) {
        self.nodes = nodes
        self.stack = stack
        self.arena = arena
        self.scratch = scratch
        self.wordLimit = wordLimit
        self.stepLimit = stepLimit
    }

    /// The value of the node tree at `root`, or the reference's failure.
    mutating func run(_ root: Int32) throws(CompiledStop) -> Int {
        let result: Int
        do {
            result = try value(root)
        } catch {
            // The reference had failed for lack of steps first if the count has passed the limit.
            if ticks > stepLimit { throw .budgetExhausted }
            throw error
        }
        if ticks > stepLimit { throw .budgetExhausted }
        return result
    }

    /// The value of a child: a node, or (a negative reference `~slot`) a variable or constant
    /// read from a stack slot, which the reference visits in one step.
    @inline(__always)
    mutating func value(_ child: Int32) throws(CompiledStop) -> Int {
        if child < 0 {
            ticks &+= 1
            return stack[Int(~child)]
        }
        return try evaluate(child)
    }

    @inline(__always)
    func checkSteps() throws(CompiledStop) {
        if ticks > stepLimit { throw .budgetExhausted }
    }

    /// The values of children `a` and `b`, in that order.
    @inline(__always)
    mutating func operands(_ node: CompiledNode) throws(CompiledStop) -> (Int, Int) {
        let x = try value(node.a)
        let y = try value(node.b)
        return (x, y)
    }

    // Longer than 80 lines on purpose: this is the compiled evaluator's inner loop, one switch
    // over the node kinds; each case is a few lines, and splitting the dispatch would add a
    // call per node evaluated.
    mutating func evaluate(_ start: Int32) throws(CompiledStop) -> Int {
        var index = start
        while true {
            let node = nodes[Int(index)]
            ticks &+= Int(node.ticks)
            switch node.instruction {
            case .constant:
                return Int(node.word)
            case .slot:
                return stack[Int(node.a)]
            case .bind:
                stack[Int(node.b)] = try value(node.a)
                index = node.c
                if index < 0 { return try value(index) }
            case .ite:
                index = try value(node.a) != 0 ? node.b : node.c
                if index < 0 { return try value(index) }
            case .negate:
                let x = try value(node.a)
                if x == .min { throw .overflow }
                return -x
            case .abs:
                let x = try value(node.a)
                if x == .min { throw .overflow }
                return x < 0 ? -x : x
            case .not:
                return try value(node.a) == 0 ? 1 : 0
            case .isPrime:
                return IntegerSemantics.isPrime(try value(node.a)) ? 1 : 0
            case .isSquare:
                return IntegerSemantics.isSquare(try value(node.a)) ? 1 : 0
            case .length:
                let l = try value(node.a)
                return try list(l).count
            case .isEmpty:
                let l = try value(node.a)
                return try list(l).count == 0 ? 1 : 0
            case .car:
                let l = try value(node.a)
                let (offset, count) = try list(l)
                if count == 0 { throw .emptyList }
                return arena.pointer[offset + count - 1]
            case .cdr:
                let l = try value(node.a)
                let (offset, count) = try list(l)
                if count == 0 { throw .emptyList }
                ticks += count - 1  // the reference copies the rest
                return Self.handle(offset, count - 1)
            case .range:
                let n = try value(node.a)
                return try range(n)
            case .add:
                let (x, y) = try operands(node)
                let (r, overflow) = x.addingReportingOverflow(y)
                if overflow { throw .overflow }
                return r
            case .subtract:
                let (x, y) = try operands(node)
                let (r, overflow) = x.subtractingReportingOverflow(y)
                if overflow { throw .overflow }
                return r
            case .multiply:
                let (x, y) = try operands(node)
                let (r, overflow) = x.multipliedReportingOverflow(by: y)
                if overflow { throw .overflow }
                return r
            case .div:
                let (x, y) = try operands(node)
                do { return try IntegerSemantics.div(x, y) } catch { throw CompiledStop(error) }
            case .mod:
                let (x, y) = try operands(node)
                do { return try IntegerSemantics.mod(x, y) } catch { throw CompiledStop(error) }
            case .less:
                let (x, y) = try operands(node)
                return x < y ? 1 : 0
            case .lessOrEqual:
                let (x, y) = try operands(node)
                return x <= y ? 1 : 0
            case .greater:
                let (x, y) = try operands(node)
                return x > y ? 1 : 0
            case .greaterOrEqual:
                let (x, y) = try operands(node)
                return x >= y ? 1 : 0
            case .equal:
                let (x, y) = try operands(node)
                return x == y ? 1 : 0
            case .distinct:
                let (x, y) = try operands(node)
                return x != y ? 1 : 0
            case .and:
                let (x, y) = try operands(node)
                return x != 0 && y != 0 ? 1 : 0
            case .or:
                let (x, y) = try operands(node)
                return x != 0 || y != 0 ? 1 : 0
            case .xor:
                let (x, y) = try operands(node)
                return (x != 0) != (y != 0) ? 1 : 0
            case .implies:
                let (x, y) = try operands(node)
                return x == 0 || y != 0 ? 1 : 0
            case .index:
                let (i, l) = try operands(node)
                let (offset, count) = try list(l)
                if i < 0 || i >= count { throw .indexOutOfRange }
                return arena.pointer[offset + count - 1 - i]
            case .cons:
                let (x, l) = try operands(node)
                return try cons(x, l)
            case .map:
                return try map(node)
            case .fold:
                return try fold(node)
            case .unfold:
                return try unfold(node)
            }
        }
    }
}
