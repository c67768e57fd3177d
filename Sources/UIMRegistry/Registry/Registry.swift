// A loaded, validated registry: the Parties and their patterns. Immutable once loaded.

/// The Parties and their UIM patterns, loaded from a registry folder and checked.
///
/// A `Registry` is data; compile it with ``Router/init(registry:options:)`` to route UIMs.
public struct Registry: Sendable {
    /// The Parties, sorted by code.
    public var parties: [Party] { didSet { digest = RegistryDigest.digest(parties: parties, patterns: patterns) } }
    /// Every pattern, in file order (files sorted by name), then in the order written.
    public var patterns: [PatternSpec] {
        didSet { digest = RegistryDigest.digest(parties: parties, patterns: patterns) }
    }
    /// SHA-256 of the registry's canonical form (64 hex digits), computed when the registry is built and kept up to
    /// date when `parties` or `patterns` change: comments and layout do not change it. See ``RegistryDigest``.
    public private(set) var digest: String
    /// Where the registry came from: a folder path, or `bundled`.
    public var source: String
    /// Problems that do not stop routing: folder entries that are not read, placeholder text left from the
    /// template, a plain regex cut by a YAML comment, and example problems when loaded with
    /// ``ExampleChecking/warnings``. Each has ``Diagnostic/severity`` `.warning`.
    public var warnings: [Diagnostic] = []
    /// The signed release the registry was loaded from (see ``load(from:trust:examples:)``); nil: unsigned.
    public package(set) var release: RegistryRelease?

    /// A registry of `parties` and `patterns`. Loading from files (``Registry/load(from:)``) is the usual way;
    /// this initialiser serves tests and embedders that build registries in code.
    public init(parties: [Party], patterns: [PatternSpec], source: String = "memory") {
        self.parties = parties.sorted { $0.code < $1.code }
        self.patterns = patterns
        self.source = source
        self.digest = RegistryDigest.digest(parties: self.parties, patterns: patterns)
    }

    /// The Party with `code`, if any.
    public func party(_ code: String) -> Party? { parties.first { $0.code == code } }
}
