// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for every input the outside world controls (issue 5). A separate package, so the root
// package's `swift build` / `swift test` never see it. Build and run with `Fuzz/run TARGET [SECONDS]`.
//
// Instrumentation: `Fuzz/run` builds everything (UIMRouter, Yams and libyaml included) with AddressSanitizer and
// libFuzzer's coverage counters (`-sanitize=address -sanitize-coverage=...`), but only the fuzz executables link
// libFuzzer itself (`-sanitize=fuzzer` below). A plain `-Xswiftc -sanitize=fuzzer` would also link libFuzzer
// into UIMRouter's build-tool plugin executable (EmbedPatterns), whose link then fails.
// `name: "UIMRouter"` pins the dependency's identity: a clone may live in a folder of any name.
let package = Package(
    name: "Fuzz",
    dependencies: [.package(name: "UIMRouter", path: "..")],
    targets: fuzzTargets + [
        // libFuzzer's library entry (LLVMFuzzerRunDriver) and a memfd helper, declared for Swift.
        .target(name: "CFuzzerDriver"),
        // What the targets share: the driver, the byte-stream decoder, failure reporting, in-memory files, grammars.
        .target(name: "FuzzKit", dependencies: ["CFuzzerDriver", .product(name: "UIMRouter", package: "UIMRouter")]),
    ],
    swiftLanguageModes: [.v6]
)

/// One executable per target: route, registry, analysis, check, classify, opaque, verify.
var fuzzTargets: [Target] {
    ["FuzzRoute", "FuzzRegistry", "FuzzAnalysis", "FuzzCheck", "FuzzClassify", "FuzzOpaque", "FuzzVerify"].map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzKit", .product(name: "UIMRouter", package: "UIMRouter")],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        )
    }
}
