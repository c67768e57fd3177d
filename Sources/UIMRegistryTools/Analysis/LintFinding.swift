// One finding of `lint`: a pattern, a code, a severity and a message a Party can act on.
import UIMRegistry

/// A remark on one pattern, from ``PatternLinter``.
public struct LintFinding: Sendable, Hashable, CustomStringConvertible {
    /// How much it matters.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// Should be fixed before the pattern is accepted.
        case warning
        /// Worth knowing.
        case note

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .note }
    }

    /// The kind of finding, stable for tools.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The regex is outside the analysable dialect.
        case opaque
        /// The regex accepts a large share of all printable strings of its lengths.
        case tooBroad = "too-broad"
        /// A repetition of a repetition: a risk of catastrophic backtracking.
        case nestedQuantifier = "nested-quantifier"
        /// Every UIM the pattern matches is matched by another pattern of the same Party.
        case redundant
        /// No `match` example.
        case missingExamples = "missing-examples"
        /// Descriptions missing in some of the six UN languages.
        case missingDescriptions = "missing-descriptions"
        /// `valid_until` is in the past.
        case expired
        /// The router decides the pattern with PCRE2 behind the prefix trie instead of the multi-pattern automaton
        /// (its own automaton is too large, or it multiplied the states of the combined one): slower, still exact.
        case offAutomaton = "off-automaton"
        /// PCRE2 runs the pattern on its interpreter, not its JIT (`(*NO_JIT)`, or a construct this PCRE2's JIT does
        /// not match exactly): exact, but slower.
        case interpreter
    }

    public var severity: Severity
    public var code: Code
    /// The pattern concerned.
    public var pattern: PatternReference
    /// Where the pattern is written.
    public var location: SourceLocation
    /// What is wrong and what to do.
    public var message: String

    /// A finding.
    public init(_ severity: Severity, _ code: Code, pattern: PatternReference, at location: SourceLocation,
                _ message: String) {
        self.severity = severity
        self.code = code
        self.pattern = pattern
        self.location = location
        self.message = message
    }

    /// `FILE:LINE:COLUMN: warning: PATTERN: message [code]`.
    public var description: String {
        "\(location): \(severity.rawValue): \(pattern.pattern): \(message) [\(code.rawValue)]"
    }
}
