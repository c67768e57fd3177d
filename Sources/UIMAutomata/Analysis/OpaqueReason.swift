// Why a regex is outside exact analysis: PCRE2 still routes it, but overlaps with it are only sampled.

/// Why a regex is *opaque*: it uses something outside the analysable dialect (or is too large to analyse).
///
/// Opaque patterns are still routed by PCRE2. What they lose: exact overlap detection (pairs with them are only
/// searched by sampling), exact prefixes for the prefix trie, and `lint`'s structural checks.
public struct OpaqueReason: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is outside the dialect, for example `lookahead (?=…)`.
    public var message: String
    /// Byte offset in the regex where it was found.
    public var offset: Int

    /// A reason `message` found at byte `offset` of the regex.
    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// `message (at offset N)`.
    public var description: String { "\(message) (at offset \(offset))" }
}
