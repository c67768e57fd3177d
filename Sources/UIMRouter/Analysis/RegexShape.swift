// A conservative summary of a regex for the candidate index: literal prefixes one of which every match starts with,
// and bounds on the byte length of every match. Analysable regexes get exact prefixes and lengths from their
// automaton (PatternAnalysis); opaque ones fall back to ShapeScanner, which only ever widens the summary, so pruning
// by it can never drop a pattern that would have matched.

/// What every whole-string match of a regex shares: one of a prefix-free set of literal byte prefixes, and a
/// byte-length range.
public struct RegexShape: Sendable, Hashable {
    /// The longest byte string every matching UIM starts with (the common prefix of ``prefixes``).
    public var prefix: [UInt8]
    /// Every matching UIM starts with exactly one of these (no one is a prefix of another). Empty when the regex
    /// can match nothing at all.
    public var prefixes: [[UInt8]]
    /// No matching UIM is shorter than this, in bytes.
    public var minLength: Int
    /// No matching UIM is longer than this, in bytes; `nil` when unbounded or unknown.
    public var maxLength: Int?

    /// A shape with one prefix and the given length range.
    public init(prefix: [UInt8], minLength: Int, maxLength: Int?) {
        self.init(prefixes: [prefix], minLength: minLength, maxLength: maxLength)
    }

    /// A shape with a prefix-free set of prefixes and the given length range.
    public init(prefixes: [[UInt8]], minLength: Int, maxLength: Int?) {
        self.prefixes = prefixes
        self.prefix = Self.commonPrefix(prefixes)
        self.minLength = minLength
        self.maxLength = maxLength
    }

    /// The shape that prunes nothing.
    public static let unknown = RegexShape(prefix: [], minLength: 0, maxLength: nil)

    /// Derives the shape of `regex` (PCRE2 syntax, UTF mode, whole-string semantics).
    public init(regex: String) {
        self.init(analysis: PatternAnalysis.cached(regex: regex))
    }

    /// The shape of an analysed regex: exact when it is analysable, the scanner's conservative one when opaque.
    public init(analysis: PatternAnalysis) {
        guard analysis.opaqueReason == nil, let lengths = analysis.lengths else {
            var scanner = ShapeScanner(Array(analysis.regex.utf8))
            self = scanner.shape()
            return
        }
        self.init(prefixes: analysis.prefixes, minLength: lengths.minimum ?? 0, maxLength: lengths.maximum)
    }

    /// `true` when a UIM of `length` bytes can match.
    @inline(__always)
    public func admits(length: Int) -> Bool {
        length >= minLength && (maxLength.map { length <= $0 } ?? true)
    }

    private static func commonPrefix(_ prefixes: [[UInt8]]) -> [UInt8] {
        guard var common = prefixes.first else { return [] }
        for other in prefixes.dropFirst() {
            var n = 0
            while n < common.count, n < other.count, common[n] == other[n] { n += 1 }
            common.removeLast(common.count - n)
        }
        return common
    }
}
