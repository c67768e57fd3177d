// Registries built in code for the analysis tests: patterns by (party, regex, check, validity), and the check that
// a witness routes as ambiguous between the two Parties it names.
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRegistryTools

enum AnalysisFixtures {
    /// A pattern of `party` (id `id`) with optional check and validity (ISO dates).
    static func spec(_ id: String, _ party: String, _ regex: String, check: CheckAlgorithm? = nil,
                     from: String? = nil, until: String? = nil, examples: [String] = []) -> PatternSpec {
        let location = SourceLocation(file: "\(party).yaml", line: 1, column: 1)
        return PatternSpec(id: id, party: party, regex: regex, check: check.map { CheckSpec(algorithm: $0) },
                           validFrom: from.flatMap { Day(iso: $0) }, validUntil: until.flatMap { Day(iso: $0) },
                           matchExamples: examples.map { PatternExample($0, at: location) }, location: location)
    }

    /// A registry of `patterns`, with a Party for every code they use.
    static func registry(_ patterns: [PatternSpec]) -> Registry {
        let codes = Array(Set(patterns.map(\.party))).sorted()
        return Registry(unchecked: codes.map {
            Party(code: $0, name: "Party \($0)", protocolParty: true,
                  location: SourceLocation(file: "\($0).yaml", line: 1, column: 1))
        }, patterns: patterns)
    }

    /// Expects `finding`'s witness to route as ambiguous, with both of its patterns among the matches.
    static func expectRoutesAmbiguous(_ finding: ConflictFinding, router: Router,
                                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let day = finding.commonDay(fallback: Day.today())
        let result = router.route(finding.witness, on: day)
        #expect(result.status == .ambiguous, "\(finding.witness.debugDescription) → \(result.status)",
                sourceLocation: sourceLocation)
        let matched = Set(result.matches.map(\.pattern))
        #expect(matched.contains(finding.a.pattern) && matched.contains(finding.b.pattern),
                "\(finding.witness.debugDescription) matched \(matched)", sourceLocation: sourceLocation)
    }
}
