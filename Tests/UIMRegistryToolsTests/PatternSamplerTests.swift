// `sample`: drawn UIMs match their pattern as the router judges it (check characters included), are reproducible
// by seed, and opaque patterns are refused.
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMRouterTestSupport

@Suite("Pattern sampler")
struct PatternSamplerTests {
    typealias R = TestRegistry

    @Test("samples route to their pattern, check characters included, for every bundled pattern")
    func bundledSamplesRoute() throws {
        let registry = try BundledRegistry.load()
        let router = try Router(registry: registry)
        let scratch = router.makeScratch()
        var sampled = 0
        for spec in registry.patterns {
            guard let sampler = try? PatternSampler(spec: spec) else { continue }
            for uim in try sampler.samples(count: 20, seed: 3) {
                let result = router.route(uim, on: spec.validFrom ?? Day(iso: "2026-06-01")!, using: scratch)
                #expect(result.matches.contains { $0.pattern == spec.id }, "\(spec.id): \(uim) → \(result.status)")
                sampled += 1
            }
        }
        #expect(sampled >= 20 * (registry.patterns.count - 2))
    }

    @Test("the same seed gives the same UIMs; another seed others")
    func reproducible() throws {
        let spec = R.pattern("A", "P1", "KE(?<payload>[0-9]{12})(?<check>[0-9])", check: .luhn)
        let sampler = try PatternSampler(spec: spec)
        #expect(try sampler.samples(count: 5, seed: 9) == sampler.samples(count: 5, seed: 9))
        #expect(try sampler.samples(count: 5, seed: 9) != sampler.samples(count: 5, seed: 10))
    }

    @Test("opaque and empty patterns cannot be sampled")
    func refused() {
        #expect(throws: PatternSampler.Failure.self) { try PatternSampler(spec: R.pattern("A", "P1", "(?=K)K1")) }
        #expect(throws: PatternSampler.Failure.empty) { try PatternSampler(spec: R.pattern("B", "P1", " ")) }
    }
}
