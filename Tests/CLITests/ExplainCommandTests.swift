// End-to-end: `uim-router explain` on the bundled registry — each part of its text output, and its JSON.
import Foundation
import Testing

@Suite("uim-router explain")
struct ExplainCommandTests {
    let date = ["--date", "2026-06-01"]

    @Test("text: what was stripped, the result, the check characters, the nearest patterns with a caret, the hints")
    func textParts() throws {
        let result = try CLI.run(["explain"] + date + ["]d2KRA4NWSGO6MD2NL9A "])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.text
        #expect(text.contains("normalised  KRA4NWSGO6MD2NL9A   (removed: AIM symbology identifier ]d2, trailing white space)"))
        #expect(text.contains("result      unrouted on 2026-06-01"))
        #expect(text.contains("check     KE KE-EGMS-STAMP: iso7064-mod37-36 over '4NWSGO6MD2NL9' calls for 'Z', the UIM has 'A'"))
        #expect(text.contains("nearest patterns"))
        // KE-EGMS-CARTON accepts KRA then a C: the caret sits under the 4th character.
        let lines = result.lines
        let carton = try #require(lines.firstIndex { $0.contains("KE KE-EGMS-CARTON  (lengths 20; this UIM has 17)") })
        #expect(lines[carton + 1] == "    KRA4NWSGO6MD2NL9A")
        #expect(lines[carton + 2] == "       ^ expected 'C', found '4'")
        #expect(text.contains("typed-confusable: KRA4NWSG06MD2NL9A routes to KE Kenya (KE-EGMS-STAMP)"))
    }

    @Test("text: a validity window, and an opaque pattern listed by name without a position")
    func datesAndOpaque() throws {
        let expired = try CLI.run(["explain"] + date + ["CMB2444660425056"])
        #expect(expired.text.contains("date      BR BR-SCORPIOS-SELO-2007: valid 2007-01-01 to 2023-12-31, expired on 2026-06-01"),
                "\(expired.text)")
        let long = "WAA9" + String(repeating: "Z", count: 40)
        let opaque = try CLI.run(["explain"] + date + [long])
        #expect(opaque.text.contains("EU EU-WAA9-AGG  (lengths 42–62; this UIM has 44): opaque, decided by PCRE2, no position available"))
    }

    @Test("text: a routed UIM shows its matches and no near misses; an invalid one its reason")
    func routedAndInvalid() throws {
        let result = try CLI.run(["explain"] + date + ["KRA4NWSG06MD2NL9A", "\u{01}"])
        #expect(result.text.contains("result      routed to KE Kenya on 2026-06-01\n  matches   KE KE-EGMS-STAMP\n\nUIM"))
        #expect(result.text.contains("result      invalid: control character"))
        #expect(!result.text.contains("nearest patterns"))
    }

    @Test("json: one object per line of standard input; its result is exactly route's JSON")
    func json() throws {
        let input = Data("KRA4NWSG06DM2NL9A\nkra4nwsg06md2nl9a\n".utf8)
        let explained = try CLI.run(["explain", "--format", "json"] + date, stdin: input)
        let routed = try CLI.run(["route", "--format", "json"] + date, stdin: input)
        #expect(explained.lines.count == 2)
        for (line, routeLine) in zip(explained.lines, routed.lines) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let result = try #require(object["result"] as? NSDictionary)
            let expected = try #require(try JSONSerialization.jsonObject(with: Data(routeLine.utf8)) as? NSDictionary)
            #expect(result == expected)
            #expect(Set(object.keys) == ["input", "normalised", "stripped", "date", "result", "nearest", "checks",
                                          "dates", "hints", "hints_capped"])
            #expect((object["nearest"] as? [[String: Any]])?.isEmpty == false)
        }
        let first = try #require(try JSONSerialization.jsonObject(with: Data(explained.lines[0].utf8)) as? [String: Any])
        let hint = try #require((first["hints"] as? [[String: Any]])?.first)
        #expect(hint["repair"] as? String == "typed-transposition")
        #expect(hint["uim"] as? String == "KRA4NWSG06MD2NL9A")
        #expect(hint["status"] as? String == "routed" && hint["party"] as? String == "KE")
        #expect(hint["pattern"] as? String == "KE-EGMS-STAMP")
        let checks = try #require(first["checks"] as? [[String: Any]])
        #expect(checks.first?["computed"] as? String == "Y" && checks.first?["found"] as? String == "A")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(explained.lines[1].utf8)) as? [String: Any])
        #expect((second["hints"] as? [[String: Any]])?.first?["repair"] as? String == "case-inverted")
    }

    @Test("the README's explain example runs as written and prints what the README shows")
    func readmeExample() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- explain-example"))
        let end = try #require(readme.range(of: "<!-- end explain-example -->"))
        let block = String(readme[start.upperBound..<end.lowerBound])
        let fences = block.components(separatedBy: "```")
        // fences: [comment, "sh\n<command>\n", "\n<!-- … -->\n", "text\n<output>", "\n"]
        let command = try #require(fences.dropFirst().first?.split(separator: "\n").dropFirst().first)
        let shown = try #require(fences.dropFirst(3).first?.split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst().joined(separator: "\n"))
        var words: [String] = []
        var quoted = false
        var word = ""
        for character in command {
            if character == "'" { quoted.toggle() } else if character == " ", !quoted {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else { word.append(character) }
        }
        words.append(word)
        #expect(words.first == ".build/release/uim-router")
        let result = try CLI.run(Array(words.dropFirst()))
        #expect(result.status == 0)
        #expect(result.text == shown)
    }
}
