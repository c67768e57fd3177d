// `lint` findings: each code raised where it should be and not elsewhere.
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMClassify
@testable import UIMRouterTestSupport

@Suite("Pattern linter")
struct PatternLinterTests {
    typealias R = TestRegistry

    private func codes(_ specs: [PatternSpec], today: String = "2026-06-01") -> [String: Set<LintFinding.Code>] {
        let findings = PatternLinter(registry: R.make(specs)).findings(today: Day(iso: today)!)
        return Dictionary(grouping: findings, by: \.pattern.pattern).mapValues { Set($0.map(\.code)) }
    }

    @Test("opaque, too broad, nested quantifiers, missing examples, expired")
    func structuralFindings() {
        let found = codes([
            R.pattern("OPAQUE", "P1", "(?=K)K[0-9]{8}", examples: ["K12345678"]),
            R.pattern("BROAD", "P1", "[!-~]{6,40}", examples: ["ABCDEF"]),
            R.pattern("NESTED", "P2", "RD(?:[A-Z0-9]+)+#", examples: ["RDA#"]),
            R.pattern("FINE", "P2", "KE[0-9]{13}", examples: ["KE0000000000000"]),
            R.pattern("OLD", "P3", "OLD[0-9]{6}", until: "2025-12-31"),
        ])
        #expect(found["OPAQUE"]?.contains(.opaque) == true)
        #expect(found["BROAD"]?.contains(.tooBroad) == true)
        #expect(found["NESTED"]?.contains(.nestedQuantifier) == true)
        #expect(found["FINE"] == [.missingDescriptions])
        #expect(found["OLD"]?.isSuperset(of: [.missingExamples, .expired]) == true)
        #expect(found["OLD"]?.contains(.tooBroad) == false)
    }

    @Test("a pattern the router leaves off its automaton gets an off-automaton note, the others none")
    func offAutomaton() throws {
        let registry = R.make([
            R.pattern("EXPONENTIAL", "P1", "[0-9A-Z]*X[0-9A-Z]{12}", examples: ["X000000000000"]),
            R.pattern("FINE", "P2", "KE[0-9]{13}", examples: ["KE0000000000000"]),
        ])
        let router = try Router(registry: registry)
        #expect(router.patternEngines == [.tooManyStates, .automaton])
        let findings = PatternLinter(registry: registry).findings(today: Day(iso: "2026-06-01")!,
                                                                  engines: router.patternEngines)
        let off = findings.filter { $0.code == .offAutomaton }
        #expect(off.map(\.pattern.pattern) == ["EXPONENTIAL"])
        #expect(off.first?.severity == .note)
        // Without the router's paths, no such note.
        #expect(!PatternLinter(registry: registry).findings(today: Day(iso: "2026-06-01")!)
            .contains { $0.code == .offAutomaton })
    }

    @Test("a pattern contained in another of the same Party is redundant; another Party's is not")
    func redundant() {
        let found = codes([
            R.pattern("WIDE", "P1", "KE[0-9A-Z]{13}"),
            R.pattern("NARROW", "P1", "KE[0-9]{13}"),
            R.pattern("OTHER", "P2", "KE[0-9]{10}[A-Z]{3}"),
            R.pattern("CHECKED", "P2", "KE[0-9]{10}[A-Z]{2}(?<payload>[0-9])(?<check>[0-9])", check: .luhn),
            R.pattern("DUP-1", "P3", "X[0-9]{4}"),
            R.pattern("DUP-2", "P3", "X[0-9]{4}"),
        ])
        #expect(found["NARROW"]?.contains(.redundant) == true)
        #expect(found["WIDE"]?.contains(.redundant) == false)
        #expect(found["OTHER"]?.contains(.redundant) == false)
        #expect(found["CHECKED"]?.contains(.redundant) == false)
        #expect(found["DUP-2"]?.contains(.redundant) == true)
        #expect(found["DUP-1"]?.contains(.redundant) == false, "of two equal patterns only the later is redundant")
    }
}
