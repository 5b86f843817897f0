import FuzzDriver
import Foundation
import Grammar
import Language

/// The tables a program is read against: the builtins at two bit-vector widths, the bundled
/// lists grammar's primitives, and the untyped (opaque) table of corpora.
let tables: [PrimitiveTable] = {
    let grammars = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Grammars/lists.grammar")
    let text = (try? String(contentsOf: grammars, encoding: .utf8)) ?? ""
    let lists = (try? Grammar(parsing: text))?.primitiveTable ?? .builtins()
    return [.builtins(bitVectorWidth: 64), .builtins(bitVectorWidth: 32), lists, .opaque]
}()

/// The fuzz target: the first byte picks a primitive table, the rest is read as a program,
/// which is then printed and its type inferred. A thrown `SyntaxError` is a correct answer.
func fuzzProgram(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let table = tables[Int(data[0]) % tables.count]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    if let program = try? Program(parsing: text, primitives: table) {
        _ = program.description
        _ = try? program.inferType()
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with `fuzzProgram`.
@_cdecl("FuzzProgram_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzProgram(data, size) }
}
