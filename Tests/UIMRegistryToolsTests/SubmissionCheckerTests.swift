// `check-submission`: a file judged as if it replaced its Party's file — its own problems, the problems it causes
// elsewhere, its conflicts and lint — and the verdict.
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRegistryTools
@testable import UIMRouterTestSupport

@Suite("Submission checker")
struct SubmissionCheckerTests {
    static let registry: [(path: String, text: String)] = [
        ("reg/KE.yaml", RegistryFixtures.file(code: "KE", RegistryFixtures.pattern("KE-1", regex: "'KE[0-9]{13}'",
            "examples:", "  match: [KE0000000000000]"))),
        ("reg/UG.yaml", RegistryFixtures.file(code: "UG", RegistryFixtures.pattern("UG-1", regex: "'UG[0-9]{10}'",
            "examples:", "  match: [UG0000000000]"))),
    ]

    @Test("a clean file is acceptable, with its lint remarks")
    func acceptable() {
        let text = RegistryFixtures.file(code: "TZ", RegistryFixtures.pattern("TZ-1", regex: "'TZ[0-9]{10}'",
            "examples:", "  match: [TZ0000000000]"))
        let report = SubmissionChecker.check(path: "TZ.yaml", text: text, registryFiles: Self.registry,
                                             today: Day(iso: "2026-06-01")!)
        #expect(report.isAcceptable)
        #expect(!report.replacesExisting && report.patternCount == 1)
        #expect(report.lint.map(\.code) == [.missingDescriptions])
    }

    @Test("an overlap with another Party blocks, and the example it breaks elsewhere is its problem")
    func overlapBlocks() throws {
        let text = RegistryFixtures.file(code: "UG", RegistryFixtures.pattern("UG-2", regex: "'[A-Z]{2}[0-9]{13}'",
            "examples:", "  match: [AB0000000000000]"))
        let report = SubmissionChecker.check(path: "new/UG.yaml", text: text, registryFiles: Self.registry,
                                             today: Day(iso: "2026-06-01")!)
        #expect(!report.isAcceptable)
        #expect(report.replacesExisting)
        let conflict = try #require(report.conflicts.first)
        #expect(conflict.kind == .overlap && conflict.witness == "KE0000000000000")
        #expect(report.problems.contains { $0.code == .exampleAmbiguous && $0.location.file == "reg/KE.yaml" })
    }

    @Test("a file that does not parse is reported at its line and column")
    func broken() {
        let text = RegistryFixtures.file(code: "TZ", RegistryFixtures.pattern("TZ-1", regex: "'TZ[0-9'"))
        let report = SubmissionChecker.check(path: "TZ.yaml", text: text, registryFiles: Self.registry,
                                             today: Day(iso: "2026-06-01")!)
        #expect(!report.isAcceptable)
        #expect(report.problems.first?.code == .badRegex)
        #expect(report.problems.first?.location.line == 8)
    }

    @Test("an unfinished template (TODO description and reference) cannot be accepted")
    func unfinishedTemplateBlocks() throws {
        let report = SubmissionChecker.check(path: "TZ.yaml", text: RegistryFixtures.unfinishedTemplate,
                                             registryFiles: Self.registry, today: Day(iso: "2026-06-01")!)
        #expect(!report.isAcceptable)
        #expect(report.problems.map(\.code) == [.placeholder, .placeholder])
        #expect(report.problems.allSatisfy { $0.severity == .error && $0.location.file == "TZ.yaml" })
        #expect(report.problems.first?.message.contains("'TODO: what this code marks, in English'") == true)
    }

    @Test("a regex cut by a YAML comment cannot be accepted")
    func regexCutBlocks() {
        let text = RegistryFixtures.file(code: "TZ", RegistryFixtures.pattern("TZ-1", regex: "TZ[0-9]{10} #1",
            "examples:", "  match: [TZ0000000000]"))
        let report = SubmissionChecker.check(path: "TZ.yaml", text: text, registryFiles: Self.registry,
                                             today: Day(iso: "2026-06-01")!)
        #expect(!report.isAcceptable)
        #expect(report.problems.map(\.code) == [.regexCutByComment])
    }
}
