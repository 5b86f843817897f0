/// A program in η-long, saturated form as a preorder sequence of `Int32` codes over a table of
/// leaves: the form in which a top-down search builds programs and a `CompiledEvaluator` runs
/// them.
///
/// - `c >= 0`: `leaves[c]` (a `.primitive` or an `.invented` leaf) applied to exactly
///   `ProgramCode.arity(ofLeaf:)` arguments, whose codes follow in order;
/// - `-1` (`lambda`): a lambda, whose body follows;
/// - `-2 - index * 16 - arity` (`variable(_:arity:)`, arity below 16): the variable `$index`
///   applied to `arity` arguments, which follow.
///
/// ```swift
/// // leaves: [map, +, 1]
/// // (lambda (map (lambda (+ $0 1)) $0))  is  [-1, 0, -1, 1, -2, 2, -2]
/// ```
///
/// Invariant: a well-formed sequence is exactly one tree: every code's arguments are present and
/// nothing follows the last of them.
public enum ProgramCode {
    /// The code of a lambda.
    public static let lambda: Int32 = -1
    /// Variables are applied to fewer arguments than this.
    public static let variableArityLimit = 16

    /// What one code stands for.
    public enum Decoded: Hashable, Sendable {
        case leaf(Int)
        case lambda
        case variable(index: Int, arity: Int)
    }

    /// The code of `$index` applied to `arity` arguments (`arity < variableArityLimit`).
    @inlinable
    public static func variable(_ index: Int, arity: Int) -> Int32 {
        precondition(index >= 0 && arity >= 0 && arity < variableArityLimit, "variable $\(index) with \(arity) arguments has no code")
        return Int32(-2 - index * variableArityLimit - arity)
    }

    @inlinable
    public static func decode(_ code: Int32) -> Decoded {
        if code >= 0 { return .leaf(Int(code)) }
        if code == lambda { return .lambda }
        let packed = Int(-2 - Int64(code))
        return .variable(index: packed / variableArityLimit, arity: packed % variableArityLimit)
    }

    /// How many arguments a leaf takes in the codes: as many as its type has.
    public static func arity(ofLeaf leaf: Program) -> Int {
        switch leaf {
        case .primitive(let p): return p.type.arguments.count
        case .invented(let a): return a.type.arguments.count
        case .variable, .lambda, .apply: return 0
        }
    }

    /// Whether `codes` is exactly one well-formed tree over `leafCount` leaves with the given arities.
    public static func isWellFormed(_ codes: some Collection<Int32>, leafArities: [Int]) -> Bool {
        var open = 1
        for code in codes {
            guard open > 0 else { return false }
            open -= 1
            switch decode(code) {
            case .leaf(let c):
                guard c < leafArities.count else { return false }
                open += leafArities[c]
            case .lambda: open += 1
            case .variable(_, let arity): open += arity
            }
        }
        return open == 0
    }

    /// Rebuilds the program that `codes` encode. `codes` must be well formed (`isWellFormed`).
    public static func program(from codes: some Collection<Int32>, leaves: [Program]) -> Program {
        program(from: codes, leaves: leaves, leafArities: leaves.map(arity(ofLeaf:)))
    }

    /// Rebuilds the program that `codes` encode, with the leaves' arities worked out once
    /// (`leafArities[c]` is `arity(ofLeaf: leaves[c])`).
    public static func program(from codes: some Collection<Int32>, leaves: [Program], leafArities arities: [Int]) -> Program {
        let codes = Array(codes)
        precondition(isWellFormed(codes, leafArities: arities), "malformed program codes \(codes)")
        // Iterative: a frame per node whose arguments are still being read.
        var frames: [(head: Program, missing: Int, isLambda: Bool)] = []
        var finished: Program?
        var position = 0
        while true {
            if let done = finished {
                guard var frame = frames.popLast() else { return done }
                frame.head = frame.isLambda ? .lambda(done) : .apply(frame.head, done)
                frame.missing -= 1
                if frame.missing == 0 {
                    finished = frame.head
                } else {
                    finished = nil
                    frames.append(frame)
                }
                continue
            }
            let code = codes[position]
            position += 1
            let head: Program
            let missing: Int
            var isLambda = false
            switch decode(code) {
            case .leaf(let c): (head, missing) = (leaves[c], arities[c])
            case .lambda: (head, missing, isLambda) = (.variable(0), 1, true)
            case .variable(let index, let arity): (head, missing) = (.variable(index), arity)
            }
            if missing == 0 {
                finished = head
            } else {
                frames.append((head, missing, isLambda))
            }
        }
    }

    /// The codes of `program`, whose applications must be saturated spines: a leaf applied to
    /// exactly its arity's arguments (`leafIndex` gives a leaf's code, `nil` for a leaf not in
    /// the table) or a variable applied to fewer than 16. `nil` for any other program (a partial
    /// application, a lambda applied to an argument, an unknown leaf).
    public static func codes(of program: Program, leafIndex: (Program) -> Int32?) -> [Int32]? {
        var result: [Int32] = []
        var pending: [Program] = [program]
        while let next = pending.popLast() {
            if case .lambda(let body) = next {
                result.append(lambda)
                pending.append(body)
                continue
            }
            let (head, arguments) = next.spine
            switch head {
            case .variable(let index):
                guard index >= 0, arguments.count < variableArityLimit else { return nil }
                result.append(variable(index, arity: arguments.count))
            case .primitive, .invented:
                guard let code = leafIndex(head), code >= 0, arguments.count == arity(ofLeaf: head) else { return nil }
                result.append(code)
            case .lambda, .apply:
                return nil
            }
            pending.append(contentsOf: arguments.reversed())
        }
        return result
    }
}
