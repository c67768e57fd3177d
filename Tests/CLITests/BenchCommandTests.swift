// End-to-end: `uim-router bench` reads a file as `classify` does, so both count the same statuses (issue 12);
// `bench --json-lines` is the Swift baseline of the C interface's batch call (Benchmarks/CInterface/run).
import Foundation
import Testing

@Suite("uim-router bench")
struct BenchCommandTests {
    /// The `key=value` pairs of bench's router line.
    static func figures(_ result: CLI.Result) -> [String: String] {
        let line = result.lines.first { $0.hasPrefix("engine=router") } ?? ""
        return Dictionary(line.split(separator: " ").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }, uniquingKeysWith: { a, _ in a })
    }

    @Test("bench and classify count the same statuses on the same file (tabs, CRLF, CSV rows); `-` is standard input",
          arguments: [("list.txt", "AA01234567AB1234\tbox 3\r\nX12345678\r\n\nBB123456785\n"),
                      ("list.csv", "ref,uim\n1,AA01234567AB1234\n\n2\n3,X12345678\r\n")])
    func sameCountsAsClassify(name: String, text: String) throws {
        let folder = try TemporaryFolder()
        let registry = try FixtureRegistry.write(in: folder)
        let path = try folder.write(name, text)
        let bench = try CLI.run(["bench", "--registry", registry, "--date", "2026-06-01", "--repeat", "1",
                                 "--engine", "router", path])
        #expect(bench.status == 0, "\(bench.stderr)")
        let summaryPath = folder.path("summary.json")
        let classify = try CLI.run(["classify", "--registry", registry, "--date", "2026-06-01", "--quiet", path,
                                    "--output", folder.path("out.jsonl"), "--summary-json", summaryPath])
        #expect(classify.status == 0, "\(classify.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summaryPath))) as! [String: Any]
        let statuses = try #require(summary["status"] as? [String: Int])
        let figures = Self.figures(bench)
        for status in ["routed", "ambiguous", "unrouted", "invalid"] {
            #expect(figures[status].flatMap(Int.init) == statuses[status], "\(status)")
        }
        #expect(figures["uims"].flatMap(Int.init) == summary["records"] as? Int)
        if name.hasSuffix(".txt") {
            let stdin = try CLI.run(["bench", "--registry", registry, "--date", "2026-06-01", "--repeat", "1",
                                     "--engine", "router", "-"], stdin: Data(text.utf8))
            #expect(Self.figures(stdin)["invalid"] == figures["invalid"], "\(stdin.stderr)")
        }
    }

    @Test("one key=value line: routing plus JSON lines, with the counts of the routed UIMs")
    func jsonLines() throws {
        let result = try CLI.run(["bench", "--json-lines", "--date", "2026-06-01", "--repeat", "2"],
                                 stdin: Data("0108008232764457235WYDQ-R5W\nnothing like a UIM\n\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == 1)
        let line = try #require(result.lines.first)
        for pair in ["engine=router", "fields=json-lines", "uims=3", "routed=1", "unrouted=1", "invalid=1"] {
            #expect(line.contains(" \(pair)") || line.hasPrefix(pair), "\(pair) in \(line)")
        }
        #expect(line.contains(" ns_per_uim="))
    }
}
