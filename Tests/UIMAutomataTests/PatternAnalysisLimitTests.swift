// The router's bounded analysis (an exponential regex costs it a capped amount of work), and the full analysis the
// conflict finder and the linter use. Both ways of minimising an automaton must agree.
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMAutomata
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("Pattern analysis limits")
struct PatternAnalysisLimitTests {
    /// Its automaton needs 2^16 states: beyond both the router's limit and ByteDFA's.
    static let exponential = "[0-9A-Z]*X[0-9A-Z]{15}"

    @Test("an exponential regex stops at the router's state limit and is routed by PCRE2")
    func exponentialRegexIsCutShort() throws {
        let regex = Self.exponential + "Q"
        let analysis = PatternAnalysis(regex: regex, stateLimit: PatternAnalysis.routerStateLimit)
        #expect(analysis.exceedsStateLimit)
        #expect(analysis.isOpaque)
        #expect(analysis.opaqueReason?.message.contains("\(PatternAnalysis.routerStateLimit) DFA states") == true)
        // The conflict finder's analysis is the full one (ByteDFA.stateLimit), not the router's.
        let full = PatternAnalysis(regex: regex)
        #expect(full.exceedsStateLimit)
        #expect(full.opaqueReason?.message.contains("\(ByteDFA.stateLimit) DFA states") == true)

        let location = SourceLocation(file: "T.yaml", line: 1, column: 1)
        let registry = try Registry(
            parties: ["XX", "YY"].map { Party(code: $0, name: $0, protocolParty: true, location: location) },
            patterns: [PatternSpec(id: "XX-EXP", party: "XX", regex: Self.exponential, location: location),
                       PatternSpec(id: "YY-OK", party: "YY", regex: "YY[0-9]{4}", location: location)])
        let router = try Router(registry: registry)
        #expect(router.patternEngines == [.tooManyStates, .automaton])
        #expect(router.route("AX" + String(repeating: "7", count: 15), on: Day(iso: "2026-06-01")!).party == "XX")
        #expect(router.route("YY1234", on: Day(iso: "2026-06-01")!).party == "YY")
    }

    @Test("an analysable regex gets the same automaton under the router's limit as under the full one")
    func routerLimitKeepsAnalysableAutomata() {
        let regex = "ZQ[0-9]{3}(?<serial>[A-F]{2,4})"
        let first = PatternAnalysis(regex: regex, stateLimit: PatternAnalysis.routerStateLimit)
        #expect(!first.exceedsStateLimit)
        #expect(PatternAnalysis(regex: regex).automaton == first.automaton)
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
