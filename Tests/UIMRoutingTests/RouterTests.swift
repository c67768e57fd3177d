// Routing semantics on small registries: statuses, fields, rejections, dates, normalisation, concurrency.
import Dispatch
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("Router")
struct RouterTests {
    let router: Router
    let june = Day(iso: "2026-06-01")!

    init() throws {
        router = try Router(registry: TestRegistry.make([
            TestRegistry.pattern("GS-A", "AA", "01(?<gtin>(?<payload>[0-9]{13})(?<check>[0-9]))21(?<serial>[A-Z]{4,8})", check: .gs1Mod10),
            TestRegistry.pattern("GS-B", "BB", "01(?<gtin>[0-9]{14})21(?<serial>[A-Z]{8})"),
            TestRegistry.pattern("OLD", "BB", "BB-(?<serial>[0-9]{6})", until: "2020-12-31"),
            TestRegistry.pattern("NEW", "BB", "BB-(?<serial>[0-9]{6})(?<lot>L[0-9])?", from: "2021-01-01"),
            TestRegistry.pattern("OPT", "CC", "CC(?<a>X?)(?<b>Y)?Z"),
        ]))
    }

    @Test("two Parties: ambiguous, every candidate with its fields, no party")
    func ambiguous() {
        let result = router.route("019019368117060521JSGKBDIO", on: june)
        #expect(result.status == .ambiguous)
        #expect(result.party == nil)
        #expect(result.matches.map(\.pattern) == ["GS-A", "GS-B"])
        #expect(result.matches[0].fields.map(\.name) == ["gtin", "payload", "check", "serial"])
        #expect(result.matches[0][field: "check"] == "5")
        #expect(result.matches[1][field: "serial"] == "JSGKBDIO")
    }

    @Test("a failed check sets that pattern aside and the other Party is routed")
    func checkFailed() {
        let result = router.route("019019368117060621JSGKBDIO", on: june)
        #expect(result.status == .routed)
        #expect(result.party == "BB")
        #expect(result.rejected == [Rejection(party: "AA", pattern: "GS-A", reason: .checkFailed)])
    }

    @Test("validity windows are inclusive and reported when they exclude", arguments: [
        ("2020-12-31", RouteStatus.routed, ["OLD"], [RejectionReason.notYetValid]),
        ("2021-01-01", .routed, ["NEW"], [.expired]),
    ])
    func validity(date: String, status: RouteStatus, patterns: [String], reasons: [RejectionReason]) {
        let result = router.route("BB-123456", on: Day(iso: date)!)
        #expect(result.status == status)
        #expect(result.matches.map(\.pattern) == patterns)
        #expect(result.rejected.map(\.reason) == reasons)
    }

    @Test("a group that matched empty is present as \"\", one that took no part is absent")
    func emptyAndAbsentGroups() {
        let result = router.route("CCZ", on: june)
        #expect(result.matches.first?.fields == [Field(name: "a", value: "")])
        #expect(router.route("CCXYZ", on: june).matches.first?.fields == [Field(name: "a", value: "X"), Field(name: "b", value: "Y")])
    }

    @Test("duplicate group names (?J): the group that took part gives the field, once")
    func duplicateNames() throws {
        let router = try Router(registry: TestRegistry.make([TestRegistry.pattern("J", "JJ", "(?J)(?:(?<x>A)|(?<x>B))(?<y>[0-9])")]))
        #expect(router.route("B7", on: june).matches.first?.fields == [Field(name: "x", value: "B"), Field(name: "y", value: "7")])
        #expect(router.route("A7", on: june).matches.first?.fields == [Field(name: "x", value: "A"), Field(name: "y", value: "7")])
    }

    @Test("whole-string semantics: no partial matches at either end", arguments: ["BB-1234567", "XBB-123456", "BB-12345", "bb-123456"])
    func wholeString(uim: String) {
        #expect(router.route(uim, on: june).status == .unrouted)
    }

    @Test("symbology identifiers and white space are removed; the uim is echoed as given")
    func normalised() {
        let result = router.route(" ]d2BB-123456\r", on: june)
        #expect(result.status == .routed)
        #expect(result.uim == " ]d2BB-123456\r")
    }

    @Test("invalid bytes yield invalid, never a crash")
    func invalidBytes() {
        let bytes: [UInt8] = [0x42, 0x42, 0x2D, 0xFF, 0x31]
        let result = bytes.withUnsafeBufferPointer { router.route(utf8: $0, on: june, using: router.makeScratch()) }
        #expect(result.status == .invalid)
        #expect(result.error == .notUTF8)
        #expect(result.uim == "BB-\u{FFFD}1")
    }

    @Test("decide() leaves the routed Party in the scratch")
    func decide() {
        let scratch = router.makeScratch()
        var uim = "BB-123456"
        let status = uim.withUTF8 { router.decide(utf8: $0, on: june, using: scratch) }
        #expect(status == .routed)
        #expect(router.routedParty(in: scratch) == "BB")
    }

    @Test("one router, many threads, each with its own scratch: same results as one thread")
    func concurrent() {
        let uims = ["019019368117060521JSGKBDIO", "019019368117060621JSGKBDIO", "BB-123456", "CCXYZ", "nothing", ""]
        let router = self.router
        let june = self.june
        let expected = uims.map { router.route($0, on: june) }
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let scratch = router.makeScratch()
            for _ in 0..<2_000 {
                for (uim, result) in zip(uims, expected) {
                    precondition(router.route(uim, on: june, using: scratch) == result)
                }
            }
        }
        #expect(expected.map(\.status) == [.ambiguous, .routed, .routed, .routed, .unrouted, .invalid])
    }
}
