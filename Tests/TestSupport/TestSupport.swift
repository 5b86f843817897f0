import Foundation

/// Helpers the test targets share: where the package's files are, and running `ouro`.
public enum TestSupport {
    /// The package's root folder (holding `Grammars/`, `Problems/`, `Tests/`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The path of a file relative to the package root.
    public static func path(_ relative: String) -> String {
        packageRoot.appendingPathComponent(relative).path
    }

    /// The text of a file relative to the package root.
    public static func text(_ relative: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The `ouro` binary built beside the test bundle.
    public static var ouroExecutable: URL {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundleDirectory, bundleDirectory.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("ouro")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/ouro")
    }

    /// What a finished `ouro` process printed and how it exited.
    public struct Outcome: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// Runs `ouro` with `arguments` in `directory` (by default the package root) and waits for
    /// it; `input`, when given, is its standard input.
    public static func ouro(_ arguments: [String], input: String? = nil, executable: URL? = nil, in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable ?? ouroExecutable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        try process.run()
        if let input, let inputPipe {
            // Small inputs only: written whole before the output is read.
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        // Read both pipes before waiting, so a full pipe cannot block the child. The condition
        // hands the standard error over from the reading thread (polling `Thread.isFinished`
        // is a data race under ThreadSanitizer).
        let handOver = NSCondition()
        nonisolated(unsafe) var errorData: Data?
        Thread {
            let data = error.fileHandleForReading.readDataToEndOfFile()
            handOver.lock()
            errorData = data
            handOver.signal()
            handOver.unlock()
        }.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        handOver.lock()
        while errorData == nil { handOver.wait() }
        handOver.unlock()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData!, as: UTF8.self)
        )
    }

    /// Writes `text` to the file `name` in `directory` and returns the file's path.
    public static func write(named name: String, in directory: URL, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs SQL on a file with Python's sqlite3 (another program, as a user's tool would) and
    /// returns its exit status.
    @discardableResult
    public static func sqlite(_ path: String, _ sql: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit(); c.close()", path, sql]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A fresh temporary folder for one test.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ouro-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Another process (Python's sqlite3) holding an exclusive lock on an SQLite file for
    /// `seconds`. (It exits by itself: processes started from test threads inherit blocked
    /// signals, so `terminate()` cannot end them.)
    public final class LockHolder {
        private let process = Process()

        public init(path: String, seconds: Double) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            // It first closes the descriptors it inherited (other tests' pipes), so that no
            // test waits for it.
            process.arguments = ["python3", "-c", """
                import os, sqlite3, sys, time
                os.closerange(3, 65536)
                c = sqlite3.connect(sys.argv[1], isolation_level=None)
                c.execute("BEGIN EXCLUSIVE")
                print("locked", flush=True)
                os.close(1)
                time.sleep(float(sys.argv[2]))
                """, path, String(seconds)]
            let output = Pipe()
            process.standardOutput = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // Wait until the lock is held.
            let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            guard line.hasPrefix("locked") else { throw CocoaError(.fileLocking) }
        }

        /// Waits for the lock to be given up.
        public func wait() {
            process.waitUntilExit()
        }
    }
}
