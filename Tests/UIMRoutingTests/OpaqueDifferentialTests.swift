// The router against PCRE2's interpreter on regexes from the whole PCRE2 syntax (issue 11): every pattern-subject
// pair must agree, opaque patterns included. Fixed seeds, bounded count; the `opaque` fuzz target explores further.
import Testing
@_spi(Fuzzing) @testable import UIMRouter
@testable import UIMAutomata
@testable import UIMRouting
@testable import UIMRouterTestSupport

@Suite("Router against the PCRE2 interpreter, whole PCRE2 syntax")
struct OpaqueDifferentialTests {
    @Test("100,000 pattern-subject pairs: the router agrees with the interpreter on every one")
    func agreesWithInterpreter() {
        let runner = PCRE2Differential(patternsPerRegistry: 24, subjectsPerPattern: 6)
        var tally = PCRE2Differential.Tally()
        var seed: UInt64 = 0x0115_0000
        while tally.pairs < 100_000 {
            runner.run(seed: seed, into: &tally)
            seed += 1
        }
        let paths = PatternEngine.allCases.map { "\($0.rawValue) \(tally.patternsByEngine[$0] ?? 0)" }
        print("opaque differential: \(tally.pairs) pairs (\(tally.matchingPairs) matching, \(tally.undecidedPairs) "
            + "undecided by the interpreter), \(seed - 0x0115_0000) registries; patterns: \(paths.joined(separator: ", ")), "
            + "\(tally.interpreterPatterns) on the interpreter, \(tally.rejectedRegexes) rejected by PCRE2; "
            + "\(tally.invalidSubjects) invalid subjects")
        #expect(tally.disagreements.isEmpty, "\(tally.disagreements.count) disagreements, first: \(tally.disagreements.prefix(5))")
        // The generator must reach both verdicts and every opaque construct often enough to mean something.
        #expect(tally.matchingPairs > tally.pairs / 50)
        #expect((tally.patternsByEngine[.opaque] ?? 0) > 500)
        #expect((tally.patternsByEngine[.automaton] ?? 0) > 100)
    }
}
