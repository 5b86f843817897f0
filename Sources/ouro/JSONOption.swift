import ArgumentParser
import Foundation

/// `--json`, shared by every command that prints results: JSON instead of text, one object
/// per line (camelCase keys, except `compress`, which mirrors stitch-core's result).
struct JSONOption: ParsableArguments {
    @Flag(help: "Print the results as JSON, one object per line.")
    var json = false

    /// One object as a line of JSON, keys sorted.
    static func line(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
