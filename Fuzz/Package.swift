// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for Ouroboros's readers: one executable per reader, each exporting
// `LLVMFuzzerTestOneInput`. Built and run by `scripts/fuzz`, never by the root package's
// `swift build`; see README.md.

// SwiftPM names a package depended on by path after its folder, which differs between clones
// and worktrees (and may even be "fuzz", this package's own name); scripts/fuzz links the
// root package as .build/ouroboros so that its name is always "ouroboros".
let root = "ouroboros"

func fuzzer(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzDriver", .product(name: "Ouroboros", package: root)],
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "OuroborosFuzz",
    dependencies: [.package(path: ".build/ouroboros")],
    targets: [.target(name: "FuzzDriver")]
        + ["FuzzSyGuS", "FuzzGrammar", "FuzzTasks", "FuzzProgram", "FuzzRunStore", "FuzzCorpus"].map(fuzzer)
)
