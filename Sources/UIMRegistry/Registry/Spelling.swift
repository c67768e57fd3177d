// "Did you mean …?" for tools built on the library: the loader's own rule for misspelt keys, for other words (the
// CLI uses it for a mistyped subcommand).

/// Suggestions for misspelt words, by the rule the registry loader uses for unknown keys.
public enum Spelling {
    /// The word of `candidates` closest to `word` when it is a likely typo of it (case-insensitive edit distance,
    /// adjacent transpositions costing 1: at most 2 edits, or a third of the candidate's length for long words), or
    /// `nil`. For example `suggestion(for: "rotue", among: ["route", "validate"])` is `"route"`.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        RegistryLoader.suggestion(for: word, among: candidates)
    }
}
