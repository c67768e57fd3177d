// A pathological regex is stopped by PCRE2's limits and reported as `match-limit`, never a hang or a plain
// "unrouted".
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("Match limits")
struct MatchLimitTests {
    func registry(_ patterns: [(party: String, id: String, regex: String)]) -> Registry {
        TestRegistry.make(patterns.map { TestRegistry.pattern($0.id, $0.party, $0.regex) })
    }

    // The lookahead makes the regex opaque: only then does PCRE2 decide it, and only then can a limit be hit.
    @Test("catastrophic backtracking in an opaque regex yields match-limit", arguments: [true, false])
    func catastrophic(jit: Bool) throws {
        let router = try Router(registry: registry([("XX", "XX-BAD", "(?=R)RD(?:[A-Z0-9]+)+[#!]"), ("YY", "YY-OK", "RD[0-9]{4}")]),
                                options: RouterOptions(jit: jit))
        let uim = "RD" + String(repeating: "A1", count: 20) + "?"
        let result = router.route(uim, on: Day(iso: "2026-06-01")!)
        #expect(result.status == .unrouted)
        #expect(result.rejected == [Rejection(party: "XX", pattern: "XX-BAD", reason: .matchLimit)])
        #expect(result.json.contains(#""reason":"match-limit""#))
        // The same pattern still decides ordinary input.
        #expect(router.route("RDAB12#", on: Day(iso: "2026-06-01")!).status == .routed)
        #expect(router.route("RD1234", on: Day(iso: "2026-06-01")!).party == "YY")
    }

    @Test("an analysable catastrophic regex is decided by the automaton: no PCRE2 run, no match-limit")
    func catastrophicButAnalysable() throws {
        let router = try Router(registry: registry([("XX", "XX-BAD", "RD(?:[A-Z0-9]+)+[#!]"), ("YY", "YY-OK", "RD[0-9]{4}")]))
        #expect(router.patternEngines == [.automaton, .automaton])
        let result = router.route("RD" + String(repeating: "A1", count: 20) + "?", on: Day(iso: "2026-06-01")!)
        #expect(result.status == .unrouted)
        #expect(result.rejected.isEmpty)
        #expect(router.route("RDAB12#", on: Day(iso: "2026-06-01")!).party == "XX")
    }
}
