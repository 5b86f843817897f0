import FuzzDriver
import Bootstrap
import Foundation

/// A folder of this process's own for the run store files, in memory when `/dev/shm` exists;
/// removed when the process exits.
let folder: String = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let path = "\(base)/ouro-fuzz-runstore-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: folder) }
    return path
}()

/// Called once by libFuzzer before the first input. With `OURO_FUZZ_WRITE_SEED=FILE` in the
/// environment, writes a fresh run store with settings, tasks and a grammar to FILE and exits
/// (`scripts/fuzz` builds the seed corpus from it).
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    guard let seed = ProcessInfo.processInfo.environment["OURO_FUZZ_WRITE_SEED"] else { return 0 }
    do {
        let store = try RunStore(path: seed)
        try store.saveSettings(["grammar": "(grammar lists)\n(primitive + \"int -> int -> int\" 0.0)\n", "rounds": "2"])
        _ = try store.register([("train/add.json", "add-1", .train), ("test/add.json", "add-2", .test)])
        try store.saveGrammar("(grammar lists)\n(primitive + \"int -> int -> int\" 0.0)\n(primitive 1 \"int\" 0.0)\n", round: 1)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("cannot write the seed run store: \(error)\n".utf8))
        exit(1)
    }
}

/// The fuzz target: writes the input to a file, opens it read-only as a run store and reads everything
/// a command reads from one (settings, tasks, rounds, frontiers, grammars, rankers,
/// abstractions, the HTML report). A thrown `RunStoreError` is a correct answer.
func fuzzRunStore(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = "\(folder)/run.sqlite"
    for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    guard FileManager.default.createFile(atPath: path, contents: Data(UnsafeBufferPointer(start: data, count: size))) else {
        fatalError("cannot write \(path)")
    }
    // As `ouro library`, `report` and `dream` open a store: read-only.
    if let store = try? RunStore(path: path, access: .readOnly) {
        _ = try? store.settings()
        _ = try? store.tasks()
        if let rounds = try? store.finishedRounds() {
            for round in 0...(rounds.count + 1) {
                _ = try? store.results(round: round)
                _ = try? store.grammarText(round: round)
                _ = try? store.rankerData(round: round)
            }
            _ = try? store.latestFrontiers(upTo: rounds.count)
        }
        _ = try? store.abstractions()
        _ = try? RunReport.html(for: store)
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver with `fuzzRunStore`.
@_cdecl("FuzzRunStore_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzRunStore(data, size) }
}
