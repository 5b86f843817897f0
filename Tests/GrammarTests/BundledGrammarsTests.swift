import Foundation
import Grammar
import Testing
import TestSupport

@Suite struct BundledGrammarsTests {
    /// The texts in the binary are the files of `Grammars/` (run `scripts/embed-grammars` after editing one).
    @Test func theBundledGrammarsAreTheFilesOfGrammars() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("Grammars"))
            .filter { $0.hasSuffix(".grammar") }.map { String($0.dropLast(".grammar".count)) }.sorted()
        #expect(BundledGrammars.names == files)
        for name in files {
            #expect(BundledGrammars.text(named: name) == (try TestSupport.text("Grammars/\(name).grammar")), "\(name)")
            let grammar = try #require(BundledGrammars.grammar(named: name))
            #expect(grammar.name == name)
        }
        #expect(BundledGrammars.text(named: "lists.grammar") == nil)
    }
}
