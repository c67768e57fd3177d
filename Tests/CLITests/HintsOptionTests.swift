// End-to-end: `--hints` on `route` and `classify` (issue 15). Every unrouted result of Samples/damaged-uims.txt gains
// the hint its damage calls for; classify gives the same hints in every format, counts them in the summary and the
// report, and writes the same bytes whatever the number of jobs; without --hints nothing changes.
import Foundation
import Testing

@Suite("--hints on route and classify", .serialized)
struct HintsOptionTests {
    static let damaged = Readme.root.appendingPathComponent("Samples/damaged-uims.txt").path
    static let seized = Readme.root.appendingPathComponent("Samples/seized-uims.txt").path
    static let date = ["--date", "2026-06-01"]

    /// The repair each line of Samples/damaged-uims.txt calls for (one damaged UIM per kind, in this order), nil for
    /// the last line, which is not a UIM at all.
    static let expectedRepairs: [String?] = [
        "typed-confusable", "case-inverted", "gs-restored", "gs-substitute", "typed-transposition",
        "typed-separators", "junk-removed", "keyboard-azerty", "keyboard-qwertz", nil,
    ]

    func objects(_ result: CLI.Result) throws -> [[String: Any]] {
        try result.lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    func hints(_ object: [String: Any]) -> [[String: Any]]? { object["hints"] as? [[String: Any]] }

    /// Route --hints's JSON of the damaged sample, one object per line.
    func routedWithHints() throws -> [[String: Any]] {
        let result = try CLI.run(["route", "--hints", "--format", "json"] + Self.date + ["-"],
                                 stdin: try Data(contentsOf: URL(fileURLWithPath: Self.damaged)))
        #expect(result.status == 0, "\(result.stderr)")
        return try objects(result)
    }

    @Test("route --hints: every damaged sample line gets the hint of its kind; status, party, matches unchanged")
    func routeJSON() throws {
        let with = try routedWithHints()
        let without = try objects(try CLI.run(["route", "--format", "json"] + Self.date + ["-"],
                                              stdin: try Data(contentsOf: URL(fileURLWithPath: Self.damaged))))
        #expect(with.count == Self.expectedRepairs.count && without.count == with.count)
        for (k, (object, plain)) in zip(with, without).enumerated() {
            #expect(object["status"] as? String == "unrouted", "line \(k + 1)")
            #expect(plain["hints"] == nil, "line \(k + 1): hints without --hints")
            // Hints never change the result: without its hints it is the result of route without --hints.
            var stripped = object
            stripped["hints"] = nil
            #expect(NSDictionary(dictionary: stripped).isEqual(to: plain), "line \(k + 1)")
            let list = try #require(hints(object), "line \(k + 1): no hints array")
            if let repair = Self.expectedRepairs[k] {
                let found = list.compactMap { $0["repair"] as? String }
                #expect(found.contains(repair), "line \(k + 1): \(found), expected \(repair)")
                for hint in list {
                    #expect(["routed", "ambiguous"].contains(hint["status"] as? String ?? ""))
                    #expect(hint["pattern"] is String && hint["uim"] is String && hint["parties"] is [String])
                }
            } else {
                #expect(list.isEmpty, "line \(k + 1): \(list)")
            }
        }
        // The README's example: the confusable I for 1 in a Kenyan stamp code.
        let first = try #require(hints(with[0])?.first)
        #expect(first["uim"] as? String == "KRAT1ZIZGXEZRQZ34" && first["party"] as? String == "KE")
        #expect(first["pattern"] as? String == "KE-EGMS-STAMP")
    }

    @Test("route --hints in text: an indented hint line per hint after the result line, the rest unchanged")
    func routeText() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: Self.damaged))
        let with = try CLI.run(["route", "--hints"] + Self.date, stdin: input)
        let without = try CLI.run(["route"] + Self.date, stdin: input)
        #expect(with.status == 0 && without.status == 0, "\(with.stderr)\(without.stderr)")
        #expect(with.lines.filter { !$0.hasPrefix("  hint ") } == without.lines)
        #expect(with.lines.contains("  hint typed-confusable: KRAT1ZIZGXEZRQZ34 routes to KE Kenya (KE-EGMS-STAMP)"))
        // Hint lines follow their result: the first line's hints come before the second result line.
        #expect(with.lines[0].hasPrefix("KRATIZIZGXEZRQZ34") && with.lines[1].hasPrefix("  hint "))
        let hintLines = with.lines.filter { $0.hasPrefix("  hint ") }
        let jsonHints = try routedWithHints().reduce(0) { $0 + (hints($1)?.count ?? 0) }
        #expect(hintLines.count == jsonHints)
        // Routed and invalid results gain nothing.
        let routed = try CLI.run(["route", "--hints"] + Self.date + ["KRAT1ZIZGXEZRQZ34", ""])
        let routedPlain = try CLI.run(["route"] + Self.date + ["KRAT1ZIZGXEZRQZ34", ""])
        #expect(routed.text == routedPlain.text)
        let routedJSON = try CLI.run(["route", "--hints", "--format", "json"] + Self.date + ["KRAT1ZIZGXEZRQZ34", ""])
        #expect(!routedJSON.text.contains("\"hints\""))
    }

    /// `kind:UIM->PARTY` cells (joined with `;`) from route --hints's JSON hints, as classify's last column has them.
    static func cell(_ hints: [[String: Any]]?) -> String {
        (hints ?? []).map { hint in
            "\(hint["repair"] as? String ?? ""):\(hint["uim"] as? String ?? "")->"
                + ((hint["parties"] as? [String]) ?? []).joined(separator: "|")
        }.joined(separator: ";")
    }

    @Test("classify --hints: jsonl, csv and tsv carry route's hints; the summary counts them by kind",
          arguments: ["jsonl", "csv", "tsv"])
    func classifyFormats(_ format: String) throws {
        let folder = try TemporaryFolder()
        let summary = folder.path("summary.json")
        let report = folder.path("report.html")
        let result = try CLI.run(["classify", "--quiet", "--hints", "--format", format, "--summary-json", summary,
                                  "--report", report, "--summary", Self.damaged] + Self.date)
        #expect(result.status == 0, "\(result.stderr)")
        let routed = try routedWithHints()
        switch format {
        case "jsonl":
            let records = try objects(result)
            #expect(records.count == routed.count)
            for (record, object) in zip(records, routed) {
                let recordHints = try #require(hints(record))
                #expect(NSArray(array: recordHints).isEqual(to: hints(object) ?? []))
            }
        default:
            let rows = CSVText.rows(result.text, separator: format == "csv" ? "," : "\t")
            #expect(rows.first?.last == "hints" && rows.first?.count == 9, "\(rows.first ?? [])")
            #expect(rows.dropFirst().map { $0.last ?? "" } == routed.map { Self.cell(hints($0)) })
        }
        // The counts by kind equal those computed from route --hints on the same file.
        var total = 0
        var byKind: [String: Int] = [:]
        for object in routed {
            let kinds = Set((hints(object) ?? []).compactMap { $0["repair"] as? String })
            if !kinds.isEmpty { total += 1 }
            for kind in kinds { byKind[kind, default: 0] += 1 }
        }
        let counts = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary)))
            as? [String: Any])
        let hintCounts = try #require(counts["hints"] as? [String: Any])
        #expect(hintCounts["unrouted_with_hints"] as? Int == total && total == 9)
        let byRepair = try #require(hintCounts["by_repair"] as? [String: Int])
        #expect(byRepair.filter { $0.value > 0 } == byKind)
        #expect(byRepair.count == Self.expectedRepairs.compactMap { $0 }.count)
        #expect(result.stderr.contains("Unrouted with repair hints:"))
        #expect(result.stderr.contains("  any repair" + String(repeating: " ", count: 34 - 10 + 11) + "9"))
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("<table id=\"hints\">") && html.contains("<td>typed-confusable</td>"))
        // Counts only: no UIM, damaged or repaired, in the summary or the report.
        for text in [try String(contentsOfFile: summary, encoding: .utf8), html] {
            #expect(!text.contains("KRAT") && !text.contains("BR4119"))
        }
    }

    @Test("classify --hints in text: route's hint lines under each record")
    func classifyText() throws {
        let result = try CLI.run(["classify", "--quiet", "--hints", "--format", "text", Self.damaged] + Self.date)
        #expect(result.status == 0, "\(result.stderr)")
        let route = try CLI.run(["route", "--hints"] + Self.date,
                                stdin: try Data(contentsOf: URL(fileURLWithPath: Self.damaged)))
        let hintLines = { (lines: [String]) in
            lines.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("hint ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(!hintLines(result.lines).isEmpty && hintLines(result.lines) == hintLines(route.lines))
        // Under the record, past its line number (8 columns and 2 spaces) and 2 more.
        #expect(result.lines[1].hasPrefix(String(repeating: " ", count: 12) + "hint "), "\(result.lines)")
    }

    @Test("classify --hints writes the same bytes with --jobs 1 and --jobs 2, over many chunks",
          arguments: ["jsonl", "tsv", "text"])
    func jobsAgree(_ format: String) throws {
        let folder = try TemporaryFolder()
        // Over 1 MB: several chunks of work, damaged lines in every one.
        let damaged = try String(contentsOfFile: Self.damaged, encoding: .utf8)
        let seized = try String(contentsOfFile: Self.seized, encoding: .utf8)
        let input = try folder.write("mixed.txt", String(repeating: seized + damaged, count: 12))
        var outputs: [Data] = []
        var summaries: [String] = []
        for jobs in ["1", "2"] {
            let summary = folder.path("summary-\(jobs).json")
            let result = try CLI.run(["classify", "--quiet", "--hints", "--jobs", jobs, "--format", format,
                                      "--summary-json", summary, input] + Self.date)
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(result.stdout)
            let counts = try String(contentsOfFile: summary, encoding: .utf8)
            summaries.append(counts.split(separator: "\n").filter { !$0.contains("\"generated\"") }.joined())
        }
        #expect(outputs[0] == outputs[1])
        #expect(summaries[0] == summaries[1] && summaries[0].contains("\"unrouted_with_hints\""))
    }

    @Test("without --hints classify writes no hints: no column, no key, no summary or report section")
    func classifyWithoutHints() throws {
        let folder = try TemporaryFolder()
        let summary = folder.path("summary.json")
        let report = folder.path("report.html")
        for format in ["jsonl", "csv", "tsv", "text"] {
            let result = try CLI.run(["classify", "--quiet", "--format", format, "--summary", "--summary-json", summary,
                                      "--report", report, Self.damaged] + Self.date)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.text.contains("hint"), "\(format): \(result.text)")
            #expect(!result.stderr.contains("repair hints"))
            // (Not the word alone: the inputs' paths, recorded as provenance, may hold it.)
            #expect(!(try String(contentsOfFile: summary, encoding: .utf8)).contains("\"hints\":"))
            #expect(!(try String(contentsOfFile: report, encoding: .utf8)).contains("repair hints"))
        }
    }

    @Test("the README's route --hints example runs as written and prints what the README shows")
    func readmeExample() throws {
        let readme = try String(contentsOf: Readme.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- hints-example"))
        let end = try #require(readme.range(of: "<!-- end hints-example -->"))
        let fences = readme[start.upperBound..<end.lowerBound].components(separatedBy: "```")
        // fences: [comment, "sh\n<command>\n", "\n<!-- … -->\n", "text\n<output>", "\n"]
        let command = try #require(fences.dropFirst().first?.split(separator: "\n").dropFirst().first)
        let shown = try #require(fences.dropFirst(3).first?.split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst().joined(separator: "\n"))
        #expect(command.hasPrefix(".build/release/uim-router route --hints "))
        // The binary under test stands in for the release one, as the other README tests do.
        let folder = try TemporaryFolder()
        let release = folder.url.appendingPathComponent(".build/release", isDirectory: true)
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: release.appendingPathComponent("uim-router"),
                                                   withDestinationURL: CLI.binary)
        let result = try CLI.shell(String(command), in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.text == shown)
    }
}
