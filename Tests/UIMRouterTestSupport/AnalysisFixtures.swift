// What the analysis tests share: the check that a witness routes as ambiguous between the two Parties it names.
// (Registries built in code come from TestRegistry.)
import Testing
import UIMRouter
import UIMRegistry
import UIMRouting
import UIMRegistryTools

enum AnalysisFixtures {
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
