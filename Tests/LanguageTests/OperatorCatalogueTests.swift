import SMT
import Testing
@testable import Language

/// The operator catalogue is complete and consistent: one row per operation, names that
/// resolve to their rows, semantics of the row's arity, algebra that holds, and SMT-LIB
/// names that the SMT module can build.
@Suite struct OperatorCatalogueTests {
    @Test func everyOperationHasOneRowAtItsPosition() {
        #expect(Operators.rows.count == Operation.allCases.count)
        #expect(Operators.dispatch.count == Operation.allCases.count)
        for (position, row) in Operators.rows.enumerated() {
            #expect(row.operation.rawValue == position, "\(row.operation)")
            #expect(Operators.row(row.operation).name == row.name)
        }
    }

    @Test func semanticsAndDispatchTakeTheSignaturesArity() {
        for row in Operators.rows {
            #expect(row.arity == row.signature.arity, "\(row.operation)")
            #expect(row.operation.arity == row.arity, "\(row.operation)")
            #expect(Operators.dispatch[row.operation.rawValue].work == row.work, "\(row.operation)")
            if row.isHigherOrder {
                #expect(row.semantics.arity == nil, "\(row.operation)")
                #expect(row.theory == .lists, "\(row.operation)")
            } else {
                #expect(row.semantics.arity == row.arity, "\(row.operation)")
            }
            // Calling an operation with another number of arguments is a type mismatch.
            let v = Value.int(1)
            if row.arity != 1 { #expect(throws: EvaluationFailure.typeMismatch) { try row.operation.evaluate(v) } }
            if row.arity != 2 { #expect(throws: EvaluationFailure.typeMismatch) { try row.operation.evaluate(v, v) } }
            if row.arity != 3 { #expect(throws: EvaluationFailure.typeMismatch) { try row.operation.evaluate(v, v, v) } }
        }
        #expect(Operators.rows.filter(\.isHigherOrder).map(\.operation) == [.map, .fold, .unfold])
    }

    @Test func builtinsAreEveryRowsSpellingsAndThreeConstants() {
        let spellings = Operators.rows.flatMap { row in row.spellings.map { (row, $0.name, $0.signature) } }
        #expect(Builtins.entries.count == spellings.count + 3)
        for (row, name, signature) in spellings {
            let entries = Builtins.entries(named: name).filter { $0.implementation == .operation(row.operation) }
            #expect(entries.map(\.signature) == [signature], "\(name) for \(row.operation)")
            let type = signature.type(width: 16)
            #expect(Builtins.primitive(named: name, type: type)?.implementation == .operation(row.operation), "\(name)")
        }
        #expect(Builtins.entries.suffix(3).map(\.name) == ["empty", "true", "false"])
    }

    @Test func noTwoRowsShareASpellingAndAnArity() {
        var seen: [String: Operation] = [:]
        for row in Operators.rows {
            for (name, _) in row.spellings {
                let key = "\(name)/\(row.arity)"
                #expect(seen[key] == nil, "\(name) with \(row.arity) arguments names \(seen[key].map { "\($0)" } ?? "") and \(row.operation)")
                seen[key] = row.operation
            }
        }
    }

    /// SMT cannot see the catalogue; this holds its operator table to it.
    @Test func everySMTLIBNameHasAZ3BuilderOfTheRowsArity() {
        for row in Operators.rows {
            if row.theory == .lists {
                #expect(row.smtLIBName == nil, "\(row.operation)")
                continue
            }
            guard let name = row.smtLIBName else {
                Issue.record("\(row.operation) of \(row.theory) has no SMT-LIB name")
                continue
            }
            #expect(name == row.name, "\(row.operation)")
            #expect(SMTOperators.supports(name: name, arity: row.arity), "Z3 cannot build \(name) of \(row.arity) arguments")
        }
    }

    /// Every operator SMT builds is some row's SMT-LIB name or alias, or one of the few that
    /// only SMT-LIB problems use.
    @Test func everyZ3OperatorIsInTheCatalogueOrSMTOnly() {
        let smtOnly: Set<String> = ["concat", "bvcomp"]
        let catalogued = Set(Operators.rows.flatMap { row in (row.smtLIBName.map { [$0] } ?? []) + row.aliases.map(\.name) })
        for name in SMTOperators.names {
            #expect(catalogued.contains(name) || smtOnly.contains(name), "\(name) is neither a row's nor SMT-only")
        }
        for alias in ["str.to.int", "int.to.str"] {
            #expect(SMTOperators.supports(name: alias, arity: 1))
        }
    }

    /// A commutative operation gives the same value or the same failure either way round.
    @Test func commutativeRowsCommute() {
        var samples = OperatorSamples(seed: "commutative")
        let sorts: [TypeExpr] = [.int, .bool, .string, .bitVector(width: 8), .list(.int)]
        for row in Operators.rows where row.isCommutative {
            #expect(row.arity == 2, "\(row.operation)")
            for type in row.instances(sorts: sorts) {
                for _ in 0..<500 {
                    let a = samples.value(of: type.arguments[0]), b = samples.value(of: type.arguments[1])
                    let ab = Result { () throws(EvaluationFailure) in try row.operation.evaluate(a, b) }
                    let ba = Result { () throws(EvaluationFailure) in try row.operation.evaluate(b, a) }
                    if ab != ba {
                        Issue.record("\(row.name) at \(type): \(ab) one way, \(ba) the other")
                        break
                    }
                }
            }
        }
    }
}
