import FuzzDriver
import Domains

/// The fuzz target: reads the input as a JSON task file. A thrown `TaskFileError` is a
/// correct answer, and its message is formatted to exercise the field paths.
func fuzzTasks(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try ExampleTask.readAll(json: text)
    } catch {
        _ = error.description
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with `fuzzTasks`.
@_cdecl("FuzzTasks_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzTasks(data, size) }
}
