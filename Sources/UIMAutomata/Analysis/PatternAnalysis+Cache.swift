// The process-wide cache of analyses: loading a registry builds a router to check its examples, then the caller
// builds the router it keeps, and `conflicts` / `lint` read the same automata; each regex is analysed once. The cache
// is bounded by an estimate of the memory it holds, evicting the oldest entries first, so a long-running process that
// reloads changing registries does not keep every regex it has ever seen.
import Synchronization

extension PatternAnalysis {
    /// The analysis of `regex`, shared process-wide: the router, the example checker and the conflict finder of one
    /// run each need it, and a large registry's automata are worth building once.
    public static func cached(regex: String) -> PatternAnalysis {
        if let known = cache.withLock({ $0.entries[regex] }) { return known }
        return remember(PatternAnalysis(regex: regex))
    }

    /// The analysis the router needs: the shared one when known, else one whose automaton construction stops at
    /// ``routerStateLimit`` states. The router decides patterns of more than ``AutomatonIndex/patternStateCap``
    /// states with PCRE2 anyway, so an exponential regex costs it a bounded amount of work, once per process; such a
    /// cut-short analysis is never returned by ``cached(regex:)`` (the conflict finder and the linter use automata of
    /// up to ``ByteDFA/stateLimit`` states).
    package static func forRouter(regex: String) -> PatternAnalysis {
        if let known = cache.withLock({ $0.entries[regex] ?? $0.cutShort[regex] }) { return known }
        let analysis = PatternAnalysis(regex: regex, stateLimit: routerStateLimit)
        guard analysis.exceedsStateLimit else { return remember(analysis) }
        // Kept apart (an opaque reason, no automaton: a few bytes), so the next build does not redo the work.
        cache.withLock { $0.rememberCutShort(analysis) }
        return analysis
    }

    /// The subset-construction state limit of ``forRouter(regex:)``: room for a non-minimal automaton whose minimal
    /// form still fits ``AutomatonIndex/patternStateCap``.
    static let routerStateLimit = 2 * AutomatonIndex.patternStateCap

    /// The most memory the cache may hold, by ``approximateBytes``: about 20,000 typical registry patterns.
    static let cacheBudgetBytes = 64 << 20

    /// Heap bytes this analysis holds, roughly: its automaton's tables plus a per-regex allowance for the tree,
    /// lengths, prefixes and position sets (measured at ~3.5 KB for the synthetic registry's patterns).
    var approximateBytes: Int {
        2_048 + 24 * regex.utf8.count + 4 * automaton.transitions.count + automaton.accepting.count
    }

    /// Forgets every cached analysis (tests; a host that wants the memory back).
    static func clearCache() {
        cache.withLock { $0 = AnalysisCache() }
    }

    /// Number of cached analyses and their ``approximateBytes``.
    static var cacheFootprint: (count: Int, bytes: Int) {
        cache.withLock { ($0.entries.count, $0.bytes) }
    }

    private static func remember(_ analysis: PatternAnalysis) -> PatternAnalysis {
        cache.withLock { $0.insert(analysis, budget: cacheBudgetBytes) }
        return analysis
    }

    private static let cache = Mutex(AnalysisCache())
}

/// The cache's entries, in insertion order for eviction.
struct AnalysisCache {
    var entries: [String: PatternAnalysis] = [:]
    /// Regexes in insertion order; `order[head...]` are the live ones.
    var order: [String] = []
    var head = 0
    var bytes = 0

    /// The router's cut-short analyses of regexes too large for it (see ``PatternAnalysis/forRouter(regex:)``).
    var cutShort: [String: PatternAnalysis] = [:]

    mutating func rememberCutShort(_ analysis: PatternAnalysis) {
        if cutShort.count >= 1_024 { cutShort.removeAll() }
        cutShort[analysis.regex] = analysis
    }

    mutating func insert(_ analysis: PatternAnalysis, budget: Int) {
        guard entries[analysis.regex] == nil else { return }
        let size = analysis.approximateBytes
        while bytes + size > budget, head < order.count {
            if let old = entries.removeValue(forKey: order[head]) { bytes -= old.approximateBytes }
            head += 1
        }
        if head > 1_024, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
        entries[analysis.regex] = analysis
        order.append(analysis.regex)
        bytes += size
    }
}
