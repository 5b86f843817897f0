@testable import Bootstrap
import Foundation
import Testing
import TestSupport

/// `ouro results RUN`: one row per task and round, as text, JSON lines or CSV.
@Suite struct ResultsCommandTests {
    /// A finished round 0 over two tasks, one named with a terminal escape.
    private func run(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("run.sqlite").path
        let store = try RunStore(path: path)
        let tasks = try store.register([("a.json", "sum", .train), ("b.json", "clear\u{1B}[2Jscreen", .test)])
        try store.record(round: 0, StoredResult(task: tasks[0].id, solved: true, seconds: 0.0125, candidates: 9353, reason: nil, frontier: [
            StoredProgram(program: "(lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))", logPrior: -14.889, logLikelihood: 0),
        ]))
        try store.record(round: 0, StoredResult(task: tasks[1].id, solved: false, seconds: 2, candidates: 40, reason: "timeout", frontier: []))
        try store.finish(RoundSummary(round: 0, trainSolved: 1, trainTotal: 1, testSolved: 0, testTotal: 1, newAbstractions: 0, librarySize: 0,
                                      seconds: 2.1, medianCandidatesTest: nil), nextGrammar: nil, nextRanker: nil, abstractions: [])
        return path
    }

    @Test func textRowsNameTheProgramOrTheReasonAndEscapeControlCharacters() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try run(in: directory)
        let outcome = try TestSupport.ouro(["results", path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == """
            round 0 train sum: solved (lambda (fold $0 0 (lambda (lambda (+ $0 $1)))))  log prior -14.89, 0.01 s, 9353 candidates
            round 0 test clear\\u001B[2Jscreen: unsolved (timeout), 2.00 s, 40 candidates
            solved: round 0 1/2

            """)
    }

    @Test func jsonAndCSVGiveOneRowPerTask() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try run(in: directory)
        let json = try TestSupport.ouro(["results", path, "--json", "--round", "0"])
        #expect(json.status == 0)
        let objects = try json.standardOutput.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["task"] as? String } == ["sum", "clear\u{1B}[2Jscreen"])
        #expect(objects[1]["reason"] as? String == "timeout")
        let csv = try TestSupport.ouro(["results", path, "--csv"])
        #expect(csv.standardOutput.hasPrefix("round,split,file,task,solved,program,logPrior,seconds,candidates,reason,bank\r\n0,train,a.json,sum,true,"))
    }

    @Test func aRoundTheRunDoesNotHaveAndConflictingFormatsAreRefused() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try run(in: directory)
        let missing = try TestSupport.ouro(["results", path, "--round", "3"])
        #expect(missing.status == 2)
        #expect(missing.standardError == "\(path): has no round 3; its rounds are 0 … 0\n")
        let both = try TestSupport.ouro(["results", path, "--json", "--csv"])
        #expect(both.status == 2)
        #expect(both.standardError.contains("Give --json or --csv, not both."))
    }
}
