import Language
import Tasks

/// A grammar production compiled for vector evaluation: a straight-line sequence of
/// operations over operand vectors, whose last result is the production's output.
///
/// `define-fun` helpers are inlined, each argument computed once however often the body uses
/// its parameter; holes (`.nonterminal`) become child operands in left-to-right order of the
/// production template.
struct CompiledRule {
    enum Operand: Hashable {
        case child(Int)
        case input(Int)
        case constant(Int)
        case temporary(Int)
    }

    struct Instruction {
        var operation: Operation
        var argumentKinds: [ValueKind]
        var resultKind: ValueKind
        var operands: [Operand]
        var output: Int
        /// Whether a word kernel computes it.
        var usesWordKernel: Bool
        /// Whether a string kernel computes it (with neither, the value-by-value path does).
        var usesStringKernel: Bool
    }

    /// The nonterminal this production belongs to.
    var nonterminal: Int
    /// The index of the production within its nonterminal.
    var production: Int
    var template: Expression
    var children: [Int]
    var instructions: [Instruction]
    var result: Operand
    var resultKind: ValueKind
    var cost: Int
}

/// Compiles production templates, collecting the constants they use.
struct RuleCompiler {
    let grammar: SyGuSGrammar
    let definitions: [FunctionDefinition]
    let parameterSorts: [TypeExpr]
    /// Constant values used by any rule, by index.
    var constants: [Value] = []
    /// The index of each value in `constants`: a grammar of 100,000 constants found them by
    /// scanning the list, in time that grew with the square of their number.
    private var indexOfConstant: [Value: Int] = [:]
    var constantKinds: [ValueKind] = []
    var temporaryKinds: [ValueKind] = []

    private var children: [Int] = []
    private var instructions: [CompiledRule.Instruction] = []

    init(grammar: SyGuSGrammar, definitions: [FunctionDefinition], parameterSorts: [TypeExpr]) {
        self.grammar = grammar
        self.definitions = definitions
        self.parameterSorts = parameterSorts
    }

    mutating func compile(_ template: Expression, nonterminal: Int, production: Int, cost: Int) throws(SearchError) -> CompiledRule {
        children = []
        instructions = []
        let (result, kind) = try operand(template, depth: 0)
        return CompiledRule(nonterminal: nonterminal, production: production, template: template, children: children,
                            instructions: instructions, result: result, resultKind: kind, cost: cost)
    }

    /// `bindings`: inside a helper's body, the operands of its parameters.
    private mutating func operand(_ e: Expression, depth: Int,
                                  bindings: [(CompiledRule.Operand, ValueKind)]? = nil) throws(SearchError) -> (CompiledRule.Operand, ValueKind) {
        if depth > 200 { throw SearchError.unsupported("a production nested more than 200 deep") }
        switch e {
        case .nonterminal(let i):
            guard let kind = ValueKind(grammar.nonterminals[i].sort) else {
                throw SearchError.unsupported("nonterminal sort \(grammar.nonterminals[i].sort)")
            }
            children.append(i)
            return (.child(children.count - 1), kind)
        case .parameter(let p):
            if let bindings { return bindings[p] }
            guard let kind = ValueKind(parameterSorts[p]) else {
                throw SearchError.unsupported("parameter sort \(parameterSorts[p])")
            }
            return (.input(p), kind)
        case .constant(let value):
            guard let kind = Self.kind(of: value) else { throw SearchError.unsupported("constant \(value)") }
            if let index = indexOfConstant[value] { return (.constant(index), kind) }
            indexOfConstant[value] = constants.count
            constants.append(value)
            constantKinds.append(kind)
            return (.constant(constants.count - 1), kind)
        case .builtin(let primitive, let arguments):
            guard case .operation(let op) = primitive.implementation, !op.isHigherOrder,
                  let resultKind = ValueKind(primitive.type.returnType) else {
                throw SearchError.unsupported("operator \(primitive.name) : \(primitive.type)")
            }
            var operands: [CompiledRule.Operand] = []
            var kinds: [ValueKind] = []
            for argument in arguments {
                let (o, k) = try operand(argument, depth: depth + 1, bindings: bindings)
                operands.append(o)
                kinds.append(k)
            }
            let output = temporaryKinds.count
            temporaryKinds.append(resultKind)
            let fast = resultKind.isWord && WordKernels.supports(op, kinds)
            let stringKernel = !fast && BottomUpEnumerator.hasStringKernel(op, kinds)
            instructions.append(.init(operation: op, argumentKinds: kinds, resultKind: resultKind, operands: operands,
                                      output: output, usesWordKernel: fast, usesStringKernel: stringKernel))
            return (.temporary(output), resultKind)
        case .definition(let d, let arguments):
            var operands: [(CompiledRule.Operand, ValueKind)] = []
            for argument in arguments { operands.append(try operand(argument, depth: depth + 1, bindings: bindings)) }
            return try operand(definitions[d].body, depth: depth + 1, bindings: operands)
        case .variable, .synthesized:
            throw SearchError.unsupported("a grammar production that mentions a declared variable or a synthesized function")
        }
    }

    static func kind(of value: Value) -> ValueKind? {
        value.type.flatMap(ValueKind.init)
    }
}

/// Why a bottom-up search cannot run on a grammar.
public enum SearchError: Error, Hashable, Sendable, CustomStringConvertible {
    case unsupported(String)

    public var description: String {
        switch self {
        case .unsupported(let what): return "bottom-up search does not support \(what)"
        }
    }
}
