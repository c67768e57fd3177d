// A sound summary of a regex for the prefix trie (`CandidateTrie`): literal prefixes one of which every match starts
// with, bounds on the byte length of every match, and a byte every match contains. Analysable regexes get exact prefixes and
// lengths from their automaton; a regex the dialect parser read whole but whose automaton is too large gets them from
// its syntax tree; an opaque regex gets only what PCRE2 itself computes (PCRE2Facts). Nothing is ever guessed, so
// pruning by a shape can never drop a pattern that would have matched.
import UIMRegex

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
    /// Every matching UIM contains this byte, or its other case when it is an ASCII letter; `nil` when none is known.
    public var requiredByte: UInt8?

    /// A shape with one prefix and the given length range.
    public init(prefix: [UInt8], minLength: Int, maxLength: Int?) {
        self.init(prefixes: [prefix], minLength: minLength, maxLength: maxLength)
    }

    /// A shape with a prefix-free set of prefixes and the given length range.
    public init(prefixes: [[UInt8]], minLength: Int, maxLength: Int?, requiredByte: UInt8? = nil) {
        self.prefixes = prefixes
        self.prefix = Self.commonPrefix(prefixes)
        self.minLength = minLength
        self.maxLength = maxLength
        self.requiredByte = requiredByte
    }

    /// The shape that prunes nothing.
    public static let unknown = RegexShape(prefix: [], minLength: 0, maxLength: nil)

    /// Derives the shape of `regex` (PCRE2 syntax, UTF mode, whole-string semantics).
    public init(regex: String) {
        self.init(analysis: PatternAnalysis(regex: regex))
    }

    /// The shape of an analysed regex: exact when it is analysable, otherwise the sound bound the analysis kept
    /// (from the syntax tree, or from PCRE2).
    public init(analysis: PatternAnalysis) {
        guard analysis.opaqueReason == nil, let lengths = analysis.lengths else {
            self = analysis.bound
            return
        }
        self.init(prefixes: analysis.prefixes, minLength: lengths.minimum ?? 0, maxLength: lengths.maximum)
    }

    /// The bound of a regex the dialect parser read whole: its literal prefix and byte lengths from the tree.
    init(tree: RegexNode) {
        let span = tree.byteSpan
        self.init(prefix: tree.literalPrefix.bytes, minLength: span.min, maxLength: span.max)
    }

    /// The bound PCRE2 computes: one-byte prefixes from the first bytes, the minimum length, the required byte.
    init(facts: PCRE2Facts) {
        self.init(prefixes: facts.firstBytes.map { $0.map { [$0] } } ?? [[]], minLength: facts.minimumCharacters,
                  maxLength: nil, requiredByte: facts.requiredByte)
    }

    /// `true` when `subject` has the required byte (or no byte is required).
    @inline(__always)
    func hasRequiredByte(in subject: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let required = requiredByte else { return true }
        return Self.contains(required, in: subject)
    }

    /// `true` when `subject` holds `byte`, or its other case when it is an ASCII letter.
    @inline(__always)
    static func contains(_ byte: UInt8, in subject: UnsafeBufferPointer<UInt8>) -> Bool {
        let folded = byte | 0x20
        guard folded >= 0x61, folded <= 0x7A else { return subject.contains(byte) }
        return subject.contains { $0 | 0x20 == folded }
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
