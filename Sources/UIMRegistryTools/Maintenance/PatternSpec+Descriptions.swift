// A pattern's description in the reader's language, with the English fallback made visible.
import UIMRegistry

extension PatternSpec {
    /// The description in `language`; when there is none, the English one, else the first in language order —
    /// with the language actually used, so the caller can say that it fell back.
    public func description(in language: Language) -> (text: String, language: Language)? {
        if let text = descriptions[language] { return (text, language) }
        if let text = descriptions[.en] { return (text, .en) }
        return Language.allCases.lazy.compactMap { l in self.descriptions[l].map { ($0, l) } }.first
    }

    /// `from … until`, with `…` for an open end (`always` when neither is given).
    public var validityText: String {
        if validFrom == nil && validUntil == nil { return "always" }
        return "\(validFrom.map(\.description) ?? "…") – \(validUntil.map(\.description) ?? "…")"
    }
}
