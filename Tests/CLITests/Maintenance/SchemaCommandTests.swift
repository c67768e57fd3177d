// End-to-end: `schema` prints the committed Schemas/ file, and `new` heads its template with the modelines and
// writes the schema they name beside it, in the canonical layout `fmt --check` expects.
import Foundation
import Testing

@Suite("uim-router schema, and new's modelines")
struct SchemaCommandTests {
    static let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Schemas/uim-registry-1.schema.json")

    @Test("schema prints the committed Schemas/uim-registry-1.schema.json, byte for byte")
    func printsCommittedSchema() throws {
        let result = try CLI.run(["schema"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == (try Data(contentsOf: Self.committed)),
            "run: uim-router schema > Schemas/uim-registry-1.schema.json")
        let json = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        #expect(json?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test("new starts the file with the modelines and writes the schema they name beside it; fmt keeps them")
    func newWritesModelinesAndSchema() throws {
        let folder = try TemporaryFolder()
        let registry = folder.path("reg")
        let made = try CLI.run(["new", "TZ", "--name", "Tanzania", "--registry", registry])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(
            made.lines.first?.hasPrefix("wrote \(registry)/TZ.yaml and \(registry)/uim-registry-1.schema.json;")
                == true, "\(made.text)")
        let text = try String(contentsOfFile: registry + "/TZ.yaml", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.prefix(3) == [
                "# yaml-language-server: $schema=uim-registry-1.schema.json", "# $schema: uim-registry-1.schema.json",
                "# TZ: Tanzania. Registry file for UIMRouter (registry format 1).",
            ])
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: registry + "/uim-registry-1.schema.json"))
                == (try Data(contentsOf: Self.committed)))
        let checked = try CLI.run(["fmt", "--check", "--registry", registry])
        #expect(checked.status == 0, "\(checked.text)\(checked.stderr)")
        // A second Party in the same folder finds the schema up to date and leaves it alone.
        let again = try CLI.run(["new", "KE", "--name", "Kenya", "--registry", registry])
        #expect(again.lines.first?.hasPrefix("wrote \(registry)/KE.yaml;") == true, "\(again.text)")
        #expect(try folder.contents() == ["reg"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: registry).sorted()
                == ["KE.yaml", "TZ.yaml", "uim-registry-1.schema.json"])
    }
}
