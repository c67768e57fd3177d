// Which column of a CSV/TSV input holds the UIMs when the caller does not say: a column named `uim`, else the column
// whose first values look like UIMs, else one whose name suggests UIMs; otherwise none — a list of seizure ids must
// never be routed as if it were UIMs.
import UIMRegistry
import UIMRouting

/// The UIM column chosen for one delimited input, and why.
public struct UIMColumnChoice: Sendable, Hashable, CustomStringConvertible {
    /// Why the column was chosen.
    public enum Reason: Sendable, Hashable {
        /// Named by the caller (`--column`).
        case requested
        /// Its header is `uim` (ignoring case and surrounding spaces).
        case named
        /// `matching` of its first `sampled` non-empty values match a pattern of the registry (at least half).
        case sampled(matching: Int, sampled: Int)
        /// Its header suggests UIMs (a word such as `code`, `marking`, `ui`), though only `matching` of its first
        /// `sampled` non-empty values match a pattern.
        case nameSuggests(matching: Int, sampled: Int)
        /// The input has no data row to look at: the column whose name suggests UIMs, else the first.
        case noRows
    }

    /// The input's name.
    public var file: String
    /// The column's 0-based index.
    public var index: Int
    /// The column's header.
    public var name: String
    /// Why it was chosen.
    public var reason: Reason

    /// A sentence for a person: `seizure.csv: UIM column 2 'Pack code': 48 of its first 50 values match a pattern`.
    public var description: String {
        let column = "\(file): UIM column \(index + 1) '\(name)'"
        switch reason {
        case .requested: return "\(column): as requested"
        case .named: return "\(column): it is named uim"
        case .sampled(let matching, let sampled):
            return "\(column): \(matching) of its first \(sampled) values match a pattern of the registry "
                + "(no column is named uim; --column chooses another)"
        case .nameSuggests(let matching, let sampled):
            return "\(column): its name suggests UIMs, though only \(matching) of its first \(sampled) values match "
                + "a pattern of the registry (--column chooses another)"
        case .noRows: return "\(column): no data row to look at (--column chooses another)"
        }
    }

    /// How many data rows are looked at.
    public static let sampleRows = 200

    /// Words of a header that suggest UIMs (the header is split into words on anything not a letter or digit).
    public static let suggestiveWords: Set<String> = [
        "uim", "uims", "ui", "uid", "code", "codes", "marking", "markings", "barcode", "datamatrix", "identifier",
    ]

    /// True when `header` has a word of ``suggestiveWords``.
    public static func nameSuggestsUIMs(_ header: String) -> Bool {
        header.lowercased().split { !$0.isLetter && !$0.isNumber }.contains { suggestiveWords.contains(String($0)) }
    }

    /// Chooses the UIM column of `header` from the values of its first rows (`rows[r][c]`, column `c` of row `r`),
    /// or nil when no column looks like UIMs.
    ///
    /// A value *matches* when some pattern's regex matches it: it routes, is ambiguous, or is unrouted with a
    /// pattern set aside (check character, validity, match limit). The column with the most matching values is
    /// chosen when at least half its non-empty values match; else the first column whose name suggests UIMs.
    static func choose(file: String, header: [String], rows: [[UnsafeBufferPointer<UInt8>]], router: Router,
                       day: Day) -> UIMColumnChoice? {
        let hinted = header.firstIndex(where: nameSuggestsUIMs)
        guard !rows.isEmpty else {
            let index = hinted ?? 0
            guard !header.isEmpty else { return nil }
            return UIMColumnChoice(file: file, index: index, name: header[index], reason: .noRows)
        }
        let scratch = router.makeScratch()
        var matching = Array(repeating: 0, count: header.count)
        var sampled = Array(repeating: 0, count: header.count)
        for row in rows {
            for (column, value) in row.enumerated() where column < header.count {
                let status = router.decide(utf8: value, on: day, using: scratch)
                if status == .invalid, scratch.invalidReason == .empty { continue }
                sampled[column] += 1
                if status == .routed || status == .ambiguous || (status == .unrouted && !scratch.rejected.isEmpty) {
                    matching[column] += 1
                }
            }
        }
        // The most matching values; on a tie, the leftmost column.
        let best = matching.indices.max { matching[$0] < matching[$1] || (matching[$0] == matching[$1] && $0 > $1) }
        if let best,
           matching[best] > 0, 2 * matching[best] >= sampled[best] {
            return UIMColumnChoice(file: file, index: best, name: header[best],
                                   reason: .sampled(matching: matching[best], sampled: sampled[best]))
        }
        if let hinted {
            return UIMColumnChoice(file: file, index: hinted, name: header[hinted],
                                   reason: .nameSuggests(matching: matching[hinted], sampled: sampled[hinted]))
        }
        return nil
    }
}
