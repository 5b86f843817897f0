import Foundation
import Language
import Tasks
import Testing
import TestSupport
import Verification

/// `ouro solve` end to end: the printed answers are read back and verified independently
/// of the run that found them (the answer text replaces the `synth-fun`, and the constraints
/// are checked against it by Z3 or, for examples, by evaluation).
@Suite struct SolveCommandTests {
    static let files = [
        "Problems/bitvec/test/isolate-rightmost-one-64.sl",
        "Problems/bitvec/test/turn-off-rightmost-one-64.sl",
        "Problems/lia/test/max4.sl",
        "Problems/lia/test/clamp-0-100.sl",
        "Problems/strings/test/email-user.sl",
        "Problems/strings/test/last-char.sl",
    ]

    /// The problem's text with each `synth-fun` replaced by the matching `define-fun` of `answer`.
    static func substitute(_ answer: String, into problem: String) throws -> String {
        let definitions = try SExpression.readAll(answer)
        var byName: [String: SExpression] = [:]
        for definition in definitions {
            if let name = definition.elements?[1].symbol { byName[name] = definition }
        }
        let forms = try SExpression.readAll(problem).map { form -> SExpression in
            if form.isForm("synth-fun"), let name = form.elements?[1].symbol, let definition = byName[name] { return definition }
            return form
        }
        return forms.map(\.description).joined(separator: "\n")
    }

    @Test(arguments: files)
    func answersVerifyIndependently(file: String) throws {
        let outcome = try TestSupport.ouro(["solve", "--json", "--timeout", "60", file])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let line = try #require(outcome.standardOutput.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["solved"] as? Bool == true)
        #expect(object["file"] as? String == file)
        for key in ["task", "program", "answer", "logPrior", "seconds", "candidates", "frontier"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let answer = try #require(object["answer"] as? String)
        let checked = try SyGuSProblem(parsing: try Self.substitute(answer, into: try TestSupport.text(file)))
        #expect(checked.functions.isEmpty)
        #expect(try Verifier(problem: checked).verify([:]) == .verified)
    }

    @Test func oneFilePrintsTheAnswerAlone() throws {
        let outcome = try TestSupport.ouro(["solve", "Problems/bitvec/test/turn-off-rightmost-one-64.sl"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix("(define-fun f ((x (_ BitVec 64))) (_ BitVec 64) "))
        #expect(outcome.standardOutput.split(separator: "\n").count == 1)
    }

    @Test func noAnswerInTimeIsUnknownWithExitThree() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("impossible.sl")
        // Shifts alone can never compute bvnot.
        try """
            (set-logic BV)
            (synth-fun f ((x (_ BitVec 8))) (_ BitVec 8) ((Start (_ BitVec 8))) ((Start (_ BitVec 8) (x (bvshl Start Start)))))
            (declare-var x (_ BitVec 8))
            (constraint (= (f x) (bvnot x)))
            (check-synth)
            """.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try TestSupport.ouro(["solve", "--timeout", "0.5", file.path])
        #expect(outcome.status == 3)
        #expect(outcome.standardOutput == "unknown\n")
    }

    @Test func malformedProblemIsBadInputBeforeAnySearch() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.sl")
        try "(set-logic BV)\n(synth-fun f ((x (_ BitVec 8))) (_ BitVec 8))\n(constraint (= (f x) #x00))\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let outcome = try TestSupport.ouro(["solve", file.path, "Problems/bitvec/test/sign-64.sl"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(file.path):3:19: unknown variable 'x'\n")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func severalFilesAreLabelledByFile() throws {
        let files = ["Problems/bitvec/test/isolate-rightmost-one-64.sl", "Problems/strings/test/last-char.sl"]
        let outcome = try TestSupport.ouro(["solve", "--jobs", "2"] + files)
        #expect(outcome.status == 0)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        for file in files {
            #expect(lines.contains { $0.hasPrefix("\(file): (define-fun ") })
        }
    }
}
