// End-to-end: `bench --json-lines`, the Swift baseline of the C interface's batch call (Benchmarks/CInterface/run).
import Foundation
import Testing

@Suite("bench --json-lines")
struct BenchCommandTests {
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
