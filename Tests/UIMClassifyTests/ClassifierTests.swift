// The streaming classifier: one record per input record, in order whatever the threads, summary counts, and the
// ways a run can end (output failure, cancellation).
import Foundation
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMClassify
@testable import UIMRouterTestSupport

@Suite("Classifier")
struct ClassifierTests {
    @Test("parallel routing keeps input order and matches a single job byte for byte", arguments: [2, 3, 8])
    func orderUnderParallelism(jobs: Int) throws {
        let input = BatchFixtures.plainInput(count: 5_003, trailingNewline: false)
        let single = try BatchFixtures.classify(input, jobs: 1, chunkBytes: 1024)
        let parallel = try BatchFixtures.classify(input, jobs: jobs, chunkBytes: 1024)
        #expect(parallel.text == single.text)
        let rows = single.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(rows.count == 5_004)   // header + one row per line
        #expect(rows.dropFirst().map { Int($0.prefix { $0 != "\t" })! } == Array(1...5_003))
        #expect(parallel.outcome.isComplete)
        var summary = parallel.outcome.summary
        summary.generated = single.outcome.summary.generated   // the time generated (provenance) differs by design
        #expect(summary == single.outcome.summary)
    }

    @Test("jsonl lines are the contract's JSON plus the line number, in order")
    func jsonLines() throws {
        let input = BatchFixtures.plainInput(count: BatchFixtures.kinds.count)
        let (text, _) = try BatchFixtures.classify(input, output: .jsonl, jobs: 3)
        let lines = text.split(separator: "\n")
        #expect(lines.count == BatchFixtures.kinds.count)
        for (k, line) in lines.enumerated() {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            #expect(object["line"] as? Int == k + 1)
            #expect(object["status"] as? String == BatchFixtures.kinds[k].status.rawValue)
        }
        let routed = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(routed["party"] as? String == "AA")
    }

    @Test("the summary counts every status, Party, ambiguous set and reason")
    func summaryCounts() throws {
        let input = BatchFixtures.plainInput(count: 3 * BatchFixtures.kinds.count)
        let summary = try BatchFixtures.classify(input, jobs: 2).outcome.summary
        #expect(summary.records == 30)
        #expect(summary.count(.routed) == 9)
        #expect(summary.count(.ambiguous) == 3)
        #expect(summary.count(.unrouted) == 9)
        #expect(summary.count(.invalid) == 9)
        #expect(summary.parties.map(\.code) == ["AA", "BB"])
        #expect(summary.parties.map(\.count) == [6, 3])
        #expect(summary.parties[0].name == "Party AA")
        #expect(summary.ambiguous == [.init(parties: ["BB", "CC"], count: 3)])
        let unrouted = Dictionary(uniqueKeysWithValues: summary.unrouted.map { ($0.reason, $0.count) })
        #expect(unrouted == ["check-failed": 3, "expired": 3, "no-pattern": 3, "not-yet-valid": 0, "match-limit": 0])
        let invalid = Dictionary(uniqueKeysWithValues: summary.invalid.map { ($0.reason, $0.count) })
        #expect(invalid["empty"] == 3 && invalid["not valid UTF-8"] == 3 && invalid["longer than 512 bytes"] == 3)
        #expect(summary.complete)
        #expect(!summary.json.contains("AA01234567AB1234"))
    }

    @Test("CSV columns are carried through and malformed rows stay in their place")
    func carriedColumns() throws {
        let csv = "ref,UIM,note\n7,AA01234567AB1234,\"a, \"\"b\"\"\nc\"\n8,X12345678\n9,BB123456784,ok\n"
        let (text, outcome) = try BatchFixtures.classify(Array(csv.utf8), format: .csv, output: .jsonl, jobs: 2)
        let objects = try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(objects.map { $0["line"] as? Int } == [2, 4, 5])
        #expect(objects.map { $0["status"] as? String } == ["routed", "invalid", "routed"])
        #expect((objects[0]["columns"] as? [String: String]) == ["ref": "7", "note": "a, \"b\"\nc"])
        #expect(objects[1]["error"] as? String == MalformedRow.fieldCount.description)
        #expect(outcome.summary.invalid.first { $0.reason == MalformedRow.fieldCount.description }?.count == 1)
    }

    @Test("CSV output quotes what needs quoting and keeps stable columns")
    func csvOutput() throws {
        let tsv = "ref\tuim\n\"a,b\"\tBB123456784\n"
        let (text, _) = try BatchFixtures.classify(Array(tsv.utf8), format: .tsv, output: .csv, jobs: 1)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "ref,line,uim,status,party,party_name,patterns,fields,reasons")
        #expect(lines[1] == #""a,b",2,BB123456784,routed,BB,Party BB,BB-GTIN,"{""payload"":""12345678"",""check"":""4""}","#)
    }

    @Test("a failing write ends the run as an output failure, never silently")
    func outputFailure() throws {
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        defer { close(full) }
        let options = ClassifierOptions(jobs: 2, date: BatchFixtures.day, format: .tsv, chunkBytes: 1024)
        let outcome = try BatchFixtures.withInput(BatchFixtures.plainInput(count: 50_000)) { descriptor in
            Classifier(router: BatchFixtures.router, options: options).run(
                [ClassificationInput(name: "in", descriptor: descriptor, format: .plain)], to: full)
        }
        guard case .outputFailed(let error) = outcome.ending else {
            Issue.record("expected an output failure, got \(outcome.ending)")
            return
        }
        #expect(error.code == ENOSPC)
        #expect(!outcome.summary.complete)
    }

    @Test("a cancelled run ends as cancelled and is not complete")
    func cancelled() throws {
        let cancellation = ClassificationCancellation()
        cancellation.cancel()
        let (_, outcome) = try BatchFixtures.classify(BatchFixtures.plainInput(count: 100), cancellation: cancellation)
        guard case .cancelled = outcome.ending else {
            Issue.record("expected cancelled, got \(outcome.ending)")
            return
        }
        #expect(!outcome.summary.complete)
    }

    @Test("a very long line is cut, reported invalid, and the next line is still read")
    func longLine() throws {
        let input = Array(repeating: UInt8(ascii: "A"), count: 5_000) + Array("\nAA01234567AB1234\n".utf8)
        let (text, outcome) = try BatchFixtures.classify(input, jobs: 1, chunkBytes: 1024)
        let rows = text.split(separator: "\n").dropFirst()
        #expect(rows.count == 2)
        #expect(rows.first?.hasSuffix("longer than 512 bytes") == true)
        #expect(outcome.summary.count(.routed) == 1)
    }
}
