/// The catalogue of built-in operations: one `Row` per `Operation`, holding everything the
/// language knows about it — its name and alias spellings, its type, its SMT-LIB name,
/// whether it commutes, its reference semantics and the steps it costs.
///
/// The rows live in one file per theory (`Operators+Core.swift`, `+Integers`, `+BitVectors`,
/// `+Strings`, `+Lists`). `Operation.arity`, `isCommutative`, `smtLIBName`,
/// `Operation.evaluate`, the evaluator's step counting and `Builtins.entries` all read them,
/// so a new first-order operation is a new `Operation` case and one row (plus, if wanted, a
/// fast kernel in the compiled evaluator or the bottom-up search, which tests check against
/// the row). The higher-order list operations' rows say that the evaluators run them.
///
/// ```swift
/// Operators.row(.add).name          // "+"
/// try Operation.add.evaluate(.int(2), .int(3))   // .int(5)
/// ```
public enum Operators {
    /// Every row, at its operation's position: `rows[op.rawValue].operation == op`. Hot
    /// paths index this array by the operation's raw value, never search it by name.
    public static let rows: [Row] = {
        let theories: [(Theory, [Row])] = [
            (.core, core), (.integers, integers), (.bitVectors, bitVectors), (.strings, strings), (.lists, lists),
        ]
        var table = [Row?](repeating: nil, count: Operation.allCases.count)
        for (theory, rows) in theories {
            for var row in rows {
                precondition(table[row.operation.rawValue] == nil, "two rows for \(row.operation)")
                row.theory = theory
                table[row.operation.rawValue] = row
            }
        }
        return Operation.allCases.map { operation in
            guard let row = table[operation.rawValue] else { preconditionFailure("no row for \(operation)") }
            return row
        }
    }()

    /// The row of `operation`.
    @inlinable
    public static func row(_ operation: Operation) -> Row {
        rows[operation.rawValue]
    }

    /// What evaluators read of a row for every operation they run: its arity, its work and
    /// its semantics. Kept in a table of its own (`dispatch`, indexed like `rows`) so that
    /// reading it copies no names or types.
    public struct Dispatch: Sendable {
        /// The row's `arity`.
        public let arity: Int
        /// The row's `work`.
        public let work: Work
        /// The row's `semantics`.
        public let semantics: Semantics
    }

    /// Every row's `Dispatch`, at its operation's position.
    public static let dispatch: [Dispatch] = rows.map {
        Dispatch(arity: $0.arity, work: $0.work, semantics: $0.semantics)
    }
}
