// RegistryDiff: pattern changes per Party, and sampled UIMs whose routing changes, checked against both routers.
import Testing

@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMRouterTestSupport

@Suite("RegistryDiff")
struct RegistryDiffTests {
    static let day = Day(iso: "2026-06-01")!
    static let old = TestRegistry.make([
        TestRegistry.pattern("AA-1", "AA", "AA[0-9]{6}"),
        TestRegistry.pattern("AA-OLD", "AA", "AO[0-9]{4}"),
        TestRegistry.pattern("BB-1", "BB", "BB[0-9]{4}(?<payload>[0-9]{5})(?<check>[0-9])", check: .luhn),
    ])

    @Test("identical registries: nothing changed, nothing routes differently")
    func identical() throws {
        let diff = try RegistryDiff(old: Self.old, new: Self.old, on: Self.day)
        #expect(diff.isEmpty && diff.parties.isEmpty && diff.routingChanges.isEmpty)
    }

    @Test("added overlapping, removed and changed patterns: each routing change is what both routers say")
    func changes() throws {
        var patterns = Self.old.patterns.filter { $0.id != "AA-OLD" }
        patterns[0].descriptions = [.en: "now described"]
        patterns.append(TestRegistry.pattern("CC-WIDE", "CC", "AA[0-9]{6}|CC[0-9]"))
        patterns.append(TestRegistry.pattern("BB-1b", "BB", "BB[A-Z]{3}", until: "2020-12-31"))
        let new = TestRegistry.make(patterns)
        let diff = try RegistryDiff(old: Self.old, new: new, on: Self.day, samples: 10)
        #expect(diff.oldDigest != diff.newDigest)
        let byParty = Dictionary(uniqueKeysWithValues: diff.parties.map { ($0.party, $0) })
        #expect(byParty["AA"]?.removed == ["AA-OLD"])
        #expect(byParty["AA"]?.changed == [RegistryDiff.PatternChange(pattern: "AA-1", keys: ["description"])])
        #expect(byParty["CC"]?.added == ["CC-WIDE"] && byParty["CC"]?.partyKeys == ["added"])
        #expect(byParty["BB"]?.added == ["BB-1b"])
        // AA codes become ambiguous; AO codes become unrouted; expired BB-1b and CC[0-9]-only codes: see below.
        let kinds = Set(diff.routingChanges.map { "\($0.before) → \($0.after)" })
        #expect(kinds.contains("routed AA → ambiguous AA+CC"), "\(kinds)")
        #expect(kinds.contains("routed AA → unrouted"), "\(kinds)")
        #expect(kinds.contains("unrouted → routed CC"), "\(kinds)")
        #expect(!diff.routingChanges.contains { $0.pattern == "BB-1b" }, "expired on the day: routes as before")
        let (oldRouter, newRouter) = (try Router(registry: Self.old), try Router(registry: new))
        for change in diff.routingChanges {
            #expect(oldRouter.route(change.uim, on: Self.day).status == change.before.status)
            #expect(newRouter.route(change.uim, on: Self.day).status == change.after.status)
            #expect(newRouter.route(change.uim, on: Self.day).parties == change.after.parties)
        }
    }

    @Test("a pattern moved to another Party: removed there, changed (party) here")
    func moved() throws {
        var patterns = Self.old.patterns
        patterns[1].party = "BB"
        let diff = try RegistryDiff(old: Self.old, new: TestRegistry.make(patterns), on: Self.day, samples: 3)
        let byParty = Dictionary(uniqueKeysWithValues: diff.parties.map { ($0.party, $0) })
        #expect(byParty["AA"]?.removed == ["AA-OLD"])
        #expect(byParty["BB"]?.changed.first?.keys == ["party"])
        #expect(diff.routingChanges.allSatisfy { $0.before.parties == ["AA"] && $0.after.parties == ["BB"] })
        #expect(!diff.routingChanges.isEmpty)
    }
}
