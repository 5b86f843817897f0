import ArgumentParser
import Foundation
import Grammar
import Language

/// `ouro eval PROGRAM INPUT...`: type-checks a program and runs it on inputs.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Type-check a program and run it on inputs.",
        discussion: """
            Example: ouro eval '(lambda (map (lambda (+ $0 1)) $0))' '[1, 2, 3]' --grammar lists
            Inputs are value literals: 42, -3, true, #x00ff, "text", [1, 2, 3].
            """
    )

    @Argument(help: "The program, as an S-expression with de Bruijn variables ($0 innermost).")
    var program: String

    @Argument(help: "Input values, first argument first.")
    var inputs: [String] = []

    /// The grammar whose primitives the program may use (default: every built-in).
    @OptionGroup var grammarOption: GrammarOption

    @OptionGroup var output: JSONOption

    func run() throws {
        let table = try grammarOption.grammar.map { try readGrammar($0).primitiveTable } ?? PrimitiveTable.builtins()
        let parsed: Program
        let type: TypeExpr
        var values: [Value] = []
        do {
            parsed = try Program(parsing: program, primitives: table)
            type = try parsed.inferType()
            for (index, input) in inputs.enumerated() {
                do {
                    values.append(try Value(parsing: input))
                } catch {
                    throw ValidationError("input \(index + 1): \(error)")
                }
            }
        } catch let error as ProgramSyntaxError {
            printError("program:\(error)")
            throw ExitCode(ExitStatus.badInput)
        } catch let error as ProgramTypeError {
            printError("program: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        if !output.json { print("type: \(type)") }
        do {
            let value = try Evaluator().run(parsed, on: values)
            print(output.json ? JSONOption.line(["type": type.description, "output": value.description]) : value.description)
        } catch {
            printError("evaluation failed: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
    }
}
