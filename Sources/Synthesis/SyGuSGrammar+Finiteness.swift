import Tasks

extension SyGuSGrammar {
    /// Whether the start symbol derives finitely many programs: no nonterminal it reaches
    /// derives itself again, and none allows any constant of its sort (`(Constant S)`). A
    /// bottom-up search that runs out of programs of such a grammar has tried them all.
    var isFinite: Bool {
        guard !nonterminals.isEmpty else { return true }
        // Depth-first search for a cycle among the reachable nonterminals (0: unseen, 1: on
        // the path, 2: done), iterative so that no grammar can exhaust the stack.
        var state = [UInt8](repeating: 0, count: nonterminals.count)
        var stack: [(nonterminal: Int, next: [Int])] = [(0, nonterminals[0].productions.flatMap(\.nonterminals))]
        state[0] = 1
        while let top = stack.last {
            if nonterminals[top.nonterminal].allowsAnyConstant { return false }
            guard let child = top.next.last else {
                state[top.nonterminal] = 2
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next.removeLast()
            switch state[child] {
            case 1: return false
            case 0:
                state[child] = 1
                stack.append((child, nonterminals[child].productions.flatMap(\.nonterminals)))
            default: break
            }
        }
        return true
    }
}
