// The contract's JSON line: key order, omitted keys, escaping.
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("RouteResult JSON")
struct RouteResultJSONTests {
    @Test("a routed result with fields and a rejection")
    func routed() {
        let result = RouteResult(
            uim: "]d2KE0000000001234X", status: .routed,
            matches: [PatternMatch(party: "KE", pattern: "KE-EGMS-STAMP",
                                   fields: [Field(name: "payload", value: "000000000123"), Field(name: "check", value: "X")])],
            rejected: [Rejection(party: "BB", pattern: "BB-OLD", reason: .expired)])
        #expect(result.json == #"{"uim":"]d2KE0000000001234X","status":"routed","party":"KE","matches":[{"party":"KE","pattern":"KE-EGMS-STAMP","fields":{"payload":"000000000123","check":"X"}}],"rejected":[{"party":"BB","pattern":"BB-OLD","reason":"expired"}]}"#)
    }

    @Test("invalid input: error present, party absent, control characters escaped")
    func invalid() {
        let result = RouteResult(uim: "A\u{01}\"\\\u{1D}", status: .invalid, error: .controlCharacter)
        #expect(result.json == #"{"uim":"A\u0001\"\\\u001d","status":"invalid","matches":[],"rejected":[],"error":"control character"}"#)
    }

    @Test("ambiguous results carry no party")
    func ambiguous() {
        let result = RouteResult(uim: "X", status: .ambiguous, matches: [
            PatternMatch(party: "CC", pattern: "C", fields: []), PatternMatch(party: "DD", pattern: "D", fields: []),
        ])
        #expect(result.party == nil)
        #expect(!result.json.contains(#""party":"CC","matches""#))
        #expect(result.parties == ["CC", "DD"])
    }
}
