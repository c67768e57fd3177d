// The parallel per-pattern map of a registry build: same values, same order as a serial map, whatever the threads.
import Testing
@testable import UIMRouter
@testable import UIMAutomata
@testable import UIMRegistryTools
@testable import UIMRouterTestSupport

@Suite("concurrentMap")
struct ConcurrentMapTests {
    @Test("equals a serial map, in order, for any thread count", arguments: [1, 2, 3, 8])
    func equalsSerialMap(threads: Int) {
        let values = concurrentMap(count: 1_000, maxThreads: threads) { index in index * index + 1 }
        #expect(values == (0..<1_000).map { $0 * $0 + 1 })
        #expect(concurrentMap(count: 0, maxThreads: threads) { $0 }.isEmpty)
    }

    @Test("a registry's analyses come out the same in parallel as one by one")
    func analysesAreDeterministic() {
        let regexes = SyntheticRegistry(patterns: 300, seed: 11).registry.patterns.map(\.regex)
        let parallel = concurrentMap(count: regexes.count, maxThreads: 4) { PatternAnalysis(regex: regexes[$0]) }
        for (regex, analysis) in zip(regexes, parallel) {
            let serial = PatternAnalysis(regex: regex)
            #expect(analysis.automaton == serial.automaton)
            #expect(analysis.prefixes == serial.prefixes)
            #expect(analysis.lengths == serial.lengths)
        }
    }
}
