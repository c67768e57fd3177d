// Bounds on one PCRE2 match, so a pathological pattern yields `match-limit` instead of a hang.

/// Limits applied to every PCRE2 match the router runs.
///
/// A pattern with catastrophic backtracking (for example `RD(?:[A-Z0-9]+)+[#!]`) stops at these limits and the
/// result reports that pattern as `match-limit`; it never hangs and never turns into a silent "unrouted".
public struct MatchLimits: Sendable, Hashable {
    /// PCRE2 match limit: the number of times the internal match function may be called (JIT and interpreter).
    public var matchLimit: UInt32
    /// PCRE2 depth limit (backtracking depth; interpreter only).
    public var depthLimit: UInt32
    /// PCRE2 heap limit in KiB (interpreter only).
    public var heapLimitKiB: UInt32
    /// Size of each thread's JIT stack in bytes.
    public var jitStackBytes: Int

    /// Limits; the defaults decide any realistic UIM pattern and stop a pathological one within a few hundred
    /// microseconds.
    public init(matchLimit: UInt32 = 200_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000,
                jitStackBytes: Int = 256 * 1024) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
        self.jitStackBytes = jitStackBytes
    }
}
