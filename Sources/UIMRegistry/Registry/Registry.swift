// A loaded, validated registry: the Parties and their patterns. Immutable once built.

/// The Parties and their UIM patterns, loaded from a registry folder and checked.
///
/// A `Registry` is data and never changes once built: loaded from files (``load(from:examples:)``, or
/// ``Router/init(loading:examples:options:)``, which also returns the compiled router) or built in code with the
/// validating ``init(parties:patterns:source:)``. Compile it with ``Router/init(registry:options:)`` to route UIMs.
public struct Registry: Sendable {
    /// The Parties, sorted by code.
    public let parties: [Party]
    /// Every pattern, in file order (files sorted by name), then in the order written.
    public let patterns: [PatternSpec]
    /// SHA-256 of the registry's canonical form (64 hex digits), computed when the registry is built: comments and
    /// layout do not change it. See ``RegistryDigest``.
    public let digest: String
    /// Where the registry came from: a folder path, `bundled` or `memory`.
    public let source: String
    /// Problems that do not stop routing: folder entries that are not read, placeholder text left from the
    /// template, a plain regex cut by a YAML comment, and example problems when loaded with
    /// ``ExampleChecking/warnings``. Each has ``Diagnostic/severity`` `.warning`.
    public let warnings: [Diagnostic]
    /// The signed release the registry was loaded from (see ``load(from:trust:examples:)``); nil: unsigned.
    public let release: RegistryRelease?

    /// A registry of `parties` and `patterns`, checked as the loader checks a folder's files. Loading from files
    /// (``Registry/load(from:examples:)``) is the usual way; this initialiser serves tests and embedders that build
    /// registries in code.
    ///
    /// Each pattern's regex is compiled, and its `check` groups looked up, when a ``Router`` is built from the
    /// registry (which reports those problems in the loader's words); examples are checked only by loading.
    /// - Throws: ``RegistryError`` with every problem, each at the pattern's or Party's location: two Parties with
    ///   one code, two patterns with one id, a pattern whose Party is not among `parties`.
    public init(parties: [Party], patterns: [PatternSpec], source: String = "memory") throws(RegistryError) {
        let problems = Self.problems(parties: parties, patterns: patterns)
        guard problems.isEmpty else { throw RegistryError(problems) }
        self.init(unchecked: parties, patterns: patterns, source: source)
    }

    /// A registry of `parties` and `patterns` taken as they are: the loader (which reports every problem as a
    /// located diagnostic itself, and never hands out a registry with problems) and tests of malformed input.
    package init(unchecked parties: [Party], patterns: [PatternSpec], source: String = "memory",
                 warnings: [Diagnostic] = [], release: RegistryRelease? = nil) {
        self.parties = parties.sorted { $0.code < $1.code }
        self.patterns = patterns
        self.source = source
        self.warnings = warnings
        self.release = release
        self.digest = RegistryDigest.digest(parties: self.parties, patterns: patterns)
    }

    /// This registry with other ``warnings`` (the digest, which they do not change, is kept).
    package func replacing(warnings: [Diagnostic]) -> Registry {
        Registry(unchecked: parties, patterns: patterns, source: source, warnings: warnings, release: release,
                 digest: digest)
    }

    /// This registry with another ``release``.
    package func replacing(release: RegistryRelease?) -> Registry {
        Registry(unchecked: parties, patterns: patterns, source: source, warnings: warnings, release: release,
                 digest: digest)
    }

    /// This registry holding only `patterns` (a subset of its own, in order).
    package func replacing(patterns: [PatternSpec]) -> Registry {
        Registry(unchecked: parties, patterns: patterns, source: source, warnings: warnings, release: release)
    }

    private init(unchecked parties: [Party], patterns: [PatternSpec], source: String, warnings: [Diagnostic],
                 release: RegistryRelease?, digest: String) {
        self.parties = parties
        self.patterns = patterns
        self.source = source
        self.warnings = warnings
        self.release = release
        self.digest = digest
    }

    /// The Party with `code`, if any.
    public func party(_ code: String) -> Party? { parties.first { $0.code == code } }
}
