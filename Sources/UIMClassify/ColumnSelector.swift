// Which column of a CSV/TSV header holds the UIM: by name or by 1-based number, or the default choice.

/// Picks the UIM column of a delimited input.
public enum ColumnSelector: Sendable, Hashable, CustomStringConvertible {
    /// The column whose header equals this name (exactly first, then ignoring case and surrounding spaces).
    case name(String)
    /// The column with this 1-based number.
    case number(Int)

    /// Parses a command-line value: digits are a column number, anything else a name.
    public init(_ text: String) {
        if let number = Int(text), number > 0 { self = .number(number) } else { self = .name(text) }
    }

    public var description: String {
        switch self {
        case .name(let name): "'\(name)'"
        case .number(let number): "number \(number)"
        }
    }

    /// The 0-based index of the selected column in `header`, or nil when it has none.
    ///
    /// With no selector (`nil`), the column named `uim` (ignoring case and surrounding spaces), or nil when none is:
    /// the classifier then looks at the values (``UIMColumnChoice``) rather than take the first column blindly.
    public static func resolve(_ selector: ColumnSelector?, in header: [String]) -> Int? {
        func trimmed(_ text: String) -> String {
            String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()).lowercased()
        }
        switch selector {
        case nil:
            return header.firstIndex { trimmed($0) == "uim" }
        case .number(let number):
            return number >= 1 && number <= header.count ? number - 1 : nil
        case .name(let name):
            return header.firstIndex(of: name) ?? header.firstIndex { trimmed($0) == trimmed(name) }
        }
    }
}
