import FuzzDriver
import Foundation
import Grammar
import Language
import Compression

/// The bundled lists grammar, for reading a corpus as typed programs (`ouro compress --grammar`).
let lists: PrimitiveTable = {
    let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Grammars/lists.grammar")
    let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    return (try? Grammar(parsing: text))?.primitiveTable ?? .builtins()
}()

/// The fuzz target: reads the input as an `ouro compress` corpus, untyped (Stitch's terms)
/// and typed against the lists grammar, as `ouro compress` does. A thrown `SyntaxError` is
/// a correct answer.
func fuzzCorpus(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let corpus = try? Corpus(parsing: text) {
        for term in corpus.programs { _ = term.description }
    }
    _ = try? Corpus.read(text) { source throws(SyntaxError) in
        let program = try Program(parsing: source, primitives: lists)
        return try? program.inferType()
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with `fuzzCorpus`.
@_cdecl("FuzzCorpus_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzCorpus(data, size) }
}
