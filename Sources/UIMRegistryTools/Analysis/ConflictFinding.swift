// One finding of overlap detection: two patterns of different Parties that some UIM matches both, with the UIM.
import UIMRegistry

/// A pattern named by its Party and id.
public struct PatternReference: Sendable, Hashable, CustomStringConvertible {
    /// The Party's code.
    public var party: String
    /// The pattern's id.
    public var pattern: String

    /// The pattern `pattern` of `party`.
    public init(party: String, pattern: String) {
        self.party = party
        self.pattern = pattern
    }

    /// `PARTY/PATTERN`.
    public var description: String { "\(party)/\(pattern)" }
}

/// Two patterns of different Parties, valid on a common day, that can match the same UIM.
public struct ConflictFinding: Sendable, Hashable {
    /// How the overlap was established.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        /// Exact: the witness matches both regexes and passes both check characters: it routes as ambiguous.
        case overlap
        /// The regexes overlap (the witness matches both), but no UIM passing both checks was found in a bounded
        /// search: a weaker finding; the check characters may be all that keeps the patterns apart.
        case checkSeparated = "check-separated"
        /// At least one pattern is opaque; the witness was found by sampling and verified with PCRE2 (it routes as
        /// ambiguous). Sampling can miss overlaps: no finding is no proof.
        case sampled

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// How the overlap was established.
    public var kind: Kind
    /// The first pattern (in registry order).
    public var a: PatternReference
    /// The second pattern.
    public var b: PatternReference
    /// The witness, as a line to route: for `overlap` the shortest UIM (the lexicographically smallest of the
    /// shortest) matching both regexes whose check characters pass — or, when the shortest fail a check, the first
    /// passing UIM the bounded search met; for `check-separated` the shortest UIM matching both regexes. A UIM
    /// starting with `]` is given behind the symbology identifier `]d2`, so that routing the line reaches it.
    public var witness: String
    /// First day both patterns are valid (`nil`: no lower bound).
    public var from: Day?
    /// Last day both patterns are valid (`nil`: no upper bound).
    public var until: Day?

    /// A finding.
    public init(kind: Kind, a: PatternReference, b: PatternReference, witness: String, from: Day?, until: Day?) {
        self.kind = kind
        self.a = a
        self.b = b
        self.witness = witness
        self.from = from
        self.until = until
    }

    /// A day on which both patterns are valid: the first common day, else the last, else `fallback`.
    public func commonDay(fallback: Day) -> Day {
        from ?? until.map { Swift.min($0, fallback) } ?? fallback
    }
}
