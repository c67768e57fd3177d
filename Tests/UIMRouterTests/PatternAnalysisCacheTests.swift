// The router's bounded analysis (an exponential regex costs it a capped amount of work and is not shared) and the
// memory bound of the process-wide cache. Both ways of minimising an automaton must agree.
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMAutomata
@testable import UIMRouting

@Suite("Pattern analysis cache and limits")
struct PatternAnalysisCacheTests {
    /// Its automaton needs 2^16 states: beyond both the router's limit and ByteDFA's.
    static let exponential = "[0-9A-Z]*X[0-9A-Z]{15}"

    @Test("an exponential regex stops at the router's state limit, is routed by PCRE2 and is not shared")
    func exponentialRegexIsCutShort() throws {
        let regex = Self.exponential + "Q"   // a regex no other test analyses
        let analysis = PatternAnalysis.forRouter(regex: regex)
        #expect(analysis.exceedsStateLimit)
        #expect(analysis.isOpaque)
        #expect(analysis.opaqueReason?.message.contains("\(PatternAnalysis.routerStateLimit) DFA states") == true)
        #expect(PatternAnalysis.forRouter(regex: regex).opaqueReason == analysis.opaqueReason)
        // The conflict finder's analysis is the full one (ByteDFA.stateLimit), not the router's.
        let full = PatternAnalysis.cached(regex: regex)
        #expect(full.exceedsStateLimit)
        #expect(full.opaqueReason?.message.contains("\(ByteDFA.stateLimit) DFA states") == true)

        let location = SourceLocation(file: "T.yaml", line: 1, column: 1)
        let registry = Registry(
            parties: ["XX", "YY"].map { Party(code: $0, name: $0, protocolParty: true, location: location) },
            patterns: [PatternSpec(id: "XX-EXP", party: "XX", regex: Self.exponential, location: location),
                       PatternSpec(id: "YY-OK", party: "YY", regex: "YY[0-9]{4}", location: location)])
        let router = try Router(registry: registry)
        #expect(router.patternEngines == [.tooManyStates, .automaton])
        #expect(router.route("AX" + String(repeating: "7", count: 15), on: Day(iso: "2026-06-01")!).party == "XX")
        #expect(router.route("YY1234", on: Day(iso: "2026-06-01")!).party == "YY")
    }

    @Test("an analysable regex the router analyses is shared with later callers")
    func routerAnalysesAreShared() {
        let regex = "ZQ[0-9]{3}(?<serial>[A-F]{2,4})"
        let first = PatternAnalysis.forRouter(regex: regex)
        #expect(!first.exceedsStateLimit)
        #expect(PatternAnalysis.cached(regex: regex).automaton == first.automaton)
    }

    @Test("the cache stays within its memory budget, evicting the oldest analyses first")
    func cacheIsBounded() {
        let analyses = (0..<50).map { PatternAnalysis(regex: "CB\($0)[0-9A-Z]{\(10 + $0 % 7)}") }
        let budget = analyses[0..<10].map(\.approximateBytes).reduce(0, +)
        var cache = AnalysisCache()
        for analysis in analyses { cache.insert(analysis, budget: budget) }
        #expect(cache.bytes <= budget)
        #expect(cache.entries.count >= 8 && cache.entries.count < 50)
        #expect(cache.entries[analyses[49].regex] != nil)
        #expect(cache.entries[analyses[0].regex] == nil)
        #expect(cache.bytes == cache.entries.values.map(\.approximateBytes).reduce(0, +))
        #expect(PatternAnalysis.cacheFootprint.bytes <= PatternAnalysis.cacheBudgetBytes)
        #expect(analyses[0].approximateBytes > 2_048)
    }

    @Test("one-pass minimisation of acyclic automata finds the same state classes as Moore's refinement")
    func acyclicMinimisationAgreesWithMoore() throws {
        var rng = SeededGenerator(seed: 0x5EED)
        var compared = 0
        for _ in 0..<150 {
            let a = PatternAnalysis(regex: RandomDialectRegex.regex(&rng)).automaton
            let b = PatternAnalysis(regex: RandomDialectRegex.regex(&rng)).automaton
            // An unminimised product has equivalent states to merge.
            guard let product = ByteDFA.intersection([a, b], minimize: false), product.start >= 0,
                  let acyclic = product.acyclicBlocks()
            else { continue }
            compared += 1
            let moore = product.mooreBlocks()
            #expect(acyclic.count == moore.count)
            var pairing: [Int32: Int32] = [:]
            for state in 0..<product.stateCount {
                let known = pairing[acyclic.block[state]] ?? moore.block[state]
                #expect(known == moore.block[state])
                pairing[acyclic.block[state]] = known
            }
            #expect(product.minimized().stateCount == acyclic.count)
        }
        #expect(compared > 10)
    }
}
