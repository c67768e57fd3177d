// What the analysis reads off the automaton: exact lengths, prefix-free literal prefixes, first bytes.
import Testing
@testable import UIMRouter
@testable import UIMAutomata
@testable import UIMRouterTestSupport

@Suite("Pattern analysis summaries")
struct PatternAnalysisTests {
    @Test("prefixes expand small alternations and stop at wide classes")
    func prefixes() {
        #expect(PatternAnalysis(regex: "(EU|UK)[0-9]{6}").prefixes == [Array("EU".utf8), Array("UK".utf8)])
        #expect(PatternAnalysis(regex: "QCUKT[0-9A-Z]{12}").prefixes == [Array("QCUKT".utf8)])
        #expect(PatternAnalysis(regex: "[0-9A-Z]{12}").prefixes == [[]])
        #expect(PatternAnalysis(regex: "É").prefixes == [[0xC3, 0x89]])
    }

    @Test("prefix sets are prefix-free: A and AB give A only")
    func prefixFree() {
        let prefixes = PatternAnalysis(regex: "A|AB[0-9]{3}|AC").prefixes
        #expect(prefixes == [Array("A".utf8)])
        for regex in ["(01|0)[0-9]{3}", "(ab|abc|abd)x", "x(y|yz)?w", "(?i)ks[0-9]"] {
            let set = PatternAnalysis(regex: regex).prefixes
            for a in set {
                for b in set where a != b { #expect(!b.starts(with: a), "\(regex): \(set)") }
            }
        }
    }

    @Test("every match starts with one of the prefixes")
    func prefixesCoverMatches() {
        var rng = SeededGenerator(seed: 7)
        for regex in ["(01|0)[0-9]{3}", "(ab|abc|abd)x", "x(y|yz)?w", "(?i)ks[0-9]", "(EU|UK|E)[A-F]{2}"] {
            let analysis = PatternAnalysis(regex: regex)
            let counts = analysis.automaton.pathCounts(upTo: 8)
            for length in analysis.automaton.acceptedLengths(counts: counts) {
                for _ in 0..<20 {
                    let sample = analysis.automaton.sample(length: length, counts: counts, using: &rng)!
                    #expect(analysis.prefixes.filter { sample.starts(with: $0) }.count == 1, "\(regex) \(sample)")
                }
            }
        }
    }

    @Test("lengths are exact, in bytes", arguments: [
        ("KE[0-9]{13}", "15"), ("(AB|C)[0-9]{2}", "3–4"), ("(ABC|D)[0-9]{2}", "3, 5"), ("A[0-9]{2,4}", "3–5"),
        ("A+", "≥ 1"),
        ("(?:AB)+", "≥ 2"), ("É{2}", "4"), ("(?:[0-9]{2}){1,3}", "2, 4, 6"),
    ])
    func lengths(regex: String, expected: String) {
        #expect(PatternAnalysis(regex: regex).lengths?.description == expected)
    }

    @Test("periodic lengths of unbounded patterns stay exact")
    func periodicLengths() throws {
        let lengths = try #require(PatternAnalysis(regex: "A(?:BC)*").lengths)
        #expect(lengths.contains(1) && lengths.contains(3) && lengths.contains(1001))
        #expect(!lengths.contains(2) && !lengths.contains(1000))
        #expect(lengths.hasLongerThanCap && lengths.maximum == nil)
    }

    @Test("first bytes")
    func firstBytes() {
        #expect(PatternAnalysis(regex: "[AB]x|Cy").firstBytes.members == Array("ABC".utf8))
        #expect(PatternAnalysis(regex: "(?=A)A").firstBytes.members.count == 256)
    }
}
