// `fmt`: one canonical layout, comments kept beside what they are about, idempotent, and the registry loaded
// before and after identical.
import Foundation
import Testing

@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMRouterTestSupport

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
        let folder = RepositoryFiles.patterns
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

    /// A file with comments on its first and last lines, out of the canonical layout.
    static let commented = """
        # first line: who maintains this file
        party: {code: KE, name: Kenya, protocol_party: true}
        format: 1
        patterns:
          - id: KE-1  # the stamp
            regex: 'KE[0-9]{4}'
        # last line: end of file
        """

    @Test("BOM, CRLF, CR and no final newline: every comment kept, the file's line ends and BOM kept, same registry",
          arguments: [("\r\n", false, true), ("\n", true, true), ("\r\n", true, true), ("\r\n", true, false),
                      ("\r", false, false), ("\n", false, false)])
    func editorsFiles(ending: String, bom: Bool, finalNewline: Bool) throws {
        let body = (Self.commented + (finalNewline ? "\n" : "")).replacingOccurrences(of: "\n", with: ending)
        let text = (bom ? "\u{FEFF}" : "") + body
        let outcome = RegistryFormatter.format(path: "KE.yaml", text: text)
        let formatted = try #require(outcome.formatted, "\(outcome.diagnostics)")
        #expect(!outcome.isCanonical)
        #expect(formatted.hasPrefix(bom ? "\u{FEFF}# first line" : "# first line"))
        #expect(formatted.hasSuffix("# last line: end of file" + ending))
        let style = RegistryText(normalizing: formatted)
        #expect(style.lineEnding == RegistryText(normalizing: ending).lineEnding)
        #expect(!style.hasMixedLineEndings, "\(formatted.debugDescription)")
        let plain = style.text
        #expect(YAMLComments.scan(plain).map(\.text) == [
            "# first line: who maintains this file", "# the stamp", "# last line: end of file",
        ])
        #expect(try Registry.load(files: [("KE.yaml", formatted)]).digest
            == Registry.load(files: [("KE.yaml", Self.commented)]).digest)
        let again = RegistryFormatter.format(path: "KE.yaml", text: formatted)
        #expect(again.isCanonical, "formatting twice changed \(formatted.debugDescription)")
    }

    @Test("a file that mixes line ends gets its first kind throughout and is not canonical until then")
    func mixedLineEnds() throws {
        let canonical = try #require(RegistryFormatter.format(path: "KE.yaml", text: Self.commented).formatted)
        let mixed = canonical.replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(
            of: "format: 1\r\n", with: "format: 1\n")
        let outcome = RegistryFormatter.format(path: "KE.yaml", text: mixed)
        #expect(outcome.hadMixedLineEndings)
        #expect(!outcome.isCanonical)
        #expect(outcome.formatted == canonical.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test("the new-Party template is canonical and keeps its comments")
    func template() throws {
        let text = PartyTemplate.text(code: "TZ", name: "Tanzania", today: Day(iso: "2026-06-01")!)
        #expect(try expectSafeRewrite(text, path: "TZ.yaml") == text)
        #expect(text.contains("  code: TZ  # equals the file name\n"))
    }
}
