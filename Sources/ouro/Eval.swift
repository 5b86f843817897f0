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

    @Option(help: "A grammar whose primitives the program may use: a bundled grammar's name (lists, bitvec, lia, strings) or a grammar file's path (default: every built-in).")
    var grammar: String?

    func run() throws {
        var table = PrimitiveTable.builtins()
        if let grammar { table = try readGrammar(grammar).primitiveTable }
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
        print("type: \(type)")
        do {
            print(try Evaluator().run(parsed, on: values))
        } catch {
            printError("evaluation failed: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
    }
}
