// swift-tools-version: 6.1
import PackageDescription

// Performance harnesses, kept out of the root package so that users and CI never build them.
// Run in release mode: `swift run -c release EvaluationBenchmark` from this folder.
let package = Package(
    name: "OuroborosBenchmarks",
    dependencies: [
        .package(name: "Ouroboros", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "EvaluationBenchmark",
            dependencies: [.product(name: "Ouroboros", package: "Ouroboros")]
        ),
        .executableTarget(
            name: "TopDownBenchmark",
            dependencies: [.product(name: "Ouroboros", package: "Ouroboros")]
        ),
        .executableTarget(
            name: "CompiledEvaluationBenchmark",
            dependencies: [.product(name: "Ouroboros", package: "Ouroboros")]
        ),
        .executableTarget(
            name: "SearchBenchmark",
            dependencies: [.product(name: "Ouroboros", package: "Ouroboros")]
        ),
    ]
)
