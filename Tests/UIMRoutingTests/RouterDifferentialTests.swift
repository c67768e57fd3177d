// The indexed router against the naive try-every-pattern scan, on random registries and UIMs: always equal.
import Testing
@testable import UIMRouter
@testable import UIMRegex
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("Router agrees with the naive scan")
struct RouterDifferentialTests {
    @Test("trie router equals the naive scan on 24 random registries × 500 UIMs × 3 dates")
    func trieEqualsNaiveScan() throws {
        var rng = SeededGenerator(seed: 0x5EED_2026)
        var statuses: [RouteStatus: Int] = [:]
        var compared = 0
        let dates = ["2023-06-01", "2025-06-01", "2026-06-01"].map { Day(iso: $0)! }
        for _ in 0..<24 {
            let (registry, patterns) = RandomRegistry.make(&rng)
            let router = try Router(registry: registry)
            let naive = NaiveScanner(router: router)
            let scratch = router.makeScratch()
            let naiveScratch = MatchScratch(maxCaptureCount: router.maxCaptureCount, limits: MatchLimits())
            for uim in RandomRegistry.uims(for: patterns, count: 500, &rng) {
                let day = dates.randomElement(using: &rng)!
                let fast = router.route(uim, on: day, using: scratch)
                let reference = naive.route(uim, on: day, using: naiveScratch)
                #expect(fast == reference, "UIM \(uim.debugDescription) on \(day), regexes: \(registry.patterns.map(\.regex))")
                statuses[fast.status, default: 0] += 1
                compared += 1
            }
        }
        #expect(compared == 12_000)
        // The inputs must exercise every outcome, or the comparison proves little.
        for status in RouteStatus.allCases { #expect(statuses[status, default: 0] > 50, "too few \(status): \(statuses)") }
    }
}
