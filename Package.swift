// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Ouroboros",
    products: [
        .executable(name: "ouro", targets: ["ouro"]),
        .library(name: "Ouroboros", targets: [
            "SMT", "Language", "Grammar", "Compression", "Ranking", "Domain", "Tasks", "Search", "Verification", "Synthesis", "Domains", "Bootstrap",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZ3",
            pkgConfig: "z3",
            providers: [.apt(["libz3-dev"])]
        ),
        .target(name: "SMT", dependencies: ["CZ3"]),
        .target(name: "Language"),
        .target(name: "Grammar", dependencies: ["Language"]),
        .target(name: "Compression", dependencies: ["Language", "Grammar"]),
        .target(name: "Ranking", dependencies: ["Language", "Grammar"]),
        .target(name: "Domain", dependencies: ["Language", "Grammar", "Ranking", "Search"]),
        .target(name: "Tasks", dependencies: ["Language", "Grammar"]),
        // The enumerators' inner loops read the bank's arrays, stored properties of a class, for
        // every candidate; in release builds the run-time exclusivity check on each of those reads
        // took a fifth of a search's time (perf). Debug builds, and so the tests, keep the checks.
        .target(
            name: "Search", dependencies: ["Language", "Grammar", "Tasks"],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .target(name: "Verification", dependencies: ["Language", "Tasks", "SMT"]),
        .target(name: "Synthesis", dependencies: ["Language", "Grammar", "Tasks", "Search", "Verification", "Domain"]),
        .target(
            name: "Domains",
            dependencies: ["Language", "Grammar", "Tasks", "Search", "Verification", "Synthesis", "Compression", "Ranking", "Domain"]
        ),
        .target(
            name: "Bootstrap",
            dependencies: [
                "Language", "Grammar", "Compression", "Ranking", "Domain", "Search",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "ouro",
            dependencies: [
                // The command line knows the domains only through their list (Domains) and the seam.
                "Language", "Grammar", "SMT", "Compression", "Ranking", "Domain", "Domains", "Bootstrap",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SMTTests", dependencies: ["SMT"]),
        .testTarget(name: "LanguageTests", dependencies: ["Language", "SMT"]),
        .testTarget(name: "GrammarTests", dependencies: ["Grammar", "Language", "TestSupport"]),
        .testTarget(name: "TasksTests", dependencies: ["Tasks", "Domains", "Language", "TestSupport"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Tasks", "Language", "Grammar", "TestSupport"]),
        .testTarget(name: "VerificationTests", dependencies: ["Verification", "Tasks", "Language", "SMT", "TestSupport"]),
        .testTarget(name: "SynthesisTests", dependencies: ["Synthesis", "Domains", "Domain", "Tasks", "Language", "TestSupport"]),
        .testTarget(
            name: "LearningTests",
            dependencies: ["Compression", "Ranking", "Domains", "Domain", "Language", "Grammar", "Tasks", "Synthesis", "TestSupport"],
            exclude: ["Fixtures"]  // read by path
        ),
        .testTarget(
            name: "BootstrapTests",
            dependencies: [
                "Bootstrap", "Compression", "Ranking", "Domain", "Domains", "Grammar", "Tasks", "Language", "Search", "Synthesis",
                "Verification", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "OuroTests", dependencies: ["ouro", "TestSupport", "Language", "Tasks", "Domains", "Domain", "Verification", "Bootstrap"],
            exclude: ["Fixtures"]  // read by path
        ),
    ]
)
