import Foundation
import SMT

/// What `ouro --version` prints: the release, the commit the binary was built from, and the
/// Z3 library it runs with. The commit is read from `ouro.commit` beside the executable, which
/// `scripts/stamp-commit` writes after a build (`scripts/run` and `scripts/test` run it); a
/// binary without one says "unknown commit". Nothing runs git when `ouro` runs.
enum OuroVersion {
    static let release = "0.1.0"

    /// The name of the file beside the executable that holds the commit.
    static let commitFileName = "ouro.commit"

    static var text: String {
        "ouro \(release) (\(commit.map { "commit \($0)" } ?? "unknown commit"), Z3 \(Z3Version.number))"
    }

    /// The commit in `ouro.commit` beside the executable: its first line, if it is a short
    /// run of hexadecimal digits (with `-dirty` when the tree had changes).
    static var commit: String? {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let file = executable.deletingLastPathComponent().appendingPathComponent(commitFileName)
        guard let data = try? Data(contentsOf: file), data.count < 1_000 else { return nil }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        let hash = line.hasSuffix("-dirty") ? line.dropLast(6) : Substring(line)
        guard (7...40).contains(hash.count), hash.allSatisfy(\.isHexDigit) else { return nil }
        return line
    }
}
