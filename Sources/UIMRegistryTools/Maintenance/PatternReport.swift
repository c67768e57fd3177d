// `show`: everything about one pattern in one value — the declaration, its named groups, what the analyser knows
// (prefixes, lengths, opaque or not) and its conflicts with other Parties' patterns.
import UIMRegex
import UIMRegistry
import UIMAutomata

/// Everything known about one pattern of a registry.
public struct PatternReport: Sendable {
    /// The pattern as declared (its ``PatternSpec/location`` is the file and line).
    public var spec: PatternSpec
    /// Its position in ``Registry/patterns``.
    public var index: Int
    /// The regex's named groups, in group-number order.
    public var fields: [String]
    /// The analyser's view of the regex.
    public var analysis: PatternAnalysis
    /// The prefix trie's summary: exact prefixes and lengths when analysable, a conservative bound otherwise.
    public var shape: RegexShape
    /// Every overlap with a pattern of another Party whose validity intersects.
    public var conflicts: [ConflictFinding]
    /// Why PCRE2 runs this regex on its interpreter rather than its JIT; `nil` when it runs on the JIT.
    public var interpreterReason: String?

    /// The report on pattern `id` of `registry`, or `nil` when it has no such pattern.
    public init?(id: String, in registry: Registry) {
        guard let index = registry.patterns.firstIndex(where: { $0.id == id }) else { return nil }
        spec = registry.patterns[index]
        self.index = index
        let compiled = try? CompiledRegex(spec.regex)
        fields = (compiled?.namedGroups ?? []).sorted { $0.number < $1.number }.map(\.name)
        interpreterReason = compiled?.interpreterReason
        analysis = PatternAnalysis(regex: spec.regex)
        shape = RegexShape(analysis: analysis)
        conflicts = ConflictFinder(registry: registry).conflicts(involving: [index])
    }

    /// The prefixes as text, with bytes that are not printable ASCII as `\xHH`.
    public var prefixTexts: [String] {
        shape.prefixes.map { bytes in bytes.map(Self.byteText).joined() }
    }

    /// One byte as text: printable ASCII as itself, anything else (and a backslash) as `\xHH`.
    public static func byteText(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "\\")
            ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16, uppercase: true)
    }

    /// The byte lengths of matches: exact (`13`, `13–16`) when analysable, else a sound bound (from the syntax tree,
    /// or PCRE2's minimum length for an opaque regex).
    public var lengthText: String {
        if let lengths = analysis.lengths { return lengths.description }
        let source = analysis.tree == nil && analysis.isOpaque && !analysis.exceedsStateLimit ? "PCRE2's bound" : "bound"
        return "\(shape.minLength)–\(shape.maxLength.map(String.init) ?? "∞") (\(source), not exact)"
    }
}
