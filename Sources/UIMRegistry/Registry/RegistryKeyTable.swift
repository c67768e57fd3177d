// The keys of a registry file (format 1), level by level, with what each holds and means: the one table that both
// the loader (the keys it knows, for "unknown key" and "did you mean") and the JSON Schema `uim-router schema`
// prints are built from, so the two cannot drift. Adding a key here makes the loader accept it (it must then read
// it) and puts it, with its hover text, into the schema.

/// One key of a registry file: its name, whether the loader requires it, what its value must be and what it means.
package struct RegistryKey: Sendable {
    /// What a key's value must be, in the loader's terms (every scalar is read as written, so `name: 1234` is the
    /// text `1234`; an empty value or `null` is never accepted).
    package enum Value: Sendable {
        /// `format`: one of ``RegistryLoader/supportedFormats``.
        case formatVersion
        /// Any scalar, read as written: a string, or a number or boolean written without quotes.
        case text
        /// A text that is not empty (the regex).
        case nonEmptyText
        /// `party.code`: the file name without `.yaml` (so never starting with `.` or `_`, never holding `/`).
        case partyCode
        /// A pattern id: ``RegistryKeyTable/patternIDPattern``.
        case patternID
        /// `true` or `false`, unquoted.
        case boolean
        /// A calendar day, `YYYY-MM-DD`.
        case day
        /// One of ``PackagingLevel``.
        case level
        /// One of ``CheckAlgorithm``.
        case algorithm
        /// A mapping from ``Language`` to text.
        case descriptions
        /// A list of texts.
        case texts
        /// A mapping holding the keys of a level.
        case mapping(RegistryKeyTable.Level)
        /// A list of at least one mapping holding the keys of a level.
        case list(RegistryKeyTable.Level)
    }

    /// The key as written in the file.
    package var name: String
    /// Whether the loader reports the key's absence (`missing-key`).
    package var isRequired: Bool
    /// What its value must be.
    package var value: Value
    /// One line saying what the key means: what an editor shows on hover.
    package var summary: String
    /// The value the loader assumes when the key is left out, if any.
    package var defaultValue: SchemaJSON? = nil
    /// Typical values, for an editor's completion.
    package var examples: [SchemaJSON] = []
}

