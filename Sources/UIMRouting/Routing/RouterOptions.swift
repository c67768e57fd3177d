// How a registry is compiled into a router.
import UIMRegex

/// Options for compiling a ``Router``.
public struct RouterOptions: Sendable, Hashable {
    /// PCRE2 limits for every match.
    public var limits: MatchLimits
    /// JIT-compile the regexes (off only to compare with the interpreter).
    public var jit: Bool

    /// Default options: JIT on, default limits.
    public init(limits: MatchLimits = MatchLimits(), jit: Bool = true) {
        self.limits = limits
        self.jit = jit
    }
}
