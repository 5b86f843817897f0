import Foundation
import Testing
import TestSupport

@Suite struct CompressCommandTests {
    private func write(_ text: String, named name: String, in directory: URL) throws -> String {
        let file = directory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func printsAbstractionsCostsAndRatio() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = try write("(lam (f (g $0) c))\n(lam (f (g $0) d))\n(lam (f (g $0) e))\n", named: "corpus.txt", in: directory)
        let outcome = try TestSupport.ouro(["compress", corpus])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == """
            fn_0 (arity 1, 3 uses, utility 305): (lam (f (g $0) #0))
            cost 1212 -> 603, compression ratio 2.0100

            """)
        #expect(outcome.standardError.isEmpty)
    }

    @Test func jsonIsShapedLikeStitchAndOutWritesTheRewrittenCorpus() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = try write(#"["(lam (f (g $0) c))", "(lam (f (g $0) d))", "(lam (f (g $0) e))"]"#, named: "corpus.json", in: directory)
        let out = directory.appendingPathComponent("rewritten.json").path
        let outcome = try TestSupport.ouro(["compress", corpus, "--json", "--iterations", "3", "--max-arity", "2", "--out", out])
        #expect(outcome.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(object["original_cost"] as? Int == 1212)
        #expect(object["final_cost"] as? Int == 603)
        #expect(object["compression_ratio"] as? Double == 1212.0 / 603.0)
        #expect(object["rewritten"] as? [String] == ["(fn_0 c)", "(fn_0 d)", "(fn_0 e)"])
        let abstractions = try #require(object["abstractions"] as? [[String: Any]])
        #expect(abstractions.count == 1)
        #expect(abstractions[0]["name"] as? String == "fn_0")
        #expect(abstractions[0]["arity"] as? Int == 1)
        #expect(abstractions[0]["body"] as? String == "(lam (f (g $0) #0))")
        #expect(abstractions[0]["uses"] as? Int == 3)
        #expect(abstractions[0]["utility"] as? Int == 305)
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String]
        #expect(written == ["(fn_0 c)", "(fn_0 d)", "(fn_0 e)"])
    }

    @Test func malformedCorporaNameFileLineAndColumn() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = try write("[\"(f a)\",\n  3]", named: "bad.json", in: directory)
        let text = try write("(f a)\n(f (g $0) #1)\n", named: "bad.txt", in: directory)
        for (file, message) in [
            (json, "\(json):2:3: expected a program string, found the number 3\n"),
            (text, "\(text):2:11: abstraction argument '#1' outside an abstraction body\n"),
            ("nowhere.json", "nowhere.json: no such file\n"),
        ] {
            let outcome = try TestSupport.ouro(["compress", file])
            #expect(outcome.status == 2)
            #expect(outcome.standardError == message)
            #expect(outcome.standardOutput.isEmpty)
        }
    }

    @Test func typedCorpusBecomesALibraryThatLibraryPrints() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = try write("""
            (lambda (map (lambda (+ $0 1)) (cdr $0)))
            (lambda (map (lambda (* $0 $0)) (cdr $0)))
            (lambda (map (lambda (- $0 1)) (cdr $0)))

            """, named: "corpus.txt", in: directory)
        let library = directory.appendingPathComponent("library.grammar").path
        let out = directory.appendingPathComponent("rewritten.txt").path
        let compress = try TestSupport.ouro([
            "compress", corpus, "--grammar", "Grammars/lists.grammar", "--library", library, "--out", out, "--iterations", "1",
        ])
        #expect(compress.status == 0)
        #expect(compress.standardOutput.hasPrefix("fn_0 : list(t0) -> (t0 -> t1) -> list(t1) (arity 2, 3 uses, utility 100): (map #1 (cdr #0))\n"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == """
            (lambda (fn_0 $0 (lambda (+ $0 1))))
            (lambda (fn_0 $0 (lambda (* $0 $0))))
            (lambda (fn_0 $0 (lambda (- $0 1))))

            """)

        let shown = try TestSupport.ouro(["library", library, "--corpus", out])
        #expect(shown.status == 0)
        let lines = shown.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "grammar lists: 22 primitives, 1 abstractions")
        #expect(lines[2].hasPrefix("fn_0 : list(t0) -> (t0 -> t1) -> list(t1)   (log weight "))
        #expect(lines[3...5] == ["  (map #1 (cdr #0))", "  = (lambda (lambda (map $0 (cdr $1))))", "  used 3 times in \(out), saves 303"])
    }

    @Test func typedCorpusErrorsAndOptionMisuseExitTwo() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let unknown = try write("(lambda (map (lambda (frobnicate $0)) $0))\n", named: "unknown.txt", in: directory)
        let outcome = try TestSupport.ouro(["compress", unknown, "--grammar", "Grammars/lists.grammar"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError == "\(unknown):1:23: unknown operator 'frobnicate'\n")

        let usage = try TestSupport.ouro(["compress", unknown, "--library", "x.grammar"])
        #expect(usage.status == 2)
        #expect(usage.standardError.contains("--library needs --grammar."))
    }
}
