// swift-tools-version: 6.1
import PackageDescription

// UIMRouter: routes a scanned tobacco-pack UIM to the Party whose tracking-and-tracing system issued it.
// Heavy tooling (Benchmarks/, Fuzz/) lives in side packages so that `swift build` / `swift test` stay fast.
let package = Package(
    name: "UIMRouter",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "UIMRouter", targets: ["UIMRouter"]),
        // The C interface for hosts not written in Swift: libUIMRouterC.so + Sources/UIMRouterC/include/uim_router.h.
        .library(name: "UIMRouterC", type: .dynamic, targets: ["UIMRouterC"]),
        .executable(name: "uim-router", targets: ["uim-router"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    ],
    targets: [
        // libpcre2-8 from the system (Debian: libpcre2-dev). Module map + one shim header, nothing else.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // Build tool: turns Patterns/*.yaml into Swift source so the bundled registry travels inside the binary.
        .executableTarget(name: "EmbedPatterns", path: "Plugins/EmbedPatternsTool"),
        .plugin(
            name: "EmbedPatternsPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedPatterns"],
            path: "Plugins/EmbedPatternsPlugin"
        ),
        .target(
            name: "UIMRouter",
            dependencies: ["CPCRE2", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "CoreMetrics", package: "swift-metrics")],
            plugins: ["EmbedPatternsPlugin"]
        ),
        .target(name: "UIMRouterC", dependencies: ["UIMRouter"], exclude: ["include"]),
        .executableTarget(
            name: "uim-router",
            dependencies: ["UIMRouter", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "UIMRouterTests",
            dependencies: ["UIMRouter", .product(name: "MetricsTestKit", package: "swift-metrics")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["uim-router"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
