/// One node of a compiled candidate: an instruction over 64-bit words with its children.
///
/// Children are indices into the candidate's node buffer; slots are positions on the
/// evaluation stack, fixed at compile time (de Bruijn indices resolved, abstractions and the
/// λ-arguments of `map`, `fold` and `unfold` inlined). `ticks` are the reference evaluator's
/// steps that entering the node accounts for before anything in it can fail.
struct CompiledNode {
    /// What a node computes. Integers are words, Booleans 0 or 1, lists handles into the arena.
    enum Instruction: UInt8 {
        /// `word`.
        case constant
        /// The value in stack slot `a`.
        case slot
        // Unary, on child `a`.
        case negate, abs, not, length, car, cdr, isEmpty, isPrime, isSquare, range
        // Binary, on children `a` and `b`.
        case add, subtract, multiply, div, mod
        case less, lessOrEqual, greater, greaterOrEqual, equal, distinct
        case and, or, xor, implies
        case index, cons
        /// `a` ? `b` : `c`, evaluating only the branch taken.
        case ite
        /// Map body `b` over list `a`, the element in slot `c`.
        case map
        /// Fold list `a` from its end with initial value `b`: body `c` with the element in slot
        /// `d` and the accumulator in slot `d + 1`.
        case fold
        /// Unfold from seed `a`: stop `b`, emit `c` and next `d`, each with the value in slot `word`.
        case unfold
        /// Stores the value of `a` in slot `b`, then continues with `c` (an argument of an
        /// inlined abstraction or λ).
        case bind
    }

    var instruction: Instruction
    var ticks: Int32
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
    var d: Int32 = 0
    var word: Int64 = 0

    init(_ instruction: Instruction, ticks: Int32) {
        self.instruction = instruction
        self.ticks = ticks
    }
}

extension CompiledNode.Instruction {
    /// The instruction computing `operation`, `nil` for operations outside the compiled subset.
    init?(_ operation: Operation) {
        switch operation {
        case .negate: self = .negate
        case .abs: self = .abs
        case .not: self = .not
        case .length: self = .length
        case .car: self = .car
        case .cdr: self = .cdr
        case .isEmpty: self = .isEmpty
        case .isPrime: self = .isPrime
        case .isSquare: self = .isSquare
        case .range: self = .range
        case .add: self = .add
        case .subtract: self = .subtract
        case .multiply: self = .multiply
        case .div: self = .div
        case .mod: self = .mod
        case .less: self = .less
        case .lessOrEqual: self = .lessOrEqual
        case .greater: self = .greater
        case .greaterOrEqual: self = .greaterOrEqual
        case .equal: self = .equal
        case .distinct: self = .distinct
        case .and: self = .and
        case .or: self = .or
        case .xor: self = .xor
        case .implies: self = .implies
        case .index: self = .index
        case .cons: self = .cons
        case .ite: self = .ite
        case .map: self = .map
        case .fold: self = .fold
        case .unfold: self = .unfold
        default: return nil
        }
    }
}
