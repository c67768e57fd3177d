// How an input file is laid out: one UIM per line, or a spreadsheet export with a header row.

/// The layout of one classification input.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// One UIM per line, nothing else.
    case plain
    /// Comma-separated values with a header row, quoted as RFC 4180 describes.
    case csv
    /// Tab-separated values with a header row, with the same quoting as ``csv``.
    case tsv

    /// The format a file name suggests: `.csv` → csv, `.tsv`/`.tab` → tsv, anything else (and `-`) → plain.
    /// A trailing `.gz` is not looked through: a compressed file arrives decompressed on standard input.
    public static func guess(fromFileName name: String) -> InputFormat {
        let lower = name.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return .tsv }
        return .plain
    }

    /// The field separator of a delimited format (nil for plain).
    var delimiter: UInt8? {
        switch self {
        case .plain: nil
        case .csv: UInt8(ascii: ",")
        case .tsv: UInt8(ascii: "\t")
        }
    }
}
