import FuzzDriver
import Grammar

/// The fuzz target: reads the input as a grammar file, writes the grammar back out and
/// reads that again. A thrown `GrammarError` is a correct answer.
func fuzzGrammar(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let grammar = try? Grammar(parsing: text) {
        _ = try? Grammar(parsing: grammar.fileText)
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with `fuzzGrammar`.
@_cdecl("FuzzGrammar_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzGrammar(data, size) }
}