/// The keys of registry format 1, level by level.
package enum RegistryKeyTable {
    /// A mapping of a registry file.
    package enum Level: String, Sendable, CaseIterable {
        /// The file itself.
        case file
        /// `party:`.
        case party
        /// An item of `patterns:`.
        case pattern
        /// `check:` of a pattern.
        case check
        /// `examples:` of a pattern.
        case examples
    }

    /// The syntax of a pattern id, as `RegistryLoader.FileParser.isValidID` checks it.
    package static let patternIDPattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
    /// What a Party code can be, given that it must equal the name of a file the loader reads (`CODE.yaml`, not
    /// starting with `.` or `_`). The format gives no other syntax; `uim-router new` writes 1 to 16 letters or digits.
    package static let partyCodePattern = "^[^._/][^/]*$"
    /// The shape of a `YYYY-MM-DD` date (that the day exists is the schema's `format: date`).
    package static let dayPattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

    /// The key names of `level`, in the format's order.
    static func names(_ level: Level) -> [String] {
        keys(level).map(\.name)
    }

    /// The keys of `level`, in the format's order.
    package static func keys(_ level: Level) -> [RegistryKey] {
        switch level {
        case .file: return file
        case .party: return party
        case .pattern: return pattern
        case .check: return check
        case .examples: return examples
        }
    }

    /// The language's English name, for the hover text of `description.<language>`.
    package static func name(of language: Language) -> String {
        switch language {
        case .ar: return "Arabic"
        case .en: return "English"
        case .es: return "Spanish"
        case .fr: return "French"
        case .ru: return "Russian"
        case .zh: return "Chinese"
        }
    }

    private static let file: [RegistryKey] = [
        RegistryKey(
            name: "format", isRequired: true, value: .formatVersion,
            summary: "The registry format version of this file: 1.", examples: [.integer(1)]),
        RegistryKey(
            name: "party", isRequired: true, value: .mapping(.party),
            summary: "The Party whose patterns this file holds: its code, name, and whether it is a Party to the "
                + "Protocol."),
        RegistryKey(
            name: "patterns", isRequired: true, value: .list(.pattern),
            summary: "The Party's UIM patterns, at least one; each pattern's id is unique in the whole registry."),
    ]

    private static let party: [RegistryKey] = [
        RegistryKey(
            name: "code", isRequired: true, value: .partyCode,
            summary: "The Party's code; it must equal the file name without .yaml (KE for KE.yaml).",
            examples: [.string("KE"), .string("EU")]),
        RegistryKey(
            name: "name", isRequired: true, value: .text, summary: "The Party's display name.",
            examples: [.string("Kenya")]),
        RegistryKey(
            name: "protocol_party", isRequired: true, value: .boolean,
            summary: "true for a Party to the Protocol to Eliminate Illicit Trade in Tobacco Products, otherwise "
                + "false (unquoted)."),
    ]

    private static let pattern: [RegistryKey] = [
        RegistryKey(
            name: "id", isRequired: true, value: .patternID,
            summary: "The pattern's id, unique in the whole registry: a letter or digit, then up to 63 letters, "
                + "digits, '.', '_' or '-'.",
            examples: [.string("KE-EGMS-STAMP")]),
        RegistryKey(
            name: "regex", isRequired: true, value: .nonEmptyText,
            summary: "PCRE2 regex (UTF-8) matched against the WHOLE normalised UIM, as if written ^(?:...)$; its "
                + "named groups are the UIM's fields.",
            examples: [.string("KE(?<payload>[0-9A-Z]{12})(?<check>[0-9A-Z])")]),
        RegistryKey(
            name: "level", isRequired: false, value: .level,
            summary: "The packaging level the UIMs mark: unit packets, aggregated packaging, or any (the default).",
            defaultValue: .string(PackagingLevel.any.rawValue)),
        RegistryKey(
            name: "description", isRequired: false, value: .descriptions,
            summary: "What the UIMs of this pattern mark, by language: the six UN languages ar en es fr ru zh; "
                + "English is the fallback.",
            examples: [.object([("en", .string("Excise stamp code")), ("fr", .string("Code du timbre fiscal"))])]),
        RegistryKey(
            name: "check", isRequired: false, value: .mapping(.check),
            summary: "A check character verified after the regex matched: the algorithm, and the named groups "
                + "holding the checked characters and the check character(s)."),
        RegistryKey(
            name: "references", isRequired: false, value: .texts,
            summary: "UIMRouter addition: the format's legal basis or source URL, or \"illustrative, not an official "
                + "format\".",
            examples: [.array([.string("illustrative, not an official format")])]),
        RegistryKey(
            name: "valid_from", isRequired: false, value: .day,
            summary: "The first day the pattern routes (YYYY-MM-DD, inclusive); before it the pattern is set aside "
                + "as not-yet-valid.",
            examples: [.string("2019-10-01")]),
        RegistryKey(
            name: "valid_until", isRequired: false, value: .day,
            summary: "The last day the pattern routes (YYYY-MM-DD, inclusive); after it the pattern is set aside as "
                + "expired.",
            examples: [.string("2030-12-31")]),
        RegistryKey(
            name: "examples", isRequired: false, value: .mapping(.examples),
            summary: "UIMs that must match this pattern and UIMs that must not: optional, but strongly expected; "
                + "`uim-router validate` checks them."),
    ]

    private static let check: [RegistryKey] = [
        RegistryKey(
            name: "algorithm", isRequired: true, value: .algorithm,
            summary: "The check-character algorithm (ISO/IEC 7064, GS1, Luhn, Verhoeff or Damm).",
            examples: [.string(CheckAlgorithm.iso7064Mod37_36.rawValue)]),
        RegistryKey(
            name: "payload", isRequired: false, value: .text,
            summary: "The named group of the regex holding the checked characters (default payload).",
            defaultValue: .string("payload")),
        RegistryKey(
            name: "digit", isRequired: false, value: .text,
            summary: "The named group of the regex holding the check character(s) (default check).",
            defaultValue: .string("check")),
    ]

    private static let examples: [RegistryKey] = [
        RegistryKey(
            name: "match", isRequired: false, value: .texts,
            summary: "UIMs that must match this pattern (regex and check) and no other Party's pattern.",
            examples: [.array([.string("KE0000000001234X")])]),
        RegistryKey(
            name: "no_match", isRequired: false, value: .texts,
            summary: "UIMs that must not match this pattern.", examples: [.array([.string("KE000")])]),
    ]
}
