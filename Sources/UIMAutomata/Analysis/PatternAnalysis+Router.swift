// The analysis limit of the router's build: how far the router lets an automaton grow before it leaves the pattern
// to PCRE2.

extension PatternAnalysis {
    /// The subset-construction state limit of the router's analyses: room for a non-minimal automaton whose minimal
    /// form still fits ``AutomatonIndex/patternStateCap``. The router decides patterns of more states with PCRE2
    /// anyway, so an exponential regex costs it a bounded amount of work; the conflict finder and the linter analyse
    /// with the full ``ByteDFA/stateLimit``.
    package static let routerStateLimit = 2 * AutomatonIndex.patternStateCap
}
