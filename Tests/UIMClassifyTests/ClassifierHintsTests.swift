// The classifier with repair hints (issue 15): one HintFinder per worker, so the records and the counts by repair
// kind are those of a HintFinder run alone over the same lines, whatever the number of jobs; without hints the
// summary has no hint counts.
import Foundation
import Testing
@testable import UIMRouter
@testable import UIMRouterTestSupport

@Suite("Classifier with hints")
struct ClassifierHintsTests {
    /// Lines with damage the fixture registry's patterns can repair, among the usual kinds.
    static let damaged = ["bb123456784", "AA 0123 4567 AB 1234", "TTT BB123456784", "BB123456748", "aa01234567ab1234"]

    static func input(count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for k in 0..<count {
            bytes += k % 3 == 0 ? Array(damaged[k / 3 % damaged.count].utf8)
                : BatchFixtures.kinds[k % BatchFixtures.kinds.count].line
            bytes.append(0x0A)
        }
        return bytes
    }

    @Test("counts by repair kind equal a HintFinder's over the same lines, with 1 or 3 jobs, over many chunks",
          arguments: [ClassificationFormat.tsv, .jsonl])
    func countsAgreeWithFinder(_ format: ClassificationFormat) throws {
        let input = Self.input(count: 3_001)
        let single = try BatchFixtures.classify(input, output: format, jobs: 1, chunkBytes: 1024, hints: true)
        let parallel = try BatchFixtures.classify(input, output: format, jobs: 3, chunkBytes: 1024, hints: true)
        #expect(parallel.text == single.text)
        var summary = parallel.outcome.summary
        summary.generated = single.outcome.summary.generated
        #expect(summary == single.outcome.summary)

        let finder = HintFinder(router: BatchFixtures.router)
        let scratch = BatchFixtures.router.makeScratch()
        var total = 0
        var byKind = Array(repeating: 0, count: RepairKind.allCases.count)
        for line in input.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            let result = Array(line).withUnsafeBufferPointer {
                BatchFixtures.router.route(utf8: $0, on: BatchFixtures.day, using: scratch)
            }
            let kinds = Set(finder.hints(for: result, on: BatchFixtures.day).hints.map(\.repair))
            if !kinds.isEmpty { total += 1 }
            for (k, kind) in RepairKind.allCases.enumerated() where kinds.contains(kind) { byKind[k] += 1 }
        }
        let hints = try #require(single.outcome.summary.hints)
        #expect(hints.unroutedWithHints == total && total > 0)
        #expect(hints.byRepair.map(\.repair) == RepairKind.allCases)
        #expect(hints.byRepair.map(\.count) == byKind)
        #expect(single.outcome.summary.json.contains("\"unrouted_with_hints\": \(total)"))
        #expect(single.outcome.summary.text.contains("Unrouted with repair hints:"))
        #expect(HTMLReport.render(single.outcome.summary).contains("<table id=\"hints\">"))
    }

    @Test("a search stopped at its step budget is flagged on its record and counted in the summary, with 1 or 3 jobs")
    func cappedSearchesAreCounted() throws {
        let input = Self.input(count: 301)
        let roomy = try BatchFixtures.classify(input, output: .jsonl, jobs: 1, hints: true)
        #expect(!roomy.text.contains("hints_capped"))
        #expect(try #require(roomy.outcome.summary.hints).capped == 0)
        #expect(!roomy.outcome.summary.json.contains("\"capped\""))
        #expect(!roomy.outcome.summary.text.contains("search capped"))
        for jobs in [1, 3] {
            let tight = try BatchFixtures.classify(input, output: .jsonl, jobs: jobs, chunkBytes: 256, hints: true,
                                                   hintStepBudget: 5)
            let lines = tight.text.split(separator: "\n").map(String.init)
            // A UIM whose walk dies within 5 steps is searched whole even so: not every unrouted line is capped.
            let capped = lines.filter { $0.contains(",\"hints_capped\":true") }
            #expect(!capped.isEmpty)
            #expect(capped.allSatisfy { $0.contains("\"status\":\"unrouted\"") })
            #expect(lines.filter { $0.contains("hints_capped") }.count == capped.count)
            let summary = tight.outcome.summary
            #expect(try #require(summary.hints).capped == capped.count)
            #expect(summary.json.contains("\"capped\": \(capped.count)}"))
            #expect(summary.text.contains("search capped (may miss repairs)"))
            #expect(HTMLReport.render(summary).contains("search capped"))
        }
    }

    @Test("without hints: no hints column or key, no hint counts, the same records as before")
    func withoutHints() throws {
        let input = Self.input(count: 301)
        for format in [ClassificationFormat.tsv, .jsonl] {
            let plain = try BatchFixtures.classify(input, output: format)
            #expect(plain.outcome.summary.hints == nil)
            #expect(!plain.text.contains("hints") && !plain.outcome.summary.json.contains("hints"))
            #expect(!HTMLReport.render(plain.outcome.summary).contains("id=\"hints\""))
            let hinted = try BatchFixtures.classify(input, output: format, hints: true)
            // With hints, each record only gains its hints: removing them gives the records without.
            let stripped = hinted.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                if case .tsv = format { return String(line.split(separator: "\t", omittingEmptySubsequences: false)
                    .dropLast().joined(separator: "\t")) }
                // "hints" is the last key of a plain input's line (no carried columns follow it).
                guard let hints = line.range(of: ",\"hints\":[") else { return String(line) }
                return String(line[..<hints.lowerBound]) + "}"
            }
            #expect(stripped == plain.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }
}
