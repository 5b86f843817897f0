import Foundation
import Testing
import TestSupport

/// Files commands write (`-o/--output`) never damage what is at the path: devices, FIFOs and
/// directories are refused, symbolic and hard links keep working, and a run store or a file
/// the command reads is overwritten only with `--force`.
@Suite struct OutputFileCommandTests {
    /// A finished one-round run over the mapping tasks, in `directory`.
    static func run(in directory: URL, name: String = "run.sqlite") throws -> String {
        let path = directory.appendingPathComponent(name).path
        let outcome = try TestSupport.ouro([
            "bootstrap", "--train", "Problems/lists/train/mapping.json", "--test", "Problems/lists/test/mapping.json",
            "--rounds", "0", "--timeout", "0.2", "--jobs", "1", "--no-ranker", "--abstractions", "0", "--run", path,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return path
    }

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func aFIFOOrADirectoryAtTheOutputPathIsRefusedAndLeftAsItWas() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.run(in: directory)
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        var outcome = try TestSupport.ouro(["report", store, "-o", fifo])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(fifo): is a FIFO (named pipe), not a regular file; give the path of a file to write\n")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)

        let folder = directory.appendingPathComponent("folder").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        outcome = try TestSupport.ouro(["library", store, "-o", folder])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(folder): is a directory, not a regular file; give the path of a file to write\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aRunStoreIsNeverOverwrittenWithoutForce() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.run(in: directory)
        let other = try Self.run(in: directory, name: "other.sqlite")
        let before = try bytes(store), otherBefore = try bytes(other)

        var outcome = try TestSupport.ouro(["report", store, "-o", store])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(store): is the run store this command reads; it is not overwritten (give --force to replace it)\n")
        outcome = try TestSupport.ouro(["library", store, "--export", other])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(other): is a run store of `ouro bootstrap`; it is not overwritten (give --force to replace it)\n")
        #expect(try bytes(store) == before)
        #expect(try bytes(other) == otherBefore)

        outcome = try TestSupport.ouro(["report", store, "-o", other, "--force"])
        #expect(outcome.status == 0)
        #expect(String(decoding: try bytes(other), as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
    }

    @Test func aSymbolicLinkIsFollowedAndAHardLinkKeepsBothNames() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.run(in: directory)
        let target = directory.appendingPathComponent("target.html").path
        let alias = directory.appendingPathComponent("alias.html").path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: "target.html")
        var outcome = try TestSupport.ouro(["report", store, "-o", alias])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: alias) == "target.html")
        #expect(String(decoding: try bytes(target), as: UTF8.self).hasPrefix("<!DOCTYPE html>"))

        let first = directory.appendingPathComponent("first.grammar").path
        let second = directory.appendingPathComponent("second.grammar").path
        try "old".write(toFile: first, atomically: false, encoding: .utf8)
        #expect(link(first, second) == 0)
        outcome = try TestSupport.ouro(["library", store, "-o", second])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try bytes(first) == bytes(second))
        #expect(String(decoding: try bytes(first), as: UTF8.self).hasPrefix("(grammar lists)"))
        #expect(try FileManager.default.attributesOfItem(atPath: first)[.referenceCount] as? Int == 2)
    }

    @Test func compressAndTrainTakeOutputAndKeepTheirFormerSpellings() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = directory.appendingPathComponent("corpus.txt").path
        try "(lam (f (g $0) c))\n(lam (f (g $0) d))\n(lam (f (g $0) e))\n".write(toFile: corpus, atomically: true, encoding: .utf8)
        for option in ["-o", "--output", "--out"] {
            let out = directory.appendingPathComponent("rewritten\(option).txt").path
            let outcome = try TestSupport.ouro(["compress", corpus, option, out])
            #expect(outcome.status == 0, "\(option): \(outcome.standardError)")
            #expect(try String(contentsOfFile: out, encoding: .utf8) == "(fn_0 c)\n(fn_0 d)\n(fn_0 e)\n")
        }
        // The corpus itself is an input: not overwritten without --force.
        var outcome = try TestSupport.ouro(["compress", corpus, "-o", corpus])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(corpus): is the corpus this command reads; it is not overwritten (give --force to replace it)\n")

        let model = directory.appendingPathComponent("model.json").path
        outcome = try TestSupport.ouro([
            "train", "Problems/lists/train/mapping.json", "--solutions", "Tests/OuroTests/Fixtures/mapping-solutions.jsonl",
            "--grammar", "Grammars/lists.grammar", "-o", model, "--dreams", "0", "--epochs", "1",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(FileManager.default.fileExists(atPath: model))
        outcome = try TestSupport.ouro(["train", "Problems/lists/train/mapping.json", "--solutions", "Tests/OuroTests/Fixtures/mapping-solutions.jsonl",
                                        "--grammar", "Grammars/lists.grammar", "--dreams", "0"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("Give -o/--output, the file to write the model to"))
    }
}
