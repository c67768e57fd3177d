// The analysis of one regex: parsed in the analysable dialect, compiled to a byte automaton, and summarised for
// the prefix trie and for pair pruning. Opaque regexes keep only the reason.
import UIMRegex

/// What exact analysis knows about one regex: its automaton, lengths, prefixes and first bytes — or why it is
/// opaque.
///
/// ```swift
/// let analysis = PatternAnalysis(regex: "(EU|UK)[0-9]{6}")
/// analysis.prefixes        // ["EU", "UK"] as bytes
/// analysis.lengths?.description   // "8"
/// ```
public struct PatternAnalysis: Sendable {
    /// The regex as written.
    public let regex: String
    /// Why the regex is outside exact analysis; `nil` when it is analysable.
    public let opaqueReason: OpaqueReason?
    /// The syntax tree (analysable regexes only).
    package let tree: RegexNode?
    /// The minimal byte automaton of the regex (analysable regexes only).
    package let automaton: ByteDFA
    /// The exact byte lengths of its matches (`nil` when opaque).
    public let lengths: LengthSet?
    /// A prefix-free set of byte strings, one of which starts every match (`[[]]` when opaque or unknown).
    public let prefixes: [[UInt8]]
    /// The bytes possible at each of the first ``positionCount`` positions of a match (empty when opaque).
    package let positionBytes: [ByteSet]

    /// `true` when the regex is opaque only because its automaton needed more states than the analysis allowed.
    package let exceedsStateLimit: Bool
    /// A sound summary for the prefix trie when there is no automaton: from the syntax tree when the dialect
    /// parser read every construct, otherwise only what PCRE2 computes (``PCRE2Facts``). Exact regexes use their
    /// automaton's summary instead (``RegexShape/init(analysis:)``).
    let bound: RegexShape

    /// Positions summarised in `positionBytes`.
    static let positionCount = 8

    /// Analyses `regex` (PCRE2 syntax, whole-string semantics, UTF mode without UCP).
    public init(regex: String) {
        self.init(regex: regex, stateLimit: ByteDFA.stateLimit)
    }

    /// Analyses `regex`, reporting it opaque (and ``exceedsStateLimit``) when its automaton needs more than
    /// `stateLimit` states before minimisation.
    package init(regex: String, stateLimit: Int) {
        self.regex = regex
        var tooLarge = false
        var parsed: RegexNode?
        do throws(OpaqueReason) {
            let tree = try DialectParser.parse(regex)
            parsed = tree
            let nfa = try ByteNFA(tree)
            let automaton: ByteDFA
            do throws(OpaqueReason) {
                automaton = try ByteDFA(nfa, stateLimit: stateLimit)
            } catch {
                tooLarge = true
                throw error
            }
            let (lengths, positions) = automaton.lengthsAndPositions(positions: Self.positionCount)
            self.tree = tree
            self.automaton = automaton
            self.lengths = lengths
            self.positionBytes = positions
            self.prefixes = automaton.prefixes()
            self.opaqueReason = nil
        } catch {
            self.opaqueReason = error
            self.tree = nil
            self.automaton = .empty
            self.lengths = nil
            self.positionBytes = []
            self.prefixes = [[]]
        }
        exceedsStateLimit = tooLarge
        // The parser's own bounds only where it read the whole regex; anything it does not model is left to PCRE2.
        if let parsed, opaqueReason != nil {
            bound = RegexShape(tree: parsed)
        } else if opaqueReason != nil {
            bound = PCRE2Facts(regex: regex).map(RegexShape.init(facts:)) ?? .unknown
        } else {
            bound = .unknown
        }
    }

    /// `true` when the regex is outside exact analysis.
    public var isOpaque: Bool { opaqueReason != nil }

    /// `true` when no string at all matches (analysable regexes only).
    public var isEmpty: Bool { opaqueReason == nil && automaton.start < 0 }

    /// The bytes a match can start with (all bytes when opaque).
    public var firstBytes: ByteSet {
        guard opaqueReason == nil else {
            var all = ByteSet()
            for byte in 0...255 { all.insert(UInt8(byte)) }
            return all
        }
        return positionBytes.first ?? ByteSet()
    }

    /// Whether the regex matches the whole of `text` by the automaton; `nil` when opaque.
    public func matches(_ text: String) -> Bool? {
        opaqueReason == nil ? automaton.accepts(text.utf8) : nil
    }

    /// Number of states of the minimal automaton (0 when opaque or empty).
    public var stateCount: Int { automaton.stateCount }
}
