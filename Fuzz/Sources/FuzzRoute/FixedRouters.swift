// The route target's fixed registries: each drawn from the pattern grammar with a seed of its own and compiled once
// per process, then reused by every input that names it (issue 16: building a router per input kept the target
// near 500 executions per second, nearly all of it in Router.init). A registry is the same in every process, so an
// input replays the same way.
import FuzzKit
@_spi(Fuzzing) import UIMRouter

/// A compiled registry with what the route target needs beside it: its patterns' UIM samplers, the naive scanner
/// and one scratch (libFuzzer runs inputs on one thread).
final class FixedRouter {
    let registry: Registry
    let patterns: [GeneratedPattern]
    let router: Router
    let naive: FuzzingNaiveScanner
    let scratch: RouteScratch

    /// `nil` when a regex does not compile.
    init?(registry: Registry, patterns: [GeneratedPattern]) {
        guard let router = try? Router(registry: registry) else { return nil }
        self.registry = registry
        self.patterns = patterns
        self.router = router
        naive = FuzzingNaiveScanner(router: router)
        scratch = router.makeScratch()
    }
}

enum FixedRouters {
    /// How many fixed registries inputs choose from.
    static let count = 24
    /// Bytes of grammar choices behind each registry.
    static let seedLength = 160

    /// Built lazily (an input that never names a registry never pays for it); `.some(nil)`: its seed does not compile.
    nonisolated(unsafe) private static var built: [FixedRouter??] = Array(repeating: nil, count: count)

    /// The `k`th registry's router, or the next one that compiles; `nil` when none does.
    static func router(_ k: Int) -> FixedRouter? {
        for offset in 0..<count {
            let index = (k + offset) % count
            if built[index] == nil { built[index] = make(index) }
            if let router = built[index] ?? nil { return router }
        }
        return nil
    }

    private static func make(_ index: Int) -> FixedRouter? {
        var random = FuzzingRandom(seed: 0x5EED_0016 &+ UInt64(index))
        let bytes = (0..<seedLength).map { _ in UInt8.random(in: 0...255, using: &random) }
        var input = FuzzInput(bytes)
        let (registry, patterns) = PatternGrammar.registry(&input)
        if fuzzVerbose { fuzzLog("fixed registry \(index): \(registry.patterns.map { $0.regex.debugDescription })") }
        return FixedRouter(registry: registry, patterns: patterns)
    }
}
