// What the classifier reads (issue 12): CRLF line ends in every input format, blank CSV/TSV lines skipped and counted,
// per-row dates, the summary's provenance, and the same records for `bench` (UIMList) as for `classify`.
import Foundation
import Testing
@testable import UIMRouter
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMClassify
@testable import UIMRouterTestSupport

@Suite("Classifier inputs")
struct ClassifierInputTests {
    @Test("a CR before LF is part of the line end: the uim column never keeps it", arguments: InputFormat.allCases)
    func crlf(format: InputFormat) throws {
        let header = format == .plain ? "" : "uim" + (format == .csv ? "," : "\t") + "ref\r\n"
        let separator = format == .plain ? "" : (format == .csv ? ",r" : "\tr")
        let input = header + "AA01234567AB1234\(separator)\r\nX12345678\(separator)\r\nZZ\(separator)\r"
        let (text, outcome) = try BatchFixtures.classify(Array(input.utf8), format: format, output: .jsonl)
        #expect(outcome.isComplete)
        let objects = try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(objects.map { $0["uim"] as? String } == ["AA01234567AB1234", "X12345678", "ZZ"])
        if format != .plain {
            #expect(objects.map { ($0["columns"] as? [String: String])?["ref"] } == ["r", "r", "r"])
        }
        let (tsv, _) = try BatchFixtures.classify(Array(input.utf8), format: format, output: .tsv)
        #expect(!tsv.contains("\r"))
    }

    @Test("blank CSV/TSV lines are skipped and counted apart; plain lists keep one record per line")
    func blankLines() throws {
        let csv = "uim,ref\nAA01234567AB1234,1\n\n\r\nX12345678,2\n\n"
        let (text, outcome) = try BatchFixtures.classify(Array(csv.utf8), format: .csv, output: .tsv)
        #expect(text.split(separator: "\n").count == 3)   // header + 2 records
        #expect(outcome.summary.records == 2 && outcome.summary.count(.invalid) == 0)
        #expect(outcome.summary.blankLines == 3)
        #expect(outcome.summary.lines == 6)
        #expect(outcome.summary.text.contains("blank lines: 3"))
        #expect(outcome.summary.json.contains("\"blank_lines\": 3"))
        let plain = try BatchFixtures.classify(Array("AA01234567AB1234\n\nX12345678\n".utf8)).outcome.summary
        #expect(plain.records == 3 && plain.count(.invalid) == 1 && plain.blankLines == 0)
    }

    @Test("--date-column routes each row on its own date; a bad or missing date makes that row invalid, not a stop")
    func perRowDates() throws {
        // AA-OLD (AO…) is valid until 2020-12-31.
        let csv = "uim,seized\nAO123456,2020-06-01\nAO123456,2026-06-01\nAO123456,2026-02-30\nAO123456,\n"
            + "AO123456,01/06/2020\nAA01234567AB1234, 2026-06-01 \n"
        let (text, outcome) = try BatchFixtures.classify(Array(csv.utf8), format: .csv, output: .tsv,
                                                         dateColumn: .name("seized"))
        #expect(outcome.isComplete)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.map { String($0[3]) } == ["routed", "unrouted", "invalid", "invalid", "invalid", "routed"])
        #expect(rows.map { String($0.last!) } == ["", "AA-OLD:expired", MalformedRow.badDate.description,
                                                  MalformedRow.missingDate.description, MalformedRow.badDate.description,
                                                  ""])
        #expect(rows.map { String($0[0]) } == ["2020-06-01", "2026-06-01", "2026-02-30", "", "01/06/2020", " 2026-06-01 "])
        let summary = outcome.summary
        #expect(summary.dateColumn == "seized")
        #expect(summary.json.contains("\"date\": \"per row\""))
        #expect(summary.invalid.first { $0.reason == MalformedRow.badDate.description }?.count == 2)
        let missing = try BatchFixtures.classify(Array(csv.utf8), format: .csv, dateColumn: .name("when")).outcome
        guard case .inputFailed(let error) = missing.ending else {
            Issue.record("expected a missing date column to stop the run")
            return
        }
        #expect(error.code == .columnNotFound && error.message.contains("no date column 'when'"))
    }

    @Test("the summary and the report carry provenance: inputs, lines, registry and digest, version, date, time")
    func provenance() throws {
        let (_, outcome) = try BatchFixtures.classify(BatchFixtures.plainInput(count: 12))
        let summary = outcome.summary
        #expect(summary.inputs == [.init(name: "input", lines: 12, blankLines: 0)])
        #expect(summary.toolVersion == "9.9.9-test")
        #expect(summary.generated.wholeMatch(of: /20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/) != nil)
        let json = try JSONSerialization.jsonObject(with: Data(summary.json.utf8)) as! [String: Any]
        #expect(json["tool_version"] as? String == "9.9.9-test")
        #expect(json["generated"] as? String == summary.generated)
        #expect(json["date"] as? String == "2026-06-01")
        #expect(json["lines"] as? Int == 12)
        #expect((json["inputs"] as? [[String: Any]])?.first?["name"] as? String == "input")
        #expect((json["registry"] as? [String: Any])?["digest"] as? String == BatchFixtures.registry.digest)
        let html = HTMLReport.render(summary)
        for text in ["Provenance", "input (12 lines)", "sha256:" + BatchFixtures.registry.digest, "uim-router 9.9.9-test",
                     summary.generated, "2026-06-01"] {
            #expect(html.contains(text), "\(text)")
        }
        #expect(summary.text.contains("inputs: input (12 lines)") && summary.text.contains("9.9.9-test"))
    }

    @Test("UIMList (bench) reads the records classify routes: same invalid count on plain, CSV and TSV files",
          arguments: [
            (InputFormat.plain, "AA01234567AB1234\tnote\r\n\nX12345678\r\nBB123456784\n"),
            (InputFormat.csv, "ref,uim\n1,AA01234567AB1234\n\n2\n3,\"never closed\n4,X12345678\r\n"),
            (InputFormat.tsv, "uim\tref\nAA01234567AB1234\t1\n\t2\n\nX12345678\t3\t4\n"),
          ])
    func sameReaderAsClassify(format: InputFormat, text: String) throws {
        let summary = try BatchFixtures.classify(Array(text.utf8), format: format).outcome.summary
        let list = try BatchFixtures.withInput(Array(text.utf8)) { descriptor in
            try UIMList.read(ClassificationInput(name: "in", descriptor: descriptor, format: format),
                             router: BatchFixtures.router, date: BatchFixtures.day)
        }
        let measured = RoutingBenchmark.measure(router: BatchFixtures.router, engine: .router, uims: list.uims,
                                                day: BatchFixtures.day, repeats: 1, fields: false)
        #expect(list.uims.count + list.malformed == summary.records)
        #expect(measured.counts[.invalid, default: 0] + list.malformed == summary.count(.invalid))
        #expect(measured.counts[.routed, default: 0] == summary.count(.routed))
        #expect(list.blankLines == summary.blankLines)
    }
}
