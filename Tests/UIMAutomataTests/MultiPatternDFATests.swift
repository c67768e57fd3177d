// The multi-pattern automaton against each pattern's own automaton, in both layouts, and the router's party-only path
// against its full path on random and synthetic registries.
import Testing
@testable import UIMRouter
@testable import UIMRegex
@testable import UIMRegistry
@testable import UIMAutomata
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMRouterTestSupport

@Suite("MultiPatternDFA")
struct MultiPatternDFATests {
    static func members(_ regexes: [String]) -> [MultiPatternDFA.Member] {
        regexes.enumerated().map { index, regex in
            MultiPatternDFA.Member(pattern: Int32(index), automaton: PatternAnalysis(regex: regex).automaton,
                                   party: Int32(index % 2))
        }
    }

    static func built(_ members: [MultiPatternDFA.Member],
                      denseLimit: Int = MultiPatternDFA.denseLimitBytes) -> MultiPatternDFA? {
        if case .built(let automaton) = MultiPatternDFA.build(members, caps: .init(states: 100_000, pairs: 1_000_000),
                                                              denseLimit: denseLimit) {
            automaton._checkInvariants()
            return automaton
        }
        return nil
    }

    /// The accepting set reached by stepping through the hot tables one byte at a time.
    static func stepped(_ automaton: MultiPatternDFA, _ uim: [UInt8]) -> Int {
        var state = automaton.startState
        for byte in uim where state >= 0 { state = automaton.next(state, byte) }
        return state < 0 ? -1 : automaton.acceptingSet(ofState: state)
    }

    static func patterns(_ automaton: MultiPatternDFA, set: Int) -> [Int32] {
        set < 0 ? [] : Array(automaton.setPatterns[Int(automaton.setStart[set])..<Int(automaton.setStart[set + 1])])
    }

    static func accepted(_ automaton: MultiPatternDFA, _ text: String) -> [Int32] {
        var text = text
        let set = text.withUTF8 { automaton.acceptingSet($0) }
        #expect(set == stepped(automaton, Array(text.utf8)))
        return patterns(automaton, set: set)
    }

    @Test("the accepting set is exactly the patterns whose own automaton accepts")
    func acceptingSetIsExact() throws {
        let regexes = ["AB[0-9]{3}", "A[A-Z][0-9]{3}", "[A-Z]{2}[0-9]{2,4}-X", "01[0-9]{4}", "(?:EU|UK)[0-9]{3}"]
        let automaton = try #require(Self.built(Self.members(regexes)))
        #expect(Self.accepted(automaton, "AB123") == [0, 1])
        #expect(Self.accepted(automaton, "AC123") == [1])
        #expect(Self.accepted(automaton, "AB12-X") == [2])
        #expect(Self.accepted(automaton, "UK123") == [4])
        #expect(Self.accepted(automaton, "AB1234").isEmpty)
        #expect(Self.accepted(automaton, "").isEmpty)
        let set = try #require((Array("AB123".utf8)).withUnsafeBufferPointer { automaton.acceptingSet($0) } as Int?)
        #expect(automaton.setPartyCount[set] == 2)
    }

    @Test("dense and compact layouts agree on random inputs")
    func layoutsAgree() throws {
        var rng = SplitMix(seed: 99)
        let synthetic = SyntheticRegistry(patterns: 600, seed: 3)
        let members = synthetic.registry.patterns.enumerated().compactMap { index, spec -> MultiPatternDFA.Member? in
            let analysis = PatternAnalysis(regex: spec.regex)
            guard !analysis.isOpaque, analysis.prefixes.allSatisfy({ !$0.isEmpty }) else { return nil }
            return MultiPatternDFA.Member(pattern: Int32(index), automaton: analysis.automaton, party: 0)
        }
        let automaton = try #require(Self.built(members))
        #expect(automaton.isCompact, "600 patterns should exceed the dense limit")
        let dense = try #require(Self.built(members, denseLimit: .max))
        #expect(!dense.isCompact)
        #expect(dense.stateCount == automaton.stateCount)
        for uim in synthetic.uims(count: 2_000, seed: 4) {
            let set = uim.withUnsafeBufferPointer { automaton.acceptingSet($0) }
            #expect(set == Self.stepped(automaton, uim))
            let denseSet = uim.withUnsafeBufferPointer { dense.acceptingSet($0) }
            #expect(denseSet == Self.stepped(dense, uim))
            let expected = members.filter { $0.automaton.accepts(uim) }.map(\.pattern)
            #expect(Self.patterns(automaton, set: set) == expected, "\(String(decoding: uim, as: UTF8.self))")
            #expect(Self.patterns(dense, set: denseSet) == expected, "\(String(decoding: uim, as: UTF8.self))")
            _ = rng.next()
        }
    }

    @Test("a build past its cap names the patterns that multiplied states")
    func overflowNamesOffenders() {
        let regexes = ["AB[0-9]{3}", "[0-9A-Z]*X[0-9A-Z]{6}", "CD[0-9]{3}"]
        let result = MultiPatternDFA.build(Self.members(regexes), caps: .init(states: 40, pairs: 10_000))
        guard case .overflow(let offenders) = result else {
            Issue.record("expected an overflow")
            return
        }
        #expect(offenders == [1])
    }

    @Test("party-only routing equals full routing (status and Parties) on synthetic registries")
    func partyOnlyEqualsFull() throws {
        let day = Day(iso: "2026-06-01")!
        for size in [50, 700] {
            let synthetic = SyntheticRegistry(patterns: size, seed: UInt64(size))
            let router = try Router(registry: synthetic.registry)
            #expect(router.patternEngines.contains(.automaton))
            #expect(router.patternEngines.contains(.opaque))
            for automaton in router.index.automata { automaton._checkInvariants() }
            router.index.trie._checkInvariants()
            let full = router.makeScratch()
            let quick = router.makeScratch()
            let naive = NaiveScanner(router: router)
            let naiveScratch = MatchScratch(maxCaptureCount: router.maxCaptureCount, limits: MatchLimits())
            for uim in synthetic.uims(count: 1_500, seed: 77) {
                uim.withUnsafeBufferPointer { input in
                    let status = router.decide(utf8: input, on: day, using: full)
                    #expect(router.decide(utf8: input, on: day, using: quick, fields: false) == status)
                    #expect(router.matchedParties(in: quick) == router.matchedParties(in: full))
                    #expect(quick.matches.map(\.pattern) == full.matches.map(\.pattern))
                    #expect(quick.ranges.isEmpty)
                    let text = String(decoding: input, as: UTF8.self)
                    #expect(router.result(for: input, in: full) == naive.route(text, on: day, using: naiveScratch))
                }
            }
        }
    }
}
