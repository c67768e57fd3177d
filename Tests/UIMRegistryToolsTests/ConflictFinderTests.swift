// Overlap detection on hand-made registries: exact witnesses, check-separated pairs, sampled opaque pairs, and the
// pairs that must never be reported (same Party, disjoint validity, incompatible prefixes).
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMRouterTestSupport

@Suite("Conflict finder")
struct ConflictFinderTests {
    typealias F = AnalysisFixtures
    typealias R = TestRegistry

    @Test("two 29-character pack codes overlap; the witness is the smallest shortest UIM and routes ambiguous")
    func packCodes() throws {
        let registry = R.make([
            R.pattern("RU-PACK", "RU", "(?<payload>[0-9]{13})(?<check>[0-9])[0-9A-Za-z!%&]{15}", check: .gs1Mod10),
            R.pattern("UZ-PACK", "UZ", "(?<payload>[0-9]{13})(?<check>[0-9])[0-9A-Z]{7}[0-9A-Za-z]{8}",
                      check: .gs1Mod10),
        ])
        let findings = ConflictFinder(registry: registry).conflicts()
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.kind == .overlap)
        #expect(finding.witness == String(repeating: "0", count: 29))
        F.expectRoutesAmbiguous(finding, router: try Router(registry: registry))
    }

    @Test("a shortest witness that fails a check is replaced by one that passes both")
    func checkSearch() throws {
        let registry = R.make([
            R.pattern("A", "P1", "(?<payload>1[0-9]{3})(?<check>[0-9])", check: .gs1Mod10),
            R.pattern("B", "P2", "(?<payload>[0-9]{4})(?<check>[0-9])", check: .luhn),
        ])
        let finding = try #require(ConflictFinder(registry: registry).conflicts().first)
        #expect(finding.kind == .overlap)
        #expect(finding.witness.hasPrefix("1") && finding.witness.count == 5)
        #expect(finding.witness != "10000")   // gs1-mod10 of 1000 is 7: the regex-level witness fails
        F.expectRoutesAmbiguous(finding, router: try Router(registry: registry))
    }

    @Test("patterns kept apart only by their check characters are check-separated")
    func checkSeparated() throws {
        // GS1 mod 10 of "5" is 5, Luhn of "5" is 9: no UIM passes both.
        let registry = R.make([
            R.pattern("A", "P1", "(?<payload>5)(?<check>[0-9])", check: .gs1Mod10),
            R.pattern("B", "P2", "(?<payload>5)(?<check>[0-9])", check: .luhn),
        ])
        let finding = try #require(ConflictFinder(registry: registry).conflicts().first)
        #expect(finding.kind == .checkSeparated)
        #expect(finding.witness == "50")
    }

    @Test("an opaque pattern is searched by sampling; the sampled witness routes ambiguous")
    func sampled() throws {
        let registry = R.make([
            R.pattern("A", "P1", "(?=KE)KE[0-9]{4}"),
            R.pattern("B", "P2", "KE[0-9]{2}[05][0-9]"),
        ])
        let finding = try #require(ConflictFinder(registry: registry).conflicts().first)
        #expect(finding.kind == .sampled)
        F.expectRoutesAmbiguous(finding, router: try Router(registry: registry))
    }

    @Test("no finding for the same Party, disjoint validity, or incompatible prefixes")
    func nonConflicts() {
        let registry = R.make([
            R.pattern("A1", "P1", "AB[0-9]{3}"),
            R.pattern("A2", "P1", "A[A-Z][0-9]{3}"),
            R.pattern("B1", "P2", "AC[0-9]{3}"),
            R.pattern("C1", "P3", "A[A-Z][0-9]{3}", until: "2020-12-31"),
            R.pattern("D1", "P4", "AD[0-9]{3}", from: "2021-01-01"),
        ])
        let findings = ConflictFinder(registry: registry).conflicts()
        let pairs = Set(findings.map { "\($0.a.pattern)-\($0.b.pattern)" })
        #expect(pairs == ["A1-C1", "A2-B1", "A2-C1", "A2-D1", "B1-C1"])
        #expect(!pairs.contains("C1-D1"), "validity 2020 and 2021 never meet")
        #expect(ConflictFinder(registry: registry).conflicts(on: Day(iso: "2022-01-01")!).count == 2)
        #expect(ConflictFinder(registry: registry).conflicts(party: "P4").map(\.b.pattern) == ["D1"])
    }

    @Test("the witness is the lexicographically smallest of the shortest, never padded with white space")
    func smallestShortest() throws {
        let registry = R.make([
            R.pattern("A", "P1", "[a-c]{2,4}| ?x ?"),
            R.pattern("B", "P2", "b+|ca| ?x"),
        ])
        let witnesses = ConflictFinder(registry: registry).conflicts().map(\.witness)
        #expect(witnesses == ["x"])
        let other = R.make([R.pattern("A", "P1", "[a-c]{2,4}"), R.pattern("B", "P2", "b+|ca")])
        #expect(ConflictFinder(registry: other).conflicts().map(\.witness) == ["bb"])
    }

    @Test("a witness starting with ] is given behind a symbology identifier, and still routes ambiguous")
    func bracketWitness() throws {
        let registry = R.make([R.pattern("A", "P1", "\\][A-Z]{3}"), R.pattern("B", "P2", "\\]A[A-Z]{2}")])
        let finding = try #require(ConflictFinder(registry: registry).conflicts().first)
        #expect(finding.witness == "]d2]AAA")
        F.expectRoutesAmbiguous(finding, router: try Router(registry: registry))
    }

    @Test("every witness on the bundled registry routes ambiguous; Russian and Uzbek pack codes collide")
    func bundledRegistry() throws {
        let registry = try BundledRegistry.load()
        let router = try Router(registry: registry)
        let findings = ConflictFinder(registry: registry).conflicts()
        for finding in findings where finding.kind != .checkSeparated {
            F.expectRoutesAmbiguous(finding, router: router)
        }
        #expect(findings.contains { Set([$0.a.party, $0.b.party]) == ["RU", "UZ"] && $0.kind == .overlap })
    }
}
