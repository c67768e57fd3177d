// End-to-end: `conflicts`, `lint`, `check-submission` and `sample` on the bundled registry and small fixtures;
// every printed witness is routed back through `route` and must come out ambiguous.
import Foundation
import Testing

@Suite("uim-router conflicts, lint, check-submission, sample")
struct AnalysisCommandsTests {
    @Test("conflicts --format json: one object per line, exit 1, every witness routes ambiguous")
    func conflictsJSON() throws {
        let result = try CLI.run(["conflicts", "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(!result.lines.isEmpty)
        for line in result.lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let kind = try #require(object["kind"] as? String)
            #expect(["overlap", "check-separated", "sampled"].contains(kind))
            let a = try #require(object["a"] as? [String: String]), b = try #require(object["b"] as? [String: String])
            #expect(a["party"] != nil && a["pattern"] != nil && b["party"] != nil && a["party"] != b["party"])
            let witness = try #require(object["witness"] as? String)
            guard kind != "check-separated" else { continue }
            let date = (object["from"] as? String) ?? "2026-06-01"
            let routed = try CLI.run(["route", "--format", "json", "--date", date, witness])
            let answer = try #require(try JSONSerialization.jsonObject(with: routed.stdout) as? [String: Any])
            #expect(answer["status"] as? String == "ambiguous", "\(witness) → \(routed.text)")
            let parties = Set(((answer["matches"] as? [[String: Any]]) ?? []).compactMap { $0["party"] as? String })
            #expect(parties.isSuperset(of: [a["party"]!, b["party"]!]), "\(witness) → \(parties)")
        }
    }

    @Test("conflicts in text, filtered by Party; an unknown Party is a usage error")
    func conflictsText() throws {
        let result = try CLI.run(["conflicts", "--party", "UZ", "--date", "2026-06-01"])
        #expect(result.status == 1)
        #expect(result.text.contains("RU/RU-PACK-29 × UZ/UZ-PACK-29"))
        #expect(!result.text.contains("AE/AE-DTS-SGTIN × RU/"))
        #expect(try CLI.run(["conflicts", "--party", "XX"]).status == 64)
    }

    @Test("lint prints compiler-style lines and a summary")
    func lint() throws {
        let result = try CLI.run(["lint", "--date", "2026-06-01"])
        #expect(result.lines.last?.contains("patterns,") == true)
        for line in result.lines.dropLast() {
            #expect(line.range(of: #"^Patterns/[A-Z]+\.yaml:\d+:\d+: (warning|note): \S+: .* \[[a-z-]+\]$"#,
                               options: .regularExpression) != nil, "\(line)")
        }
        #expect(result.status == (result.lines.contains { $0.contains(": warning: ") } ? 1 : 0))
    }

    @Test("sample: N UIMs that route to the pattern's Party; the same seed repeats them")
    func sample() throws {
        let result = try CLI.run(["sample", "KE-EGMS-STAMP", "-n", "5", "--seed", "4"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 5)
        #expect(try CLI.run(["sample", "KE-EGMS-STAMP", "-n", "5", "--seed", "4"]).lines == result.lines)
        let routed = try CLI.run(["route", "--format", "json", "--date", "2026-06-01"] + result.lines)
        for line in routed.lines { #expect(line.contains(#""party":"KE""#), "\(line)") }
        #expect(try CLI.run(["sample", "NO-SUCH-ID"]).status == 64)
    }

    @Test("check-submission: a clean file exits 0, an overlapping one exits 1 naming the witness")
    func checkSubmission() throws {
        let folder = try TemporaryFolder()
        let clean = try folder.write("TZ.yaml", """
            format: 1
            party: {code: TZ, name: Tanzania, protocol_party: true}
            patterns:
              - id: TZ-STAMP
                regex: 'TZR(?<payload>[0-9]{12})(?<check>[0-9])'
                check: {algorithm: luhn}
                examples:
                  match: ["TZR0000000000000"]
            """)
        let accepted = try CLI.run(["check-submission", clean])
        #expect(accepted.status == 0, "\(accepted.text)")
        #expect(accepted.text.contains("VERDICT: can be accepted"))
        let clash = try folder.write("UZ.yaml", """
            format: 1
            party: {code: UZ, name: Uzbekistan, protocol_party: true}
            patterns:
              - id: UZ-ANY-29
                regex: '[0-9]{14}[!-~]{15}'
            """)
        let refused = try CLI.run(["check-submission", clash])
        #expect(refused.status == 1)
        #expect(refused.text.contains("VERDICT: cannot be accepted"))
        #expect(refused.text.contains("[overlap]") && refused.text.contains("witness:"))
    }
}
