import Language
import Tasks

let bv8 = TypeExpr.bitVector(width: 8)
let bv32 = TypeExpr.bitVector(width: 32)
let bv64 = TypeExpr.bitVector(width: 64)

/// The built-in `name` at `argumentSorts`; a test that names a missing one stops here.
func op(_ name: String, _ argumentSorts: [TypeExpr]) -> Primitive {
    guard let primitive = Builtins.primitive(named: name, argumentSorts: argumentSorts) else {
        preconditionFailure("no built-in \(name) at \(argumentSorts)")
    }
    return primitive
}

/// `name` at `argumentSorts` applied to `arguments`.
func call(_ name: String, _ argumentSorts: [TypeExpr], _ arguments: Expression...) -> Expression {
    .builtin(op(name, argumentSorts), arguments)
}

func int(_ n: Int) -> Expression { .constant(.int(n)) }
func bits(_ value: UInt64, _ width: Int) -> Expression { .constant(.bitVector(value, width: width)) }
func string(_ text: String) -> Expression { .constant(.string(text)) }

/// The error `text` is rejected with, as printed (`LINE:COLUMN: message`), or `nil` when it reads.
func readingError(_ text: String) -> String? {
    do {
        _ = try SyGuSProblem(parsing: text)
        return nil
    } catch {
        return error.description
    }
}
