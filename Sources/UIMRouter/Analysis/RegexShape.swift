// A conservative summary of a regex for the candidate index: a literal prefix every match starts with, and bounds
// on the byte length of every match. Anything the scanner does not fully understand widens the summary; it never
// narrows it, so pruning by it can never drop a pattern that would have matched.

/// What every whole-string match of a regex shares: a literal byte prefix and a byte-length range.
public struct RegexShape: Sendable, Hashable {
    /// Every matching UIM starts with these bytes (possibly none).
    public var prefix: [UInt8]
    /// No matching UIM is shorter than this, in bytes.
    public var minLength: Int
    /// No matching UIM is longer than this, in bytes; `nil` when unbounded or unknown.
    public var maxLength: Int?

    /// A shape with the given prefix and length range.
    public init(prefix: [UInt8], minLength: Int, maxLength: Int?) {
        self.prefix = prefix
        self.minLength = minLength
        self.maxLength = maxLength
    }

    /// The shape that prunes nothing.
    public static let unknown = RegexShape(prefix: [], minLength: 0, maxLength: nil)

    /// Derives the shape of `regex` (PCRE2 syntax, UTF mode, whole-string semantics).
    public init(regex: String) {
        var scanner = ShapeScanner(Array(regex.utf8))
        self = scanner.shape()
    }

    /// `true` when a UIM of `length` bytes can match.
    @inline(__always)
    public func admits(length: Int) -> Bool {
        length >= minLength && (maxLength.map { length <= $0 } ?? true)
    }
}
