import Domains
import Foundation
import TestSupport
import Testing

/// The bundled list problems (`Problems/lists`) read completely and keep their promises.
@Suite struct ListProblemsTests {
    /// Every task in `Problems/lists/SPLIT`, with the file it came from.
    static func tasks(_ split: String) throws -> [(file: String, task: ExampleTask)] {
        let folder = "Problems/lists/\(split)"
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path(folder))
            .filter { $0.hasSuffix(".json") }.sorted()
        var result: [(String, ExampleTask)] = []
        for file in files {
            let text = try TestSupport.text("\(folder)/\(file)")
            do {
                result += try ExampleTask.readAll(json: text).map { ("\(folder)/\(file)", $0) }
            } catch {
                Issue.record("\(folder)/\(file): \(error)")
            }
        }
        return result
    }

    @Test func everyFileReadsWithAtLeastTenExamplesPerTask() throws {
        let train = try Self.tasks("train"), test = try Self.tasks("test")
        #expect(train.count + test.count >= 80)
        #expect(test.count * 4 >= train.count && train.count >= test.count)
        for (file, task) in train + test {
            #expect(task.examples.count >= 10, "\(file): \(task.name)")
            #expect(task.request.arguments.count >= 1, "\(file): \(task.name)")
        }
        let names = (train + test).map(\.task.name)
        #expect(Set(names).count == names.count, "a task name is used twice")
    }

    @Test func requestsAreTheListDomainsTypes() throws {
        let requests = Set(try (Self.tasks("train") + Self.tasks("test")).map { "\($0.task.request)" })
        let allowed: Set = [
            "list(int) -> list(int)", "list(int) -> int", "list(int) -> bool", "list(int) -> list(bool)",
            "int -> list(int)", "int -> int", "list(int) -> list(int) -> list(int)", "int -> list(int) -> list(int)",
            "int -> list(int) -> int", "int -> int -> list(int)",
        ]
        #expect(requests.subtracting(allowed).isEmpty, "unexpected requests \(requests.subtracting(allowed))")
    }
}
