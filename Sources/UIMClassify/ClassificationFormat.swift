// The output formats of a classification, and the record handed to a caller-defined format.
import UIMRouting

/// How each classified record is written.
public enum ClassificationFormat: Sendable {
    /// The contract's JSON line per record, plus `"line"` (and `"file"` with several inputs) first and the carried
    /// columns as `"columns": {name: value}` last.
    case jsonl
    /// RFC 4180 CSV with a header row: the carried columns, then `file` (several inputs only), `line`, `uim`,
    /// `status`, `party`, `party_name`, `patterns`, `fields`, `reasons` (see ``ClassificationFormat/columns``).
    case csv
    /// The same columns separated by tabs; a value holding a tab, a line break or a leading quote is quoted as in
    /// CSV.
    case tsv
    /// A caller-defined line per record (for people: the CLI's text format), built on the worker threads.
    case custom(header: @Sendable ([String]) -> String, record: @Sendable (ClassifiedRecord) -> String)

    /// The stable columns of ``csv`` and ``tsv`` after the carried ones (and `file`).
    ///
    /// `party` and `party_name` hold the Party when routed and every candidate (joined with `|`) when ambiguous;
    /// `patterns` every matching pattern id (`|`); `fields` the first match's named groups as a JSON object;
    /// `reasons` why the record is invalid, or the patterns set aside as `PATTERN:reason` (`|`), or `no-pattern`.
    public static let columns = ["line", "uim", "status", "party", "party_name", "patterns", "fields", "reasons"]

    /// The column added last with ``ClassifierOptions/hints``: an unrouted record's repair hints, each as
    /// `repair:UIM->PARTY` (for an ambiguous repair, the candidate Parties joined with `|`), joined with `;`.
    public static let hintsColumn = "hints"
}

/// One classified record, as given to a ``ClassificationFormat/custom(header:record:)`` format.
public struct ClassifiedRecord: Sendable {
    /// The input's name, when the run has several inputs.
    public var file: String?
    /// The input line the record starts on (1-based; a CSV/TSV header is line 1).
    public var line: Int
    /// The routing result (for a malformed row: `invalid`, with the UIM field as read); with
    /// ``ClassifierOptions/hints``, an unrouted result carries its ``RouteResult/hints``.
    public var result: RouteResult
    /// Why the record is invalid: the router's reason, or a malformed-row reason.
    public var invalidReason: String?
    /// The carried columns' names (from the header).
    public var carriedNames: [String]
    /// The carried columns' values, in the same order.
    public var carried: [String]
}
