// End-to-end: `fmt` and `fmt --check` on the bundled Patterns/, a file out of layout and a registry with errors.
import Foundation
import Testing

@Suite("uim-router fmt")
struct FmtCommandTests {
    static let patterns = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Patterns").path

    @Test("fmt --check passes on Patterns/")
    func bundled() throws {
        let result = try CLI.run(["fmt", "--check", "--registry", Self.patterns])
        #expect(result.status == 0, "\(result.text)\(result.stderr)")
        #expect(result.lines.last?.hasSuffix("0 not canonical, 0 could not be formatted") == true)
    }

    @Test("--check names the file and line and changes nothing; fmt rewrites it with the same digest")
    func rewrite() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let path = registry + "/BB.yaml"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let digest = try CLI.run(["validate", "--registry", registry]).lines.last
        let checked = try CLI.run(["fmt", "--check", "--registry", registry])
        #expect(checked.status == 1)
        #expect(checked.lines.contains("\(path):4: not in the canonical layout"), "\(checked.text)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        let formatted = try CLI.run(["fmt", "--registry", registry])
        #expect(formatted.status == 0, "\(formatted.stderr)")
        #expect(formatted.lines.contains("formatted \(path)"))
        #expect(try CLI.run(["fmt", "--check", "--registry", registry]).status == 0)
        #expect(try CLI.run(["validate", "--registry", registry]).lines.last == digest)
        #expect(digest?.hasPrefix("digest: sha256:") == true)
    }

    @Test("a registry with errors: the diagnostics on standard error, exit 1, files untouched")
    func broken() throws {
        let folder = try TemporaryFolder()
        let broken = try BrokenRegistry.write(in: folder)
        let before = try String(contentsOfFile: broken + "/BB.yaml", encoding: .utf8)
        for arguments in [["fmt"], ["fmt", "--check"]] {
            let result = try CLI.run(arguments + ["--registry", broken])
            #expect(result.status == 1)
            #expect(result.stderr.contains(BrokenRegistry.expectedError(broken)), "\(result.stderr)")
        }
        #expect(try String(contentsOfFile: broken + "/BB.yaml", encoding: .utf8) == before)
    }

    @Test("a Notepad file (BOM + CRLF) that validates is formatted, keeping its BOM, CRLF and first comment")
    func notepadFile() throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let path = registry + "/BB.yaml"
        let original = "# Bravo's file\n" + (FixtureRegistry.files["BB.yaml"] ?? "") + "\n# end"
        try folder.write("registry/BB.yaml", Data([0xEF, 0xBB, 0xBF] + Array(original.replacingOccurrences(
            of: "\n", with: "\r\n").utf8)))
        let digest = try CLI.run(["validate", "--registry", registry])
        #expect(digest.status == 0, "\(digest.text)")
        let formatted = try CLI.run(["fmt", "--registry", registry])
        #expect(formatted.status == 0, "\(formatted.text)\(formatted.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("# Bravo's file\r\nformat: 1\r\n".utf8)))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasSuffix("\r\n# end\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF was written")
        #expect(try CLI.run(["validate", "--registry", registry]).lines.last == digest.lines.last)
        #expect(try CLI.run(["fmt", "--check", "--registry", registry]).status == 0)
    }
}
