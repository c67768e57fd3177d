// The analyser's automaton against PCRE2 itself: random dialect regexes, random subjects and subjects drawn from
// the automaton (and their near misses); the automaton must accept exactly what PCRE2 matches.
import Testing
@testable import UIMRouter
@testable import UIMRegex
@testable import UIMAutomata
@testable import UIMRouterTestSupport

@Suite("Analyser automaton agrees with PCRE2")
struct AutomatonDifferentialTests {
    @Test("random dialect regexes: the automaton accepts exactly what PCRE2 matches")
    func automatonEqualsPCRE2() throws {
        var rng = SeededGenerator(seed: 0xA11A_2026)
        let scratch = MatchScratch(maxCaptureCount: 64, limits: MatchLimits())
        var pairs = 0
        var accepted = 0
        var analysed = 0
        var opaque: [String: Int] = [:]
        var mismatches: [String] = []
        for _ in 0..<1_000 {
            let text = RandomDialectRegex.regex(&rng)
            guard let regex = try? CompiledRegex(text, jit: false) else { continue }
            let analysis = PatternAnalysis(regex: text)
            if let reason = analysis.opaqueReason {
                opaque[reason.message, default: 0] += 1
                continue
            }
            analysed += 1
            var subjects = (0..<8).map { _ in RandomDialectRegex.subject(&rng) }
            let counts = analysis.automaton.pathCounts(upTo: 12)
            let lengths = analysis.automaton.acceptedLengths(counts: counts)
            for _ in 0..<8 where !lengths.isEmpty {
                let length = lengths.randomElement(using: &rng)!
                if let bytes = analysis.automaton.sample(length: length, counts: counts, using: &rng) {
                    let drawn = String(decoding: bytes, as: UTF8.self)
                    #expect(Array(drawn.utf8) == bytes, "automaton drew invalid UTF-8 for \(text)")
                    subjects.append(drawn)
                    subjects.append(RandomDialectRegex.mutate(drawn, &rng))
                }
            }
            for subject in subjects {
                var copy = subject
                let outcome = copy.withUTF8 { scratch.match(regex, $0) }
                if case .undecided = outcome { continue }
                let pcre = outcome == .match
                pairs += 1
                if pcre { accepted += 1 }
                if analysis.matches(subject) != pcre, mismatches.count < 20 {
                    mismatches.append("\(text.debugDescription) on \(subject.debugDescription): PCRE2 \(pcre)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(pairs >= 10_000, "only \(pairs) pairs compared")
        #expect(accepted >= 2_000, "only \(accepted) matching pairs: the comparison proves little")
        #expect(analysed >= 400, "only \(analysed) regexes analysable; opaque: \(opaque)")
        print("automaton vs PCRE2: \(pairs) pairs (\(accepted) matches) over \(analysed) regexes; opaque \(opaque)")
    }
}
