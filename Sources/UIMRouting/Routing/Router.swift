// The compiled router: an immutable, Sendable final class built once from a Registry and shared by every thread.
import UIMRegex
import UIMRegistry
import UIMAutomata

/// Routes UIMs to the Party whose pattern they match.
///
/// Build one from a loaded ``Registry``; it is immutable and `Sendable`, so one router serves every thread. Each
/// thread routes with its own ``RouteScratch`` (``makeScratch()``), which holds PCRE2's per-thread match state.
///
/// ```swift
/// let router = try Router(loading: "Patterns")   // load, check the examples, compile once
/// let scratch = router.makeScratch()
/// let result = router.route("]d2KE0000000001234X", on: Day(iso: "2026-06-01")!, using: scratch)
/// print(result.status, result.party ?? "-")
/// ```
///
/// Analysable patterns are decided together by multi-pattern byte automata: one pass over the UIM yields the exact set
/// of matching patterns and, precomputed, how many Parties they belong to. Where the regex alone fixes a named group's
/// position (``GroupLayout``: most registry shapes), check characters and fields are read off it; PCRE2 (JIT) runs on a
/// matched pattern only for a group whose position depends on the subject. Opaque patterns, and patterns too large for the
/// automata (see ``PatternEngine``), are found through a trie of literal prefixes and length bounds and confirmed by
/// PCRE2 under ``MatchLimits``. Check characters and validity dates are applied last. The result always equals
/// trying every pattern.
public final class Router: Sendable {
    /// The registry this router was compiled from.
    public let registry: Registry
    /// The options it was compiled with.
    public let options: RouterOptions
    package let patterns: [CompiledPattern]
    /// `patterns` as plain values for the hot path, and their named-group numbers back to back.
    let hot: [HotPattern]
    let fieldGroupNumbers: [Int32]
    /// Per named group of `fieldGroupNumbers`: its start and end (``GroupBoundary/encoded``) when fixed by the regex.
    let fieldBoundaries: [Int32]
    package let partyCodes: [String]
    package let shapes: [RegexShape]
    /// The automata, and the trie over the patterns left to PCRE2.
    package let index: AutomatonIndex
    /// The hot tables of the (at most two) automata, walked together.
    let automatonTables: HotTablePair
    /// Bit `length` of words `k * lengthWords ..< (k + 1) * lengthWords`: some member of automaton `k` matches a
    /// subject of that many bytes.
    let walkLengths: [UInt64]
    static let lengthWords = (Normalizer.maximumLength + 64) / 64
    package let maxCaptureCount: Int

    /// Per pattern (registry order): the engine that decides whether it matches.
    public var patternEngines: [PatternEngine] { index.engines }

    /// Per pattern (registry order): why PCRE2 runs it on its interpreter rather than its JIT (`(*NO_JIT)`, or a
    /// construct the linked PCRE2's JIT does not match exactly); `nil` for a pattern on the JIT.
    public var interpreterReasons: [String?] { patterns.map(\.regex.interpreterReason) }

    /// Compiles every pattern of `registry` (PCRE2 + JIT) and builds the pattern index (automata and prefix trie).
    ///
    /// - Throws: ``RegistryError`` listing every pattern whose regex does not compile or whose `check` names a
    ///   group its regex lacks, in the loader's words (``Registry/load(from:examples:)`` already reports these for
    ///   registries read from files).
    public convenience init(registry: Registry, options: RouterOptions = RouterOptions()) throws(RegistryError) {
        try self.init(registry: registry, options: options, compiled: nil)
    }

