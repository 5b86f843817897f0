import FuzzDriver
import Tasks

/// The fuzz target: reads the input as a SyGuS-IF problem and prints its constraints.
/// A thrown `SyGuSError` is a correct answer; only a crash, a hang or a sanitizer report is a finding.
func fuzzSyGuS(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let problem = try? SyGuSProblem(parsing: text) {
        for constraint in problem.constraints { _ = problem.text(of: constraint, function: nil) }
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with `fuzzSyGuS`.
@_cdecl("FuzzSyGuS_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzSyGuS(data, size) }
}
