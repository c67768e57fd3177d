// Registry problems, printed like a compiler's: `Patterns/KE.yaml:12:5: error: message`.

/// One problem found while loading or validating a registry.
///
/// Printed as `FILE:LINE:COLUMN: error: message`, so editors and CI logs can jump to it. Loading reports every
/// problem of every file at once; a registry with any diagnostic is never used.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem, stable for tools and tests.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The registry folder or a file could not be read.
        public static let io = Code(rawValue: "io")
        /// A file is not UTF-8 (UTF-16, UTF-32, Latin-1, …).
        public static let encoding = Code(rawValue: "encoding")
        /// An entry of the registry folder that is not read (`KE.yml`, `KE.json`, a folder): a warning.
        public static let unreadFile = Code(rawValue: "unread-file")
        /// Placeholder text left from `uim-router new` (`TODO: …`): a warning for `validate`, an error for
        /// `check-submission`.
        public static let placeholder = Code(rawValue: "placeholder")
        /// A plain (unquoted) regex followed by ` #` on its line: YAML took the rest of the line for a comment.
        public static let regexCutByComment = Code(rawValue: "regex-cut-by-comment")
        /// The YAML is not well formed.
        public static let syntax = Code(rawValue: "syntax")
        /// A required key is missing.
        public static let missingKey = Code(rawValue: "missing-key")
        /// A key the format does not know (usually a typo).
        public static let unknownKey = Code(rawValue: "unknown-key")
        /// A value of the wrong type or shape.
        public static let badValue = Code(rawValue: "bad-value")
        /// `party.code` differs from the file name.
        public static let codeMismatch = Code(rawValue: "code-mismatch")
        /// The same pattern id appears twice.
        public static let duplicateID = Code(rawValue: "duplicate-id")
        /// The regex does not compile.
        public static let badRegex = Code(rawValue: "bad-regex")
        /// `check` names a group the regex lacks.
        public static let missingGroup = Code(rawValue: "missing-group")
        /// `check.algorithm` is not one of the supported algorithms.
        public static let unknownAlgorithm = Code(rawValue: "unknown-algorithm")
        /// `valid_from` is after `valid_until`.
        public static let badValidity = Code(rawValue: "bad-validity")
        /// A description in a language other than the six UN languages.
        public static let badLanguage = Code(rawValue: "bad-language")
        /// A `match` example that does not match its pattern.
        public static let exampleDoesNotMatch = Code(rawValue: "example-does-not-match")
        /// A `match` example that also matches another Party's pattern.
        public static let exampleAmbiguous = Code(rawValue: "example-ambiguous")
        /// A `no_match` example that matches its pattern.
        public static let exampleMatches = Code(rawValue: "example-matches")
    }

    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, CustomStringConvertible {
        /// The registry must not be used until it is fixed.
        case error
        /// Worth fixing, but the registry loads.
        case warning

        public var description: String { rawValue }
    }

    /// What kind of problem this is.
    public var code: Code
    /// Whether it stops the registry from loading.
    public var severity: Severity
    /// Where it is.
    public var location: SourceLocation
    /// What is wrong and, where possible, what to do about it.
    public var message: String

    /// A diagnostic of kind `code` at `location`.
    public init(_ code: Code, at location: SourceLocation, _ message: String, severity: Severity = .error) {
        self.code = code
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message` (or `warning:`).
    public var description: String { "\(location): \(severity): \(message)" }
}

/// Every problem found in a registry; thrown by loading, never partial.
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order, then line and column order.
    public var diagnostics: [Diagnostic]

    /// Warnings found on the way (files not read, placeholder text, …): worth printing beside the errors.
    public var warnings: [Diagnostic] = []

    /// An error holding `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
