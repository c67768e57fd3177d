// End-to-end runs of `uim-router classify`: plain, CSV and TSV inputs with bad records mixed in give one output
// record per input record, in order, with the carried columns intact; --output is all or nothing, even on Ctrl-C.
import Foundation
import Testing

@Suite("uim-router classify", .serialized)
struct ClassifyCommandTests {
    let folder: TemporaryFolder
    let registry: String

    init() throws {
        folder = try TemporaryFolder()
        registry = try FixtureRegistry.write(in: folder)
    }

    func classify(_ arguments: [String], stdin: Data = Data()) throws -> CLI.Result {
        try CLI.run(["classify", "--registry", registry, "--date", "2026-06-01", "--quiet"] + arguments, stdin: stdin)
    }

    func jsonObjects(_ result: CLI.Result) throws -> [[String: Any]] {
        try result.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test("plain input: bad lines become invalid records in their place")
    func plainInput() throws {
        var input = Data("AA01234567AB1234\n\n".utf8)
        input += Data([0x41, 0xFF, 0x0A])                                  // not UTF-8
        input += Data((String(repeating: "A", count: 600) + "\n").utf8)    // too long
        input += Data("X12345678\n  ]d2BB123456784  \nAA\u{1}B\nBB123456785".utf8)   // no final newline
        let result = try classify(["--format", "tsv"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.lines.map { $0.components(separatedBy: "\t") }
        #expect(rows.first == ["line", "uim", "status", "party", "party_name", "patterns", "fields", "reasons"])
        #expect(rows.dropFirst().map { $0[0] } == (1...8).map(String.init))
        #expect(rows.dropFirst().map { $0[2] } == ["routed", "invalid", "invalid", "invalid", "ambiguous", "routed",
                                                   "invalid", "unrouted"])
        #expect(rows.dropFirst().map { $0[7] } == ["", "empty", "not valid UTF-8", "longer than 512 bytes", "",
                                                   "", "control character", "BB-GTIN:check-failed"])
        #expect(rows[5][3] == "AA|BB")
        #expect(rows[6][1] == "  ]d2BB123456784  ")
    }

    @Test("CSV input: quoted fields, embedded commas and line breaks are carried; malformed rows stay in place")
    func csvInput() throws {
        let csv = #"""
            Seizure ref,Pack code,Notes
            S-1,AA01234567AB1234,"box 3, shelf ""B"""
            S-2,X12345678,"two
            lines"
            S-3,BB123456785
            S-4,,empty code
            S-5,BB123456784,ok
            S-6,AA01234567AB1234,"never closed
            S-7,BB123456784,last
            """#
        let path = try folder.write("seizure.csv", csv)
        let result = try classify([path, "--column", "Pack code"])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try jsonObjects(result)
        #expect(objects.map { $0["line"] as? Int } == [2, 3, 5, 6, 7, 8, 9])
        #expect(objects.map { $0["status"] as? String } == ["routed", "ambiguous", "invalid", "invalid", "routed",
                                                            "invalid", "routed"])
        let columns = objects.map { $0["columns"] as? [String: String] ?? [:] }
        #expect(columns.map { $0["Seizure ref"] } == ["S-1", "S-2", "S-3", "S-4", "S-5", "S-6", "S-7"])
        #expect(columns[0]["Notes"] == "box 3, shelf \"B\"")
        #expect(columns[1]["Notes"] == "two\nlines")
        #expect(objects[2]["error"] as? String == "malformed row: wrong number of fields")
        #expect(objects[3]["error"] as? String == "empty")
        #expect(objects[5]["error"] as? String == "malformed row: unterminated quoted field")
        #expect(objects[0]["uim"] as? String == "AA01234567AB1234")
    }

    // Issue 12 changed this: the blank line 3 used to be an `invalid` record; it is now skipped.
    @Test("TSV input to CSV output: stable columns after the carried ones, one row per record, blank lines skipped")
    func tsvInput() throws {
        let tsv = "uim\tcase\tweight\nAA01234567AB1234\tC-1\t1,5 kg\n\nBB123456784\tC-3\nX12345678\tC-4\t\"a\tb\"\n"
        let path = try folder.write("seizure.tsv", tsv)
        let result = try classify([path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = CSVText.rows(result.text)
        #expect(rows.first == ["case", "weight", "line", "uim", "status", "party", "party_name", "patterns", "fields",
                               "reasons"])
        #expect(rows.dropFirst().map(\.count) == [10, 10, 10])
        #expect(rows.dropFirst().map { $0[2] } == ["2", "4", "5"])
        #expect(rows.dropFirst().map { $0[4] } == ["routed", "invalid", "ambiguous"])
        #expect(rows[1][0...1] == ["C-1", "1,5 kg"])
        #expect(rows[3][0...1] == ["C-4", "a\tb"])
        #expect(rows[1][6] == "Alpha Union")
        #expect(rows[3][6] == "Alpha Union|Bravo, \"the Republic\"")
        #expect(rows[1][8] == #"{"serial":"01234567AB","product":"1234"}"#)
    }

    @Test("several inputs, standard input among them: each record names its file, lines count per file")
    func severalInputs() throws {
        let first = try folder.write("a.txt", "AA01234567AB1234\nZZ\n")
        let result = try classify([first, "-", "--format", "jsonl"], stdin: Data("BB123456784\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try jsonObjects(result)
        #expect(objects.map { $0["file"] as? String } == [first, first, "-"])
        #expect(objects.map { $0["line"] as? Int } == [1, 2, 1])
    }

    @Test("--output, --summary-json and --report appear whole, and hold counts only")
    func outputFiles() throws {
        let out = folder.path("routed.tsv")
        let summary = folder.path("summary.json")
        let report = folder.path("report.html")
        let input = Data("AA01234567AB1234\nAA01234567AB1234\nX12345678\nBB123456785\n\n".utf8)
        let result = try classify(["--format", "tsv", "--output", out, "--summary-json", summary, "--report", report,
                                   "--summary"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try folder.contents() == ["registry", "report.html", "routed.tsv", "summary.json"])
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count == 6)
        let counts = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as! [String: Any]
        #expect(counts["records"] as? Int == 5)
        #expect(counts["status"] as? [String: Int] == ["routed": 2, "ambiguous": 1, "unrouted": 1, "invalid": 1])
        #expect((counts["parties"] as? [[String: Any]])?.first?["name"] as? String == "Alpha Union")
        #expect((counts["ambiguous"] as? [[String: Any]])?.first?["parties"] as? [String] == ["AA", "BB"])
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("<svg") && !html.contains("<script"))
        for text in [try String(contentsOfFile: summary, encoding: .utf8), html, result.stderr] {
            #expect(!text.contains("AA01234567AB1234") && !text.contains("X12345678"))
        }
        #expect(result.stderr.contains("Alpha Union"))
    }

    @Test("Ctrl-C stops the run, leaves no output file, and says how far it got")
    func interrupt() throws {
        let out = folder.path("out.tsv")
        let (process, stdin, stderr) = try CLI.start(["classify", "--registry", registry, "--format", "tsv",
                                                      "--output", out, "--quiet"])
        // Enough for a few chunks to be routed and written to the temporary file; then the input stays open.
        let lines = String(repeating: "AA01234567AB1234\nX12345678\n", count: 20_000)
        signal(SIGPIPE, SIG_IGN)   // should the child die early, a failed write must not kill the test runner
        try stdin.write(contentsOf: Data(lines.utf8))
        var partial: [String] = []
        for _ in 0..<600 where partial.isEmpty {   // wait (at most a minute) for the temporary file
            partial = try folder.contents().filter { $0.hasPrefix(".out.tsv.partial-") }
            if partial.isEmpty { usleep(100_000) }
        }
        #expect(partial.count == 1)
        process.interrupt()   // SIGINT
        process.waitUntilExit()
        try? stdin.close()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130)
        #expect(try folder.contents() == ["registry"])
        #expect(message.contains("interrupted"))
        #expect(message.contains("record(s) written"))
        #expect(message.contains("out.tsv was not written"))
    }

    @Test("a failing write stops the run with a message and a non-zero exit")
    func writeFailure() throws {
        let input = Data(String(repeating: "AA01234567AB1234\n", count: 20_000).utf8)
        let result = try CLI.run(["classify", "--registry", registry, "--format", "tsv", "--quiet"], stdin: input,
                                 stdoutPath: "/dev/full")
        #expect(result.status == 74)
        #expect(result.stderr.contains("cannot write output"))
    }

    @Test("a --column that the header lacks is a clear error")
    func missingColumn() throws {
        let path = try folder.write("s.csv", "a,b\n1,2\n")
        let result = try classify([path, "--column", "Pack code"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("no column 'Pack code'"))
    }

    // Issue 12, "An analyst classifying a list".

    @Test("without --column or a column named uim, the column that looks like UIMs is routed and stderr says why")
    func columnChoiceSaid() throws {
        let path = try folder.write("seizure.csv", "Seizure ref,Pack code,Notes\nS-1,AA01234567AB1234,a\nS-2,X12345678,b\n")
        let result = try classify([path, "--format", "tsv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("seizure.csv: UIM column 2 'Pack code': 2 of its first 2 values match"))
        #expect(result.lines.dropFirst().map { $0.components(separatedBy: "\t")[4] } == ["routed", "ambiguous"])
    }

    @Test("a list with no column that looks like UIMs is refused (65), naming the header; nothing is written")
    func seizureIDsRefused() throws {
        let path = try folder.write("ids.csv", "Seizure ref,Officer\nS-1,Smith\nS-2,Jones\n")
        let out = folder.path("routed.tsv")
        let result = try classify([path, "--format", "tsv", "--output", out])
        #expect(result.status == 65)
        #expect(result.stderr.contains("no column looks like UIMs") && result.stderr.contains("'Seizure ref', 'Officer'"))
        #expect(result.stderr.contains("--column"))
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out))
        let toStdout = try classify([path])
        #expect(toStdout.status == 65 && toStdout.stdout.isEmpty)
    }

    @Test("CRLF line ends: the CR is part of the line end in plain, CSV and TSV input",
          arguments: [("list.txt", ""), ("list.csv", "uim,ref\r\n"), ("list.tsv", "uim\tref\r\n")])
    func crlfInputs(name: String, header: String) throws {
        let cell = header.isEmpty ? "" : (name.hasSuffix(".csv") ? ",r" : "\tr")
        let path = try folder.write(name, header + "AA01234567AB1234\(cell)\r\nZZ\(cell)\r\n")
        let result = try classify([path, "--format", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try jsonObjects(result)
        #expect(objects.map { $0["uim"] as? String } == ["AA01234567AB1234", "ZZ"])
        let csv = try classify([path, "--format", "csv"])
        #expect(!csv.text.contains("\r"))
    }

    @Test("--date-column routes each row on its own date; a bad date makes that row invalid and the run goes on")
    func dateColumn() throws {
        // The bundled KE-EGMS-STAMP-V1 pattern is valid until 2023-12-31.
        let path = try folder.write("dated.csv", "uim,seized\nKE62611695722008,2023-06-01\nKE62611695722008,2026-06-01\n"
            + "KE62611695722008,2026-02-30\nKE62611695722008,\n")
        let summary = folder.path("summary.json")
        let result = try CLI.run(["classify", "--quiet", path, "--date-column", "seized", "--format", "jsonl",
                                  "--summary-json", summary])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try jsonObjects(result)
        #expect(objects.map { $0["status"] as? String } == ["routed", "unrouted", "invalid", "invalid"])
        try #require(objects.count == 4)
        #expect(objects[2]["error"] as? String == "bad date: not a YYYY-MM-DD day that exists")
        #expect(objects[3]["error"] as? String == "no date in the date column")
        let counts = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as! [String: Any]
        #expect(counts["date"] as? String == "per row")
        #expect(counts["date_column"] as? String == "seized")
        for bad in [["classify", "--date-column", "seized", "--date", "2026-06-01", path],
                    ["classify", "--date-column", "2", folder.path("plain.txt")]] {
            let usage = try CLI.run(bad)
            #expect(usage.status == 64, "\(bad): \(usage.stderr)")
        }
    }

    @Test("--summary-json and --report carry provenance: inputs, lines, registry and digest, version, date, time")
    func provenance() throws {
        let path = try folder.write("list.txt", "AA01234567AB1234\nX12345678\nZZ\n")
        let summary = folder.path("summary.json")
        let report = folder.path("report.html")
        let result = try classify([path, "-", "--output", folder.path("out.jsonl"), "--summary-json", summary,
                                   "--report", report], stdin: Data("BB123456784\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let counts = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as! [String: Any]
        let inputs = try #require(counts["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["name"] as? String } == [path, "-"])
        #expect(inputs.map { $0["lines"] as? Int } == [3, 1])
        #expect(counts["lines"] as? Int == 4)
        #expect((counts["registry"] as? [String: Any])?["source"] as? String == registry)
        let digest = try #require((counts["registry"] as? [String: Any])?["digest"] as? String)
        let version = try #require(counts["tool_version"] as? String)
        let generated = try #require(counts["generated"] as? String)
        #expect(try CLI.run(["--version"]).text.contains(version) && !version.isEmpty)
        #expect(generated.hasSuffix("Z") && generated.contains("T"))
        #expect(counts["date"] as? String == "2026-06-01")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        for text in [path, "(3 lines)", registry, digest, version, generated, "2026-06-01"] {
            #expect(html.contains(text), "\(text)")
        }
    }

    @Test("json and jsonl are the same format")
    func jsonSpelling() throws {
        let input = Data("AA01234567AB1234\nZZ\n".utf8)
        let jsonl = try classify(["--format", "jsonl"], stdin: input)
        let json = try classify(["--format", "json"], stdin: input)
        #expect(json.status == 0 && json.stdout == jsonl.stdout && !json.stdout.isEmpty)
    }

    @Test("blank CSV/TSV lines are skipped and counted apart in the summary")
    func blankLinesSummary() throws {
        let path = try folder.write("gaps.csv", "uim,ref\nAA01234567AB1234,1\n\n\r\nZZ,2\n\n")
        let result = try classify([path, "--format", "tsv", "--summary"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 3)
        #expect(result.stderr.contains("blank lines: 3"))
        #expect(result.stderr.contains("Classified 2 record(s)"))
        #expect(!result.text.contains("invalid"))
    }

    @Test("a reader that goes away (| head -1) ends classify quietly; a full disk still fails loudly (74)")
    func closedPipe() throws {
        let input = Data(String(repeating: "AA01234567AB1234\nX12345678\n", count: 50_000).utf8)
        let run = try CLI.runClosingOutput(["classify", "--registry", registry, "--quiet", "--format", "tsv"],
                                           stdin: input)
        #expect(run.firstLine.hasPrefix("line\tuim"))
        // Nothing on standard error but the line naming the registry read.
        #expect(run.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("registry: ") }, "\(run.stderr)")
        #expect((run.bySignal && run.status == SIGPIPE) || run.status == 0 || run.status == 141)
        let full = try CLI.run(["classify", "--registry", registry, "--quiet"], stdin: input, stdoutPath: "/dev/full")
        #expect(full.status == 74 && full.stderr.contains("cannot write output"))
    }
}
