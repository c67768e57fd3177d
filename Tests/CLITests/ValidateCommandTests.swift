// End-to-end: `uim-router validate` — sound registries pass, every problem of a broken one is listed.
import Foundation
import Testing

@Suite("uim-router validate")
struct ValidateCommandTests {
    @Test("the bundled registry is sound")
    func bundled() throws {
        let result = try CLI.run(["validate"])
        #expect(result.status == 0, "\(result.text)")
        #expect(result.text.contains("ok"))
    }

    @Test("every problem of every file, as FILE:LINE:COLUMN: error: message, exit 1")
    func broken() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("reg"), withIntermediateDirectories: true)
        try folder.write("reg/AA.yaml", """
            format: 1
            party: {code: AA, name: Alpha, protocol_party: true}
            patterns:
              - id: AA-1
                regex: 'AA[0-9]{4}'
                vaild_from: 2020-01-01
              - id: AA-2
                regex: 'AB[0-9]{2}'
                examples:
                  match: ["AB123"]
            """)
        try folder.write("reg/BB.yaml", """
            format: 1
            party: {code: BX, name: Bravo, protocol_party: true}
            patterns:
              - id: BB-1
                regex: 'BB(?<payload>[0-9]{4}'
            """)
        let result = try CLI.run(["validate", "--registry", folder.path("reg")])
        #expect(result.status == 1)
        let reg = folder.path("reg")
        #expect(result.lines.contains("\(reg)/AA.yaml:6:5: error: unknown key 'vaild_from'; did you mean 'valid_from'?"))
        #expect(result.lines.contains { $0.hasPrefix("\(reg)/AA.yaml:10:15: error: match example 'AB123' does not match pattern 'AA-2'") })
        #expect(result.lines.contains { $0.hasPrefix("\(reg)/BB.yaml:2:15: error: party code 'BX' does not match the file name") })
        #expect(result.lines.contains("\(reg)/BB.yaml:5:34: error: regex of pattern 'BB-1' does not compile: missing closing parenthesis; correct it (PCRE2 syntax)"))
        #expect(result.lines.last == "\(reg): 4 problem(s)")
    }

    @Test("a Notepad file (BOM + CRLF, starting with 'format: 1') validates, and check-submission agrees")
    func notepadFile() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let text = (FixtureRegistry.files["BB.yaml"] ?? "").replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        let path = try folder.write("registry/BB.yaml", Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        let validated = try CLI.run(["validate", "--registry", registry])
        #expect(validated.status == 0, "\(validated.text)")
        let submitted = try CLI.run(["check-submission", path, "--registry", registry])
        #expect(submitted.text.contains("1. Validation and examples: ok"), "\(submitted.text)")
    }

    @Test("a UTF-16 file: one located message saying to save it as UTF-8")
    func utf16File() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let text = try #require((FixtureRegistry.files["BB.yaml"] ?? "").data(using: .utf16LittleEndian))
        let path = try folder.write("registry/BB.yaml", Data([0xFF, 0xFE]) + text)
        let result = try CLI.run(["validate", "--registry", registry])
        #expect(result.status == 1)
        #expect(result.lines.contains("\(path):1:1: error: this file is UTF-16 (little-endian) text, not UTF-8; "
            + "save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"), "\(result.text)")
    }

    @Test("a .yml file beside the others is named in a warning saying to rename it; validate still says ok")
    func ymlFileIsNamed() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let path = try folder.write("registry/QV.yml", FixtureRegistry.files["BB.yaml"] ?? "")
        try folder.write("registry/_draft.yml", "")
        let result = try CLI.run(["validate", "--registry", registry])
        #expect(result.status == 0, "\(result.text)")
        #expect(result.lines.contains("\(path):1:1: warning: 'QV.yml' is not read: only files named <PARTY>.yaml are; "
            + "rename it to QV.yaml, or start its name with '_' to keep it out of the registry"), "\(result.text)")
        #expect(!result.text.contains("_draft"))
        let routed = try CLI.run(["route", "--registry", registry, "BB123456784"])
        #expect(routed.stderr.contains("\(path):1:1: warning: 'QV.yml' is not read"), "\(routed.stderr)")
    }

    @Test("an unquoted regex cut at ' #': validate says '#' starts a YAML comment and to quote the regex")
    func regexCutByComment() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let path = try folder.write("registry/BB.yaml", (FixtureRegistry.files["BB.yaml"] ?? "")
            .replacingOccurrences(of: "regex: 'BB(?<payload>[0-9]{8})(?<check>[0-9])'",
                                  with: "regex: BB(?<payload>[0-9]{8}) #(?<check>[0-9])"))
        let result = try CLI.run(["validate", "--registry", registry])
        #expect(result.status == 1)
        #expect(result.lines.contains { line in
            line.hasPrefix("\(path):8:35: warning: regex of pattern 'BB-GTIN' ends before this '#': in YAML, ' #' "
                + "starts a comment") && line.hasSuffix("quote it: regex: 'BB(?<payload>[0-9]{8}) #(?<check>[0-9])'")
        }, "\(result.text)")
    }
}
