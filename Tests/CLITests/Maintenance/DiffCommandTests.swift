// End-to-end: `diff` on the bundled registry against itself, on a changed copy of a fixture, and on a broken one.
import Foundation
import Testing

@Suite("uim-router diff")
struct DiffCommandTests {
    @Test("Patterns/ against itself: no change, exit 0")
    func same() throws {
        let result = try CLI.run(["diff", FmtCommandTests.patterns, FmtCommandTests.patterns])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text.contains("no pattern changed"))
        #expect(result.lines.last?.hasPrefix("no UIM changes routing") == true)
    }

    @Test("a widened pattern: exit 1, and every UIM listed routes as stated through both registries")
    func widened() throws {
        let folder = try TemporaryFolder()
        let old = try FixtureRegistry.write(in: folder)
        let new = folder.path("new")
        try FileManager.default.copyItem(atPath: old, toPath: new)
        let aa = try String(contentsOfFile: new + "/AA.yaml", encoding: .utf8)
        try aa.replacingOccurrences(of: "'X(?<serial>[0-9]{8})'", with: "'[XY](?<serial>[0-9]{8})'")
            .write(toFile: new + "/AA.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run(["diff", old, new, "--format", "json", "--date", "2026-06-01"])
        #expect(result.status == 1, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let parties = try #require(object["parties"] as? [[String: Any]])
        #expect(parties.count == 1)
        let changed = try #require(parties.first?["changed"] as? [[String: Any]])
        #expect(changed.first?["pattern"] as? String == "AA-X")
        #expect(changed.first?["keys"] as? [String] == ["regex"])
        let changes = try #require(object["routing_changes"] as? [[String: Any]])
        #expect(!changes.isEmpty)
        for change in changes {
            let uim = try #require(change["uim"] as? String)
            for (side, registry) in [("old", old), ("new", new)] {
                let expected = try #require(change[side] as? [String: Any])
                let routed = try CLI.run(["route", "--registry", registry, "--format", "json", "--date", "2026-06-01", uim])
                let answer = try #require(try JSONSerialization.jsonObject(with: routed.stdout) as? [String: Any])
                #expect(answer["status"] as? String == expected["status"] as? String, "\(uim) \(side)")
                #expect(answer["party"] as? String == expected["party"] as? String, "\(uim) \(side)")
            }
        }
        let text = try CLI.run(["diff", old, new, "--date", "2026-06-01"])
        #expect(text.text.contains("  ~ AA-X (regex)"))
        #expect(text.text.contains("unrouted → routed AA  [AA-X]"), "\(text.text)")
    }

    @Test("a registry with errors: its diagnostics, exit 2")
    func broken() throws {
        let folder = try TemporaryFolder()
        let broken = try BrokenRegistry.write(in: folder)
        let result = try CLI.run(["diff", FmtCommandTests.patterns, broken])
        #expect(result.status == 2)
        #expect(result.stderr.contains(BrokenRegistry.expectedError(broken)))
    }
}
