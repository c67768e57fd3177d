// End-to-end: `list`, `show` and `new` on the bundled registry and on a registry with errors.
import Foundation
import Testing

@Suite("uim-router list, show, new")
struct ListShowNewCommandsTests {
    static let hexDigest = #"^[0-9a-f]{64}$"#

    @Test("list: every Party, the digest, and the English fallback said out loud")
    func listText() throws {
        let result = try CLI.run(["list", "--party", "KE", "--lang", "fr"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.contains { $0.range(of: #"^digest: sha256:[0-9a-f]{64}$"#, options: .regularExpression) != nil })
        #expect(result.text.contains("Code du timbre fiscal EGMS (série actuelle)"))
        #expect(result.text.contains("no longer issued  [en; no fr description]"))
        #expect(result.text.contains("KE-EGMS-STAMP-V1  level unit, valid 2013-11-01 – 2023-12-31, check luhn, 6 example(s)"))
        #expect(!result.text.contains("EU-"))
    }

    @Test("list --format json: all Parties, and the digest validate prints")
    func listJSON() throws {
        let result = try CLI.run(["list", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let parties = try #require(object["parties"] as? [[String: Any]])
        #expect(parties.count == 14)
        let digest = try #require(object["digest"] as? String)
        #expect(digest.range(of: Self.hexDigest, options: .regularExpression) != nil)
        let validate = try CLI.run(["validate"])
        #expect(validate.text.contains("digest: sha256:\(digest)"), "\(validate.text)")
    }

    @Test("list, show and new on a registry with errors: the diagnostics, exit 1; unknown names: exit 64")
    func errors() throws {
        let folder = try TemporaryFolder()
        let broken = try BrokenRegistry.write(in: folder)
        for arguments in [["list"], ["show", "AA-1"]] {
            let result = try CLI.run(arguments + ["--registry", broken])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains(BrokenRegistry.expectedError(broken)), "\(result.stderr)")
        }
        #expect(try CLI.run(["list", "--party", "XX"]).status == 64)
        #expect(try CLI.run(["show", "NO-SUCH-PATTERN"]).status == 64)
        // `new` writes into a broken folder all the same; validate then lists the old problems and the new file's.
        #expect(try CLI.run(["new", "CC", "--name", "Charlie", "--registry", broken]).status == 0)
        let validate = try CLI.run(["validate", "--registry", broken])
        #expect(validate.status == 1)
        #expect(validate.text.contains(BrokenRegistry.expectedError(broken)))
        #expect(validate.text.contains("\(broken)/CC.yaml:"))
    }

    @Test("show: file and line, fields, prefixes, lengths and conflicts")
    func show() throws {
        let result = try CLI.run(["show", "KE-EGMS-STAMP"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.contains("declared at   Patterns/KE.yaml:12:"))
        #expect(result.text.contains("fields        issuer, payload, product, serial, check"))
        #expect(result.text.contains("prefixes      KRA"))
        #expect(result.text.contains("lengths       17"))
        #expect(result.text.contains("opaque        no"))
        let conflicting = try CLI.run(["show", "RU-PACK-29"])
        #expect(conflicting.text.contains("UZ/UZ-PACK-29  witness: "), "\(conflicting.text)")
    }

    @Test("new: a template that validate guides through, never overwritten")
    func new() throws {
        let folder = try TemporaryFolder()
        let registry = folder.path("reg")
        let made = try CLI.run(["new", "TZ", "--name", "United Republic of Tanzania", "--registry", registry])
        #expect(made.status == 0, "\(made.stderr)")
        let path = registry + "/TZ.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\n# TZ: United Republic of Tanzania."))  // after the editors' schema modelines
        let guided = try CLI.run(["validate", "--registry", registry])
        #expect(guided.status == 1)
        #expect(guided.lines.first == "registry: \(registry)", "\(guided.text)")
        let errors = guided.lines.filter { $0.contains(": error: ") }
        #expect(errors.count == 1, "\(guided.text)")
        #expect(errors.first?.hasPrefix("\(path):") == true)
        #expect(errors.first?.contains("match example 'TODO: a real UIM of this format' does not match") == true)
        // Replacing the placeholder by a real UIM (Luhn over 12 zeros is 0) makes the file sound.
        try text.replacingOccurrences(of: "TODO: a real UIM of this format", with: "TZ0000000000000")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let sound = try CLI.run(["validate", "--registry", registry])
        #expect(sound.status == 0, "\(sound.text)")
        // The template's TODO description and reference are still there: validate warns, check-submission refuses.
        #expect(sound.lines.filter { $0.contains(": warning: ") && $0.contains("still placeholder text") }.count == 2,
                "\(sound.text)")
        let submitted = try CLI.run(["check-submission", path])
        #expect(submitted.status == 1, "\(submitted.text)")
        #expect(submitted.text.contains("VERDICT: cannot be accepted yet"), "\(submitted.text)")
        #expect(submitted.text.contains("\(path):19:11: error: description 'en' is still placeholder text"),
                "\(submitted.text)")
        #expect(try CLI.run(["new", "TZ", "--name", "Again", "--registry", registry]).status == 1)
        #expect(try CLI.run(["new", "T-Z", "--name", "Bad", "--registry", registry]).status == 64)
    }
}