    /// Compiles `registry`, reusing `compiled[i]` (the loader's compilation of `registry.patterns[i].regex`, without
    /// JIT) rather than compiling each regex again: it is JIT-compiled in place. `compiled` must not be shared with
    /// another thread or router (see ``CompiledRegex/jitCompile()``); `nil` compiles every regex here.
    package init(registry: Registry, options: RouterOptions = RouterOptions(), compiled given: [CompiledRegex]?)
        throws(RegistryError)
    {
        self.registry = registry
        self.options = options
        let codes = Array(Set(registry.parties.map(\.code) + registry.patterns.map(\.party))).sorted()
        var partyIndex: [String: Int32] = [:]
        for (i, code) in codes.enumerated() { partyIndex[code] = Int32(i) }
        // PCRE2 compilation (or JIT compilation of the loader's code) and the automaton analysis of each pattern, on
        // up to `options.buildThreads` threads (each pattern independently).
        let specs = registry.patterns
        let jit = options.jit
        precondition(given.map { $0.count == specs.count } ?? true, "one compiled regex per pattern")
        let prepared = concurrentMap(count: specs.count, maxThreads: options.buildThreads) {
            index -> (Result<CompiledRegex, RegexCompileError>, PatternAnalysis?) in
            let compiled: Result<CompiledRegex, RegexCompileError>
            if let regex = given?[index] {
                if jit { regex.jitCompile() }
                compiled = .success(regex)
            } else {
                compiled = Result { () throws(RegexCompileError) in try CompiledRegex(specs[index].regex, jit: jit) }
            }
            // A regex PCRE2 rejects is reported below and never analysed. The router decides patterns of more than
            // `AutomatonIndex.patternStateCap` states with PCRE2 anyway, so the construction stops early for them.
            guard case .success = compiled else { return (compiled, nil) }
            return (compiled, PatternAnalysis(regex: specs[index].regex, stateLimit: PatternAnalysis.routerStateLimit))
        }
        var compiled: [CompiledPattern] = []
        var diagnostics: [Diagnostic] = []
        for (spec, (result, _)) in zip(specs, prepared) {
            let problems = PatternProblem.diagnostics(for: spec, regex: result)
            diagnostics += problems
            if problems.isEmpty, case .success(let regex) = result {
                compiled.append(CompiledPattern(spec: spec, party: partyIndex[spec.party]!, regex: regex))
            }
        }
        if !diagnostics.isEmpty { throw RegistryError(diagnostics) }
        patterns = compiled
        let analyses = prepared.map { $0.1! }   // every regex compiled, or the diagnostics were thrown above
        var groups: [Int32] = []
        var boundaries: [Int32] = []
        hot = zip(compiled, analyses).map { pattern, analysis in
            let layouts = HotPattern.layouts(of: pattern, analysis: analysis)
            defer {
                groups += pattern.fieldGroups.map(Int32.init)
                for group in pattern.fieldGroups {
                    let layout = layouts.flatMap { $0[group - 1] }
                    boundaries += [layout?.start.encoded ?? 0, layout?.end.encoded ?? 0]
                }
            }
            return HotPattern(pattern, fieldStart: groups.count, layouts: layouts)
        }
        fieldGroupNumbers = groups
        fieldBoundaries = boundaries
        partyCodes = codes
        shapes = analyses.map { RegexShape(analysis: $0) }
        index = AutomatonIndex(analyses: analyses, shapes: shapes, parties: compiled.map(\.party))
        automatonTables = HotTablePair(index.automata)
        // Per automaton, the subject lengths (0 ... 512) some member can match: other lengths skip its walk.
        var lengths = [UInt64](repeating: 0, count: 2 * Self.lengthWords)
        for (number, automaton) in index.automata.enumerated() {
            for member in automaton.members {
                guard let set = analyses[Int(member)].lengths else { continue }
                for length in set.lengths(upTo: Normalizer.maximumLength) {
                    lengths[number * Self.lengthWords + length >> 6] |= 1 << UInt64(length & 63)
                }
            }
        }
        walkLengths = lengths
        maxCaptureCount = compiled.map(\.regex.captureCount).max() ?? 0
    }

    /// `router` with another `registry` of the same patterns (its warnings or release changed after the build):
    /// shares every compiled table, compiles nothing.
    package init(_ router: Router, registry: Registry) {
        precondition(registry.patterns.count == router.registry.patterns.count, "the same patterns")
        self.registry = registry
        options = router.options
        patterns = router.patterns
        hot = router.hot
        fieldGroupNumbers = router.fieldGroupNumbers
        fieldBoundaries = router.fieldBoundaries
        partyCodes = router.partyCodes
        shapes = router.shapes
        index = router.index
        automatonTables = router.automatonTables
        walkLengths = router.walkLengths
        maxCaptureCount = router.maxCaptureCount
    }

    /// Working memory for one thread. Reuse it for every UIM that thread routes; never share it between threads.
    public func makeScratch() -> RouteScratch {
        RouteScratch(maxCaptureCount: maxCaptureCount, patternCount: patterns.count, limits: options.limits)
    }

    /// Routes `uim` on `day`, using `scratch` (see ``makeScratch()``).
    public func route(_ uim: String, on day: Day, using scratch: RouteScratch) -> RouteResult {
        var text = uim
        return text.withUTF8 { route(utf8: $0, on: day, using: scratch) }
    }

    /// Routes `uim` on `day` with a scratch made for this call: convenient, but slower than reusing a scratch.
    public func route(_ uim: String, on day: Day) -> RouteResult {
        route(uim, on: day, using: makeScratch())
    }

    /// Routes the UTF-8 bytes of one scanned line (any bytes: invalid input yields an `invalid` result).
    public func route(utf8 input: UnsafeBufferPointer<UInt8>, on day: Day, using scratch: RouteScratch) -> RouteResult {
        decide(utf8: input, on: day, using: scratch)
        return result(for: input, in: scratch)
    }

    /// Routes without building a result: the outcome stays in `scratch` (``RouteScratch/status``,
    /// ``routedParty(in:)``). Allocation-free once `scratch` has warmed up.
    ///
    /// - Parameter fields: `false` for a caller that needs only the status and Parties (a GSP router choosing where
    ///   to send a query): PCRE2 then runs only for patterns with a check character, and no group is extracted.
    ///   `true` (the default) also records every match's named-group ranges, for ``result(for:in:)``-style output.
    @discardableResult
    public func decide(utf8 input: UnsafeBufferPointer<UInt8>, on day: Day, using scratch: RouteScratch,
                       fields: Bool = true) -> RouteStatus {
        evaluate(input, day: day.daysSinceEpoch, ignoringValidity: false, fields: fields,
                 scratch: scratch)
        return scratch.status
    }

    /// The Parties of the patterns that matched the last UIM `scratch` routed, in pattern order, without repeats.
    public func matchedParties(in scratch: RouteScratch) -> [String] {
        var seen: [String] = []
        for entry in scratch.matches {
            let code = partyCodes[Int(patterns[Int(entry.pattern)].party)]
            if !seen.contains(code) { seen.append(code) }
        }
        return seen
    }

    /// The Party code of the last UIM `scratch` routed, when its status is `routed`.
    public func routedParty(in scratch: RouteScratch) -> String? {
        guard scratch.status == .routed, let first = scratch.matches.first else { return nil }
        return partyCodes[Int(patterns[Int(first.pattern)].party)]
    }
}
