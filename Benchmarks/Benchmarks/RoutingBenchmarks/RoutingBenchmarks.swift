// Routing on the bundled registry and on generated registries of 100, 1,000 and 10,000 patterns: the router
// party-only and with fields, and in the same run its baselines (the plain prefix trie + PCRE2, the naive scan),
// registry build time and memory, batch throughput. One measured iteration routes 1,000 UIMs (scalingFactor .kilo):
// wall clock per iteration / 1,000 = ns per UIM; mallocs per iteration must stay 0.
import Benchmark
import Foundation
import UIMRouter

/// A registry under test, its UIMs and its router (built once, outside any measurement but the build's own).
final class Workload: Sendable {
    let name: String
    let registry: Registry
    let uims: [[UInt8]]
    let router: Router

    init(name: String, registry: Registry, uims: [[UInt8]]) {
        self.name = name
        self.registry = registry
        self.uims = uims
        router = try! Router(registry: registry)
    }

    static func bundled() -> Workload {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Samples/seized-uims.txt").standardizedFileURL
        let text = (try? String(contentsOf: samples, encoding: .utf8)) ?? ""
        let uims = text.split(separator: "\n").map { Array($0.prefix { $0 != "\t" }.utf8) }
        return Workload(name: "bundled", registry: try! BundledRegistry.load(), uims: uims)
    }

    static func synthetic(_ size: Int) -> Workload {
        let generated = SyntheticRegistry(patterns: size, seed: 2026)
        return Workload(name: "synthetic\(size)", registry: generated.registry, uims: generated.uims(count: 4_096))
    }
}

let day = Day(iso: "2026-06-01")!

/// Built on first use: the plugin runs each benchmark in its own process, which should build only its workload.
enum Workloads {
    static let bundled = Workload.bundled()
    static let synthetic100 = Workload.synthetic(100)
    static let synthetic1000 = Workload.synthetic(1_000)
    static let synthetic10000 = Workload.synthetic(10_000)
    static let all: [(name: String, size: Int, load: @Sendable () -> Workload)] = [
        ("bundled", 33, { bundled }), ("synthetic100", 100, { synthetic100 }),
        ("synthetic1000", 1_000, { synthetic1000 }), ("synthetic10000", 10_000, { synthetic10000 }),
    ]
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .instructions, .mallocCountTotal, .throughput],
        warmupIterations: 3,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 200,
        thresholds: [.mallocCountTotal: .init(absolute: [.p90: 0])]
    )
    for (name, size, load) in Workloads.all {
        var engines: [(String, RoutingEngine, Bool)] = [("router", .router, false), ("router+fields", .router, true),
                                                       ("trie", .trie, false), ("trie+fields", .trie, true)]
        // The naive scan of 10,000 patterns takes milliseconds per UIM: one sample run is enough to show the ratio.
        engines.append(("naive", .naive, true))
        for (label, engine, fields) in engines {
            let slow = engine == .naive && size >= 1_000
            Benchmark("route/\(name)/\(label)",
                      configuration: .init(scalingFactor: slow ? .one : .kilo, maxIterations: slow ? 20 : 200)) { benchmark in
                let workload = load()
                let runner = EngineRunner(router: workload.router, engine: engine)
                let scratch = workload.router.makeScratch()
                let uims = workload.uims
                var next = 0
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    uims[next].withUnsafeBufferPointer { blackHole(runner.route($0, on: day, fields: fields, using: scratch)) }
                    next = next + 1 == uims.count ? 0 : next + 1
                }
                benchmark.stopMeasurement()
            }
        }
        // Batch: every UIM of the workload, with fields, into one reused scratch (the classify path's shape).
        Benchmark("batch/\(name)",
                  configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .one,
                                       maxIterations: 50)) { benchmark in
            let workload = load()
            let scratch = workload.router.makeScratch()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                for uim in workload.uims {
                    uim.withUnsafeBufferPointer { blackHole(workload.router.decide(utf8: $0, on: day, using: scratch)) }
                }
            }
            benchmark.stopMeasurement()
        }
        Benchmark("build/\(name)",
                  configuration: .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
                                       scalingFactor: .one, maxDuration: .seconds(30), maxIterations: 3,
                                       thresholds: [:])) { benchmark in
            let registry = size == 33 ? try! BundledRegistry.load() : SyntheticRegistry(patterns: size, seed: 2026).registry
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(try! Router(registry: registry)) }
            benchmark.stopMeasurement()
        }
    }
}
