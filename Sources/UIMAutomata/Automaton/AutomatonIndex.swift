// Which engine decides each pattern: the multi-pattern automata (one for patterns with a literal prefix, one for
// prefix-less patterns, so the latter cannot multiply the states of the former), or the prefix trie + PCRE2 path for
// opaque regexes, regexes whose own automaton is too large, and patterns that overflowed an automaton's cap.

/// The engine that decides whether a pattern matches a UIM.
public enum PatternEngine: String, Sendable, Hashable, CaseIterable {
    /// The multi-pattern byte automaton: exact, one pass for all such patterns; PCRE2 runs only to extract fields.
    case automaton
    /// Opaque regex (outside the analysable dialect): prefix trie + PCRE2 under the match limits.
    case opaque
    /// Its own automaton has more than ``AutomatonIndex/patternStateCap`` states (an exponential form):
    /// prefix trie + PCRE2 under the match limits.
    case tooManyStates = "too-many-states"
    /// It multiplied the states of the combined automaton past its cap (typically prefix-less and variable-length):
    /// prefix trie + PCRE2 under the match limits.
    case automatonOverflow = "automaton-overflow"
}

/// The router's pattern index: the automata that decide the analysable patterns exactly, plus the prefix trie
/// (``CandidateTrie``) that yields candidates among the patterns left to PCRE2.
package struct AutomatonIndex: Sendable {
    /// The automata, each deciding its members exactly.
    package let automata: [MultiPatternDFA]
    /// Per pattern: the engine that decides it.
    package let engines: [PatternEngine]
    /// The patterns on the PCRE2 path, indexed by literal prefix and length.
    package let trie: CandidateTrie

    /// A pattern whose own minimal automaton is larger than this stays on PCRE2 (caught at registration).
    package static let patternStateCap = 4_096
    /// Hard caps on one combined automaton.
    static let maxStates = 1_500_000
    static let maxPairs = 24_000_000

    /// Places every pattern and builds the automata and the trie.
    package init(analyses: [PatternAnalysis], shapes: [RegexShape], parties: [Int32]) {
        var engines = [PatternEngine](repeating: .automaton, count: analyses.count)
        var prefixed: [MultiPatternDFA.Member] = []
        var prefixLess: [MultiPatternDFA.Member] = []
        for (index, analysis) in analyses.enumerated() {
            if analysis.exceedsStateLimit || analysis.stateCount > Self.patternStateCap {
                engines[index] = .tooManyStates
            } else if analysis.isOpaque {
                engines[index] = .opaque
            } else {
                let member = MultiPatternDFA.Member(pattern: Int32(index), automaton: analysis.automaton,
                                                    party: parties[index])
                if analysis.prefixes.allSatisfy({ !$0.isEmpty }) { prefixed.append(member) } else { prefixLess.append(member) }
            }
        }
        var automata: [MultiPatternDFA] = []
        for group in [prefixed, prefixLess] where !group.isEmpty {
            var members = group
            // Each overflow moves the patterns that multiplied states to PCRE2 and tries again.
            for attempt in 0..<4 {
                let own = members.reduce(0) { $0 + $1.automaton.stateCount }
                let states = min(Self.maxStates, 1_024 + 8 * own)
                let caps = MultiPatternDFA.Caps(states: states, pairs: min(Self.maxPairs, 16 * states))
                switch MultiPatternDFA.build(members, caps: caps) {
                case .built(let automaton):
                    automata.append(automaton)
                    members = []
                case .overflow(let offenders):
                    let out = attempt == 3 ? Set(members.indices) : Set(offenders)
                    for m in out { engines[Int(members[m].pattern)] = .automatonOverflow }
                    members = members.indices.filter { !out.contains($0) }.map { members[$0] }
                }
                if members.isEmpty { break }
            }
        }
        self.automata = automata
        self.engines = engines
        trie = CandidateTrie(shapes: shapes, including: engines.map { $0 != .automaton })
    }
}
