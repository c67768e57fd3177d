// How a registry is compiled into a router.
import UIMRegex

/// Options for compiling a ``Router``.
public struct RouterOptions: Sendable, Hashable {
    /// PCRE2 limits for every match.
    public var limits: MatchLimits
    /// JIT-compile the regexes (off only to compare with the interpreter).
    public var jit: Bool
    /// The most threads that compile and analyse the patterns while the router is built; `nil` (the default): one per
    /// online processor. `1` builds on the calling thread only, which makes the number of heap allocations of a build
    /// repeatable (what the CI's allocation smoke needs) and leaves the other cores to a host's own work. The
    /// router built is the same whatever the number.
    public var buildThreads: Int?

    /// Default options: JIT on, default limits, a build on every core.
    public init(limits: MatchLimits = MatchLimits(), jit: Bool = true, buildThreads: Int? = nil) {
        self.limits = limits
        self.jit = jit
        self.buildThreads = buildThreads
    }
}
