import Language
import Tasks

extension BottomUpEnumerator {
    /// The kind of value an operand holds.
    func kind(of operand: CompiledRule.Operand, _ rule: CompiledRule) -> ValueKind {
        switch operand {
        case .child(let j): return kinds[rule.children[j]]
        case .input(let p): return inputKinds[p]
        case .constant(let k): return constantKinds[k]
        case .temporary(let t): return temporaryKinds[t]
        }
    }

    /// Where a word operand's vector starts.
    @inline(__always)
    func wordPointer(_ operand: CompiledRule.Operand, _ children: UnsafePointer<Int32>) -> UnsafePointer<UInt64> {
        let n = exampleCount
        switch operand {
        case .child(let j): return UnsafePointer(words.base + Int(entries[Int(children[j])].slot) * n)
        case .input(let p): return UnsafePointer(words.base + inputSlots[p] * n)
        case .constant(let k): return UnsafePointer(words.base + constantSlots[k] * n)
        case .temporary(let t): return UnsafePointer(temporaryWords.base + t * n)
        }
    }

    /// The operand's value on example `i`.
    func value(_ operand: CompiledRule.Operand, _ kind: ValueKind, _ children: UnsafePointer<Int32>, _ i: Int) -> Value {
        if kind.isWord { return kind.value(wordPointer(operand, children)[i]) }
        return .string(StringValue(codePoints: Array(codePoints(operand, children, i))))
    }

    /// Runs the rule's instructions. A word result is written to `wordDestination`; a string
    /// result is left where `codePoints(rule.result, …)` finds it. Returns `false` if some example fails.
    func execute(_ rule: CompiledRule, _ children: UnsafePointer<Int32>, wordDestination: UnsafeMutablePointer<UInt64>?) -> Bool {
        let n = exampleCount
        scratch.count = 0
        let last = rule.instructions.count - 1
        for (index, instruction) in rule.instructions.enumerated() {
            let writesResult = index == last && rule.result == .temporary(instruction.output)
            if instruction.usesWordKernel {
                let out = writesResult ? wordDestination! : temporaryWords.base + instruction.output * n
                let operands = instruction.operands
                let a = wordPointer(operands[0], children)
                let b = operands.count > 1 ? wordPointer(operands[1], children) : nil
                let c = operands.count > 2 ? wordPointer(operands[2], children) : nil
                if !WordKernels.run(instruction.operation, instruction.argumentKinds, a, b, c, out, n) { return false }
            } else if instruction.usesStringKernel {
                let out = writesResult && wordDestination != nil ? wordDestination! : temporaryWords.base + instruction.output * n
                if !executeStringKernel(instruction, children, wordOutput: out) { return false }
            } else if !executeByValue(instruction, rule, children, writesResult ? wordDestination : nil) {
                return false
            }
        }
        if rule.instructions.isEmpty || rule.result != .temporary(rule.instructions[last].output) {
            // A leaf or a chain production: copy the operand's vector.
            if let wordDestination {
                wordDestination.update(from: wordPointer(rule.result, children), count: n)
            }
        }
        return true
    }

    /// The value-by-value path, for operations with neither a word nor a string kernel.
    private func executeByValue(_ instruction: CompiledRule.Instruction, _ rule: CompiledRule,
                                _ children: UnsafePointer<Int32>, _ destination: UnsafeMutablePointer<UInt64>?) -> Bool {
        let n = exampleCount
        let kinds = instruction.argumentKinds
        let resultKind = instruction.resultKind
        let wordOutput = destination ?? (temporaryWords.base + instruction.output * n)
        let operands = instruction.operands
        let operation = instruction.operation
        for i in 0..<n {
            let result: Value
            do {
                switch operands.count {
                case 1:
                    result = try operation.evaluate(value(operands[0], kinds[0], children, i))
                case 2:
                    result = try operation.evaluate(value(operands[0], kinds[0], children, i),
                                                    value(operands[1], kinds[1], children, i))
                default:
                    result = try operation.evaluate(value(operands[0], kinds[0], children, i),
                                                    value(operands[1], kinds[1], children, i),
                                                    value(operands[2], kinds[2], children, i))
                }
            } catch {
                return false
            }
            if resultKind.isWord {
                guard let word = resultKind.word(result) else { return false }
                wordOutput[i] = word
            } else {
                guard case .string(let s) = result else { return false }
                storeTemporary(s.codePoints, output: instruction.output, example: i)
            }
        }
        return true
    }
}
