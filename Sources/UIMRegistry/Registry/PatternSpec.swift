// One registered UIM pattern, as declared (validated, not yet compiled).

/// The level of packaging a pattern's UIMs mark.
public enum PackagingLevel: String, Sendable, Hashable, CaseIterable {
    /// Unit packets.
    case unit
    /// Aggregated packaging (cartons, master cases, pallets).
    case aggregated
    /// Either (the default).
    case any
}

/// The six UN languages allowed as `description` keys.
public enum Language: String, Sendable, Hashable, CaseIterable, Comparable {
    case ar, en, es, fr, ru, zh
    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A check character to verify after the regex matched.
public struct CheckSpec: Sendable, Hashable {
    /// The algorithm.
    public var algorithm: CheckAlgorithm
    /// The named group holding the checked characters (default `payload`).
    public var payloadGroup: String
    /// The named group holding the check character(s), digits or letters (default `check`; the registry key `digit`).
    public var checkCharacterGroup: String

    /// A check with `algorithm` over `payloadGroup`, verified against `checkCharacterGroup`.
    public init(algorithm: CheckAlgorithm, payloadGroup: String = "payload", checkCharacterGroup: String = "check") {
        self.algorithm = algorithm
        self.payloadGroup = payloadGroup
        self.checkCharacterGroup = checkCharacterGroup
    }
}

/// An example UIM in a pattern's `examples`, with where it was written.
public struct PatternExample: Sendable, Hashable {
    /// The example UIM as written.
    public var uim: String
    /// Where it stands in the file.
    public var location: SourceLocation

    /// An example `uim` written at `location`.
    public init(_ uim: String, at location: SourceLocation) {
        self.uim = uim
        self.location = location
    }
}

/// One pattern of a Party: a PCRE2 regex matched against the whole normalised UIM, with an optional check
/// character, validity window and examples.
public struct PatternSpec: Sendable, Hashable {
    /// Unique in the whole registry: `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`.
    public var id: String
    /// The code of the Party whose file declares it.
    public var party: String
    /// PCRE2 syntax, implicitly anchored at both ends.
    public var regex: String
    /// Packaging level.
    public var level: PackagingLevel
    /// Descriptions by language.
    public var descriptions: [Language: String]
    /// The check character to verify, if any.
    public var check: CheckSpec?
    /// Legal basis, source URLs, or "illustrative, not an official format".
    public var references: [String]
    /// First day of validity, inclusive.
    public var validFrom: Day?
    /// Last day of validity, inclusive.
    public var validUntil: Day?
    /// UIMs that must match this pattern and no other Party's.
    public var matchExamples: [PatternExample]
    /// UIMs that must not match this pattern.
    public var noMatchExamples: [PatternExample]
    /// Where the pattern's entry starts.
    public var location: SourceLocation
    /// Where the regex's text starts (its first character, inside any quotes), for compile errors.
    public var regexLocation: SourceLocation

    /// A pattern; every optional part defaults to absent.
    public init(
        id: String, party: String, regex: String, level: PackagingLevel = .any,
        descriptions: [Language: String] = [:], check: CheckSpec? = nil, references: [String] = [],
        validFrom: Day? = nil, validUntil: Day? = nil,
        matchExamples: [PatternExample] = [], noMatchExamples: [PatternExample] = [],
        location: SourceLocation, regexLocation: SourceLocation? = nil
    ) {
        self.id = id
        self.party = party
        self.regex = regex
        self.level = level
        self.descriptions = descriptions
        self.check = check
        self.references = references
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.matchExamples = matchExamples
        self.noMatchExamples = noMatchExamples
        self.location = location
        self.regexLocation = regexLocation ?? location
    }
}
