// swift-tools-version: 6.1
import PackageDescription

// Routing benchmarks on ordo-one/benchmark, in their own package so that the root's `swift build` / `swift test`
// never fetch or compile it. Run: cd Benchmarks && swift package benchmark   (see README.md)
let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // `name:` fixes the identity whatever the checkout folder is called.
        .package(name: "UIMRouter", path: ".."),
        // Only the malloc interposer: the default RuntimeInterposer trait pulls a package that is not mirrored here.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "RoutingBenchmarks",
            dependencies: [
                .product(name: "UIMRouter", package: "UIMRouter"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RoutingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
