// The candidate trie fed by exact analysis: a pattern sits under each of its prefixes, a walk yields it at most
// once, and routing through the trie equals the naive scan on registries of random dialect regexes.
import Testing
@testable import UIMRouter
@testable import UIMRegex
@testable import UIMRegistry
@testable import UIMAutomata
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("Candidate trie with analysed prefixes")
struct CandidateTrieTests {
    private func candidates(_ trie: CandidateTrie, _ uim: String) -> [Int] {
        var found: [Int] = []
        var text = uim
        text.withUTF8 { trie.forEachCandidate(in: $0) { found.append($0) } }
        return found
    }

    @Test("a pattern is found under each of its prefixes, once per walk")
    func eachPrefixOnce() {
        let shapes = ["(EU|UK)[0-9]{2}", "E[A-Z0-9]{3}", "[0-9]{4}", "(?=E)E.*"].map { RegexShape(regex: $0) }
        #expect(shapes[0].prefixes == [Array("EU".utf8), Array("UK".utf8)])
        let trie = CandidateTrie(shapes: shapes)
        trie._checkInvariants()
        // Candidates are pruned by prefix and length only; PCRE2 confirms them. Pattern 3 is opaque: the scanner
        // keeps its prefix `E` after the lookahead.
        #expect(candidates(trie, "EU12").sorted() == [0, 1, 2, 3])
        #expect(candidates(trie, "UK12").sorted() == [0, 2])
        #expect(candidates(trie, "1234").sorted() == [2])
        #expect(candidates(trie, "EU123").sorted() == [3])   // lengths prune the others
        for uim in ["EU12", "UK12", "E123", "EU"] {
            let found = candidates(trie, uim)
            #expect(found.count == Set(found).count, "\(uim): \(found) has duplicates")
        }
    }

    @Test("trie router equals the naive scan on registries of random dialect regexes")
    func trieEqualsNaiveOnDialectRegexes() throws {
        var rng = SeededGenerator(seed: 0x7121_E5)
        var compared = 0
        var matched = 0
        let day = Day(iso: "2026-06-01")!
        for _ in 0..<20 {
            var patterns: [PatternSpec] = []
            var parties: [Party] = []
            for p in 0..<4 {
                let code = "P\(p)"
                parties.append(Party(code: code, name: code, protocolParty: true,
                                     location: SourceLocation(file: "\(code).yaml", line: 1, column: 1)))
                var k = 0
                while k < 4 {
                    let regex = RandomDialectRegex.regex(&rng)
                    guard (try? CompiledRegex(regex)) != nil else { continue }
                    patterns.append(PatternSpec(id: "\(code)-\(k)", party: code, regex: regex,
                                                location: SourceLocation(file: "\(code).yaml", line: 1, column: 1)))
                    k += 1
                }
            }
            let router = try Router(registry: Registry(parties: parties, patterns: patterns))
            let naive = NaiveScanner(router: router)
            let scratch = router.makeScratch()
            let naiveScratch = MatchScratch(maxCaptureCount: router.maxCaptureCount, limits: MatchLimits())
            var subjects = (0..<100).map { _ in RandomDialectRegex.subject(&rng) }
            for spec in patterns {
                let analysis = PatternAnalysis(regex: spec.regex)
                guard !analysis.isOpaque else { continue }
                let counts = analysis.automaton.pathCounts(upTo: 10)
                for length in analysis.automaton.acceptedLengths(counts: counts).prefix(4) {
                    guard let bytes = analysis.automaton.sample(length: length, counts: counts, using: &rng)
                    else { continue }
                    subjects.append(String(decoding: bytes, as: UTF8.self))
                }
            }
            for uim in subjects {
                let fast = router.route(uim, on: day, using: scratch)
                let reference = naive.route(uim, on: day, using: naiveScratch)
                #expect(fast == reference, "UIM \(uim.debugDescription), regexes: \(patterns.map(\.regex))")
                compared += 1
                if !fast.matches.isEmpty { matched += 1 }
            }
        }
        #expect(compared >= 2_000)
        #expect(matched >= 300, "only \(matched) UIMs matched a pattern")
    }
}
