// `fmt`: one canonical layout, comments kept beside what they are about, idempotent, and the registry loaded
// before and after identical.
import Foundation
import Testing

@testable import UIMRouter

@Suite("RegistryFormatter")
struct RegistryFormatterTests {
    static let messy = """
        # Kenya: header comment
        party: {name: Kenya, code: KE, protocol_party: true}  # flow style
        format: 1
        patterns:
        # about the stamp
        - examples: {no_match: [KE1], match: ["KE123456789012", KE000000000000]}
          regex: "KE(?<payload>[0-9]{12})\\\\d?"   # double-quoted, escaped backslash
          id: KE-STAMP
          description: {fr: 'Timbre # fiscal', en: "Stamp: it's \\"quoted\\""}
          valid_until: 2030-12-31
          references: [illustrative]
        - id: KE-GS
          regex: '01[0-9]{4}\\x1D21.+'
          examples:
            match:
              - "012345\\x1D21AB"  # a real GS character
        # trailing remark
        """

    static let expected = """
        # Kenya: header comment
        format: 1
        party:
          code: KE
          name: Kenya
          protocol_party: true  # flow style
        patterns:
          # about the stamp
          - id: KE-STAMP
            regex: 'KE(?<payload>[0-9]{12})\\d?'  # double-quoted, escaped backslash
            level: any
            description:
              en: "Stamp: it's \\"quoted\\""
              fr: "Timbre # fiscal"
            references:
              - "illustrative"
            valid_until: 2030-12-31
            examples:
              match:
                - "KE123456789012"
                - "KE000000000000"
              no_match:
                - "KE1"
          - id: KE-GS
            regex: '01[0-9]{4}\\x1D21.+'
            level: any
            examples:
              match:
                - "012345\\x1D21AB"  # a real GS character
        # trailing remark

        """

    /// What loading keeps of a registry, without source locations.
    static func meaning(_ registry: Registry) -> [String] {
        registry.parties.map { "\($0.code)|\($0.name)|\($0.protocolParty)" } + registry.patterns.map { p in
            "\(p.id)|\(p.party)|\(p.regex)|\(p.level)|\(p.descriptions.sorted { $0.key < $1.key })|"
                + "\(String(describing: p.check))|\(p.references)|\(String(describing: p.validFrom))|"
                + "\(String(describing: p.validUntil))|\(p.matchExamples.map(\.uim))|\(p.noMatchExamples.map(\.uim))"
        }
    }

    func expectSafeRewrite(_ text: String, path: String = "KE.yaml") throws -> String {
        let outcome = RegistryFormatter.format(path: path, text: text)
        let formatted = try #require(outcome.formatted, "\(outcome.diagnostics)")
        #expect(RegistryFormatter.format(path: path, text: formatted).formatted == formatted, "not idempotent")
        let before = try Registry.load(files: [(path, text)], examples: .warnings)
        let after = try Registry.load(files: [(path, formatted)], examples: .warnings)
        #expect(Self.meaning(after) == Self.meaning(before))
        #expect(after.digest == before.digest)
        #expect(YAMLComments.scan(formatted).map(\.text).sorted() == YAMLComments.scan(text).map(\.text).sorted())
        return formatted
    }

    @Test("a messy file gets the canonical layout, every comment beside what it was about")
    func golden() throws {
        let formatted = try expectSafeRewrite(Self.messy)
        #expect(formatted == Self.expected)
        #expect(RegistryFormatter.format(path: "KE.yaml", text: formatted).isCanonical)
        // The GS character survives as the same string, not as the four characters of its escape.
        let loaded = try Registry.load(files: [("KE.yaml", formatted)], examples: .warnings)
        #expect(loaded.patterns[1].matchExamples[0].uim == "012345\u{1D}21AB")
    }

    @Test("tricky scalars and comments are rewritten without a change of meaning", arguments: [
        "  - id: '123'\n    regex: 'A''B#C'  # quote and hash in a regex\n",
        "  - id: KE-1\n    regex: |\n      KE[0-9]{2} # not a comment: block scalar text\n",
        "  - id: KE-1\n    regex: KE[0-9]#1 # plain regex holding a hash\n",
        "  - id: KE-1\n    regex: 'KE'\n    description:\n      en: \"line one\\nline two\\ttab ünïcödé 中文\"\n",
        "  - id: true.id\n    regex: 'X'\n    check: {algorithm: luhn, digit: d, payload: p}\n",
        "  - id: KE-1\n    regex: 'KE'\n    references: ['it''s: here #1', \"a \\\"b\\\"\"]\n    valid_from: 2020-01-01\n",
    ])
    func tricky(pattern: String) throws {
        let header = "format: 1\nparty:\n  code: KE\n  name: \"Bravo, \\\"the\\\" Republic\"\n  protocol_party: false\npatterns:\n"
        let text = header + pattern.replacingOccurrences(of: "'X'", with: "'(?<p>[0-9])(?<d>[0-9])'")
        _ = try expectSafeRewrite(text)
    }

    @Test("every file of the bundled Patterns/ is canonical")
    func bundledIsCanonical() throws {
        let folder = RegistryDigestTests.patternsFolder
        let outcomes = RegistryFormatter.format(folder: folder)
        #expect(outcomes.count == BundledRegistry.fileNames.count)
        for outcome in outcomes {
            #expect(outcome.isCanonical, "\(outcome.path): \(outcome.diagnostics)")
        }
    }

    @Test("a file that does not load is left alone, with its diagnostics")
    func broken() {
        let outcome = RegistryFormatter.format(path: "KE.yaml", text: "format: 1\nparty: {code: KE}\npatterns: []\n")
        #expect(outcome.formatted == nil)
        #expect(!outcome.diagnostics.isEmpty)
        #expect(!outcome.isCanonical)
    }

    @Test("the new-Party template is canonical and keeps its comments")
    func template() throws {
        let text = PartyTemplate.text(code: "TZ", name: "Tanzania", today: Day(iso: "2026-06-01")!)
        #expect(try expectSafeRewrite(text, path: "TZ.yaml") == text)
        #expect(text.contains("  code: TZ  # equals the file name\n"))
    }
}
