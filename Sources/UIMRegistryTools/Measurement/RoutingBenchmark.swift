// Times routing over a list of UIMs held in memory — the project's router and the naive scan on the same input —
// for `uim-router bench` and the benchmark package. Only routing is timed; reading and result printing are not.
import UIMPlatform
import UIMRegistry
import UIMRouting

/// How a benchmark routes each UIM.
public enum RoutingEngine: String, Sendable, CaseIterable {
    /// The router: multi-pattern automata (PCRE2 only for fields and checks), trie + PCRE2 for opaque patterns.
    case router
    /// Baseline: a prefix trie over every pattern, PCRE2 on every candidate (the design before the automata).
    case trie
    /// Every pattern tried on every UIM (the reference the router must equal).
    case naive
}

/// Figures for one engine over one input.
public struct RoutingMeasurement: Sendable {
    public var engine: RoutingEngine
    public var patterns: Int
    public var uims: Int
    /// Median over the repeats of (time for all UIMs / number of UIMs).
    public var nsPerUIM: Double
    /// 50th and 99th percentile of single-UIM times over all repeats (each includes ~20 ns of clock overhead).
    public var p50Nanoseconds: Int
    public var p99Nanoseconds: Int
    public var counts: [RouteStatus: Int]

    /// `key=value` pairs in a stable order.
    public func line(extra: [(String, String)] = []) -> String {
        var pairs: [(String, String)] = [("engine", engine.rawValue)] + extra
        pairs += [("patterns", "\(patterns)"), ("uims", "\(uims)"), ("ns_per_uim", RoutingBenchmark.decimal(nsPerUIM)),
                  ("p50_ns", "\(p50Nanoseconds)"), ("p99_ns", "\(p99Nanoseconds)")]
        pairs += RouteStatus.allCases.map { ($0.rawValue, "\(counts[$0, default: 0])") }
        return pairs.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }
}

/// Runs routing benchmarks.
public enum RoutingBenchmark {
    /// Routes every UIM of `uims` `repeats` times with `engine`; with `fields`, every match's named-group ranges are
    /// extracted into the scratch (the batch path's caller-owned storage; no `RouteResult` is built).
    public static func measure(router: Router, engine: RoutingEngine, uims: [[UInt8]], day: Day, repeats: Int,
                               fields: Bool) -> RoutingMeasurement {
        let scratch = router.makeScratch()
        let runner = EngineRunner(router: router, engine: engine)
        var perRepeat: [Double] = []
        var singles: [Int] = []
        singles.reserveCapacity(uims.count * max(repeats, 1))
        var counts: [RouteStatus: Int] = [:]
        for pass in 0..<max(repeats, 1) {
            let start = monotonicNanoseconds()
            for uim in uims {
                let before = monotonicNanoseconds()
                uim.withUnsafeBufferPointer { input in
                    _ = runner.route(input, on: day, fields: fields, using: scratch)
                }
                singles.append(monotonicNanoseconds() - before)
                if pass == 0 { counts[scratch.status, default: 0] += 1 }
            }
            perRepeat.append(Double(monotonicNanoseconds() - start) / Double(max(uims.count, 1)))
        }
        perRepeat.sort()
        singles.sort()
        func percentile(_ p: Double) -> Int { singles.isEmpty ? 0 : singles[min(singles.count - 1, Int(Double(singles.count) * p))] }
        return RoutingMeasurement(engine: engine, patterns: router.patterns.count, uims: uims.count,
                                  nsPerUIM: perRepeat[perRepeat.count / 2], p50Nanoseconds: percentile(0.5),
                                  p99Nanoseconds: percentile(0.99), counts: counts)
    }

    /// How the router placed its patterns and what its automata cost, as `key=value` pairs: patterns decided by the
    /// automata and by PCRE2, automaton states, table memory and whether the compact layout is in use.
    public static func indexFigures(_ router: Router) -> [(String, String)] {
        let automata = router.index.automata
        let pcre2 = router.patternEngines.filter { $0 != .automaton }.count
        return [("automaton_patterns", "\(router.patternEngines.count - pcre2)"), ("pcre2_patterns", "\(pcre2)"),
                ("dfa_states", "\(automata.reduce(0) { $0 + $1.stateCount })"),
                ("dfa_kib", "\(automata.reduce(0) { $0 + $1.memoryBytes } / 1024)"),
                ("dfa_layout", automata.map { $0.isCompact ? "compact" : "dense" }.joined(separator: "+"))]
    }

    /// Nanoseconds on the monotonic clock.
    @inline(__always)
    public static func monotonicNanoseconds() -> Int {
        MonotonicClock.nanoseconds()
    }

    /// `value` with one decimal, for key=value output.
    public static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// Peak resident set size of this process, in MiB.
    public static func peakResidentMiB() -> Double {
        Double(Syscalls.peakResidentKiB()) / 1024
    }
}
