// The benchmark generator: reproducible, every regex compiles, and its UIMs exercise every routing outcome.
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMAutomata
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMRouterTestSupport

@Suite("SyntheticRegistry")
struct SyntheticRegistryTests {
    @Test("the same seed gives the same registry and UIMs")
    func seededIsReproducible() {
        let a = SyntheticRegistry(patterns: 300, seed: 11)
        let b = SyntheticRegistry(patterns: 300, seed: 11)
        #expect(a.registry.patterns.map(\.regex) == b.registry.patterns.map(\.regex))
        #expect(a.uims(count: 200, seed: 3) == b.uims(count: 200, seed: 3))
        #expect(a.registry.patterns.map(\.regex) != SyntheticRegistry(patterns: 300, seed: 12).registry.patterns.map(\.regex))
    }

    @Test("the shapes are all present: prefix-less, opaque, checked, overlapping")
    func shapesArePresent() throws {
        let synthetic = SyntheticRegistry(patterns: 400, seed: 5)
        let shapes = synthetic.registry.patterns.map { RegexShape(regex: $0.regex) }
        #expect(synthetic.registry.patterns.count == 400)
        #expect(shapes.filter { $0.prefix.isEmpty }.count > 40)
        #expect(synthetic.registry.patterns.filter { PatternAnalysis(regex: $0.regex).isOpaque }.count >= 2)
        #expect(synthetic.registry.patterns.filter { $0.check != nil }.count > 40)
        #expect(!synthetic.overlapping.isEmpty)
        _ = try Router(registry: synthetic.registry)
    }

    @Test("its UIMs give routed, ambiguous and unrouted outcomes")
    func uimsCoverOutcomes() throws {
        let synthetic = SyntheticRegistry(patterns: 400, seed: 5)
        let router = try Router(registry: synthetic.registry)
        let scratch = router.makeScratch()
        var counts: [RouteStatus: Int] = [:]
        for uim in synthetic.uims(count: 2_000, seed: 6) {
            let status = uim.withUnsafeBufferPointer { router.decide(utf8: $0, on: Day(iso: "2026-06-01")!, using: scratch) }
            counts[status, default: 0] += 1
        }
        #expect(counts[.routed, default: 0] > 1_000, "\(counts)")
        #expect(counts[.ambiguous, default: 0] > 20, "\(counts)")
        #expect(counts[.unrouted, default: 0] > 100, "\(counts)")
    }
}
