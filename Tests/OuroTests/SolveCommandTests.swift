import Domains
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

    @Test func oneFilePrintsTheAnswerInTheStandardsResponseForm() throws {
        let outcome = try TestSupport.ouro(["solve", "Problems/bitvec/test/turn-off-rightmost-one-64.sl"])
        #expect(outcome.status == 0)
        let lines = outcome.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines.first == "(")
        #expect(lines[1].hasPrefix("(define-fun f ((x (_ BitVec 64))) (_ BitVec 64) "))
        #expect(lines.suffix(2) == [")", ""])
        let bare = try TestSupport.ouro(["solve", "--bare", "Problems/bitvec/test/turn-off-rightmost-one-64.sl"])
        #expect(bare.standardOutput == lines[1] + "\n")
    }

    @Test func aMalformedFileIsReportedAndTheRestOfTheBatchIsSolved() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.sl")
        try "(set-logic BV)\n(synth-fun f ((x (_ BitVec 8))) (_ BitVec 8))\n(constraint (= (f x) #x00))\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let good = ["Problems/bitvec/test/sign-64.sl", "Problems/lia/test/max4.sl"]
        let outcome = try TestSupport.ouro(["solve", good[0], file.path, good[1]])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(file.path):3:19: unknown variable 'x'\n")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        for name in good { #expect(lines.contains { $0.hasPrefix("\(name): ((define-fun ") }) }
        #expect(lines.last == "solved 2/2; 1 file not read")
    }

    @Test func aFolderIsSolvedFileByFileAndStandardInputIsRead() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("more"), withIntermediateDirectories: true)
        try TestSupport.text("Problems/lia/test/max4.sl").write(to: directory.appendingPathComponent("a.sl"), atomically: true, encoding: .utf8)
        try TestSupport.text("Problems/bitvec/test/sign-64.sl").write(to: directory.appendingPathComponent("more/b.sl"), atomically: true, encoding: .utf8)
        try "not a problem".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let outcome = try TestSupport.ouro(["solve", directory.path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.contains { $0.hasPrefix("\(directory.path)/a.sl: ((define-fun max4 ") })
        #expect(lines.contains { $0.hasPrefix("\(directory.path)/more/b.sl: ((define-fun f ") })
        #expect(lines.last == "solved 2/2")

        let piped = try TestSupport.ouro(["solve", "-", "--json"], input: try TestSupport.text("Problems/lia/test/max4.sl"))
        #expect(piped.status == 0, "\(piped.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(piped.standardOutput.utf8)) as? [String: Any])
        #expect(object["file"] as? String == "<stdin>")
        #expect(object["task"] as? String == "<stdin>")
        #expect(object["solved"] as? Bool == true)
        // JSON tasks on standard input are read as JSON tasks, by their first character.
        let tasks = try TestSupport.ouro(["solve", "-", "--json", "--grammar", "lists", "--timeout", "5"],
                                         input: try TestSupport.text("Problems/lists/train/mapping.json"))
        #expect(tasks.status == 0 || tasks.status == 3, "\(tasks.standardError)")
        let rows = tasks.standardOutput.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(rows.count == (try ExampleTask.readAll(json: TestSupport.text("Problems/lists/train/mapping.json"))).count)
        #expect(rows.allSatisfy { $0["file"] as? String == "<stdin>" } && rows.contains { $0["solved"] as? Bool == true })
        let empty = try TestSupport.ouro(["solve", directory.appendingPathComponent("more").path + "/../notes-folder"])
        #expect(empty.status == 2)
        #expect(empty.standardError == "\(directory.path)/more/../notes-folder: no such file or folder\n")
    }

    @Test func severalFilesAreLabelledByFileAndCounted() throws {
        let files = ["Problems/bitvec/test/isolate-rightmost-one-64.sl", "Problems/strings/test/last-char.sl"]
        let outcome = try TestSupport.ouro(["solve", "--jobs", "2"] + files)
        #expect(outcome.status == 0)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        for file in files {
            #expect(lines.contains { $0.hasPrefix("\(file): ((define-fun ") })
        }
        #expect(lines.last == "solved 2/2")
    }
}
