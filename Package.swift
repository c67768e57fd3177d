// swift-tools-version: 6.1
import PackageDescription

// UIMRouter: routes a scanned tobacco-pack UIM to the Party whose tracking-and-tracing system issued it.
// Heavy tooling (Benchmarks/, Fuzz/) lives in side packages so that `swift build` / `swift test` stay fast.
// Linux (Glibc) is the supported platform, the only one built and tested, so no other platform is declared.
let package = Package(
    name: "UIMRouter",
    products: [
        .library(name: "UIMRouter", targets: ["UIMRouter"]),
        // The C interface for hosts not written in Swift: libUIMRouterC.so + Sources/UIMRouterC/include/uim_router.h.
        .library(name: "UIMRouterC", type: .dynamic, targets: ["UIMRouterC"]),
        .executable(name: "uim-router", targets: ["uim-router"]),
        // The GSP routing service (issue 17): an HTTP/JSON API on Hummingbird 2. Its own executable, so that the
        // quick start (`swift build --product uim-router`) does not build the server stack.
        .executable(name: "uim-router-server", targets: ["uim-router-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
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
        // The library, as modules in pipeline order (ARCHITECTURE.md): each depends only on modules above it here,
        // which `Scripts/check-module-order` checks in CI. `UIMRouter` re-exports the public ones.
        // 0. The system calls (clocks, files, errno, poll, environment) behind one choke point, `Syscalls`.
        .target(name: "UIMPlatform"),
        // 1. The PCRE2 wrapper: the only module that sees the C library.
        .target(name: "UIMRegex", dependencies: ["CPCRE2"]),
        // 2. The registry as validated data: model, YAML loading with located diagnostics, check algorithms, digest.
        .target(
            name: "UIMRegistry",
            dependencies: [
                "UIMPlatform", "UIMRegex", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // 3. The regex compiler: dialect parser, byte NFA/DFA, per-pattern analysis, multi-pattern automata and tries.
        .target(name: "UIMAutomata", dependencies: ["UIMPlatform", "UIMRegex"]),
        // 4. Routing: the compiled router, results, example checking at load, explanations, embedding and trust.
        .target(
            name: "UIMRouting",
            dependencies: ["UIMPlatform", "UIMRegex", "UIMRegistry", "UIMAutomata",
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "CoreMetrics", package: "swift-metrics")],
            plugins: ["EmbedPatternsPlugin"]
        ),
        // 5. What registry maintainers run: conflicts, lint, sampler, submission check, diff, fmt, schema, benchmarks.
        .target(
            name: "UIMRegistryTools",
            dependencies: [
                "UIMPlatform", "UIMRegex", "UIMRegistry", "UIMAutomata", "UIMRouting",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // 6. Batch classification of seizure lists: readers, the ordered pipeline, encoders, summaries, reports.
        .target(name: "UIMClassify", dependencies: ["UIMPlatform", "UIMRegistry", "UIMRouting"]),
        // 7. The umbrella product: re-exports the modules above, plus the fuzzing SPI that reaches into all of them.
        .target(
            name: "UIMRouter",
            dependencies: ["UIMRegex", "UIMRegistry", "UIMAutomata", "UIMRouting", "UIMRegistryTools", "UIMClassify"]
        ),
        .target(name: "UIMRouterC", dependencies: ["UIMRouter"], exclude: ["include"]),
        .executableTarget(
            name: "uim-router",
            dependencies: ["UIMRouter", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The service: routes, auth, problems, metrics, reload. Only the server executable and its tests import it;
        // the library stays free of the server stack.
        .target(
            name: "UIMRouterService",
            dependencies: [
                "UIMRouter",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.embedInCode("openapi.yaml")]
        ),
        .executableTarget(
            name: "uim-router-server",
            dependencies: ["UIMRouterService", "UIMRouter",
                           .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]
        ),
        .testTarget(
            name: "ServiceTests",
            dependencies: ["UIMRouterService", "UIMRouter",
                           .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        // The library's tests, one target per module (Tests/<Module>Tests), sharing one support target: registry
        // builders, fixtures, seeded generators. `UIMRouterTests` holds what crosses modules (README examples, fuzz
        // regressions).
        .target(name: "UIMRouterTestSupport", dependencies: libraryModules, path: "Tests/UIMRouterTestSupport"),
        .testTarget(name: "UIMRegistryTests", dependencies: libraryTestDependencies),
        .testTarget(name: "UIMAutomataTests", dependencies: libraryTestDependencies),
        .testTarget(
            name: "UIMRoutingTests",
            dependencies: libraryTestDependencies + [.product(name: "MetricsTestKit", package: "swift-metrics")]
        ),
        .testTarget(name: "UIMRegistryToolsTests", dependencies: libraryTestDependencies),
        .testTarget(name: "UIMClassifyTests", dependencies: libraryTestDependencies),
        .testTarget(name: "UIMRouterTests", dependencies: libraryTestDependencies),
        .testTarget(
            name: "CLITests",
            dependencies: ["uim-router"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

/// The library's modules, as the tests see them (each test target may reach into any of them with `@testable`).
var libraryModules: [Target.Dependency] {
    ["UIMRouter", "UIMPlatform", "UIMRegex", "UIMRegistry", "UIMAutomata", "UIMRouting", "UIMRegistryTools",
     "UIMClassify"]
}

/// What a library test target depends on: the modules and the shared test support.
var libraryTestDependencies: [Target.Dependency] { ["UIMRouterTestSupport"] + libraryModules }
