// The unit of work of a classification: a run of consecutive input records, numbered so that results routed on
// several threads can be written back in input order.

/// Why a CSV/TSV row is `invalid` before its UIM is routed: it could not be read as a record, or its date cannot be.
public enum MalformedRow: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A quoted field was never closed (before the end of the input, or within the record size limit).
    case unterminatedQuote
    /// Text follows a closing quote before the next separator (`"abc"x`).
    case textAfterQuote
    /// The row has more or fewer fields than the header.
    case fieldCount
    /// The record grew past the record size limit, most likely because of a quote that is never closed.
    case tooLong
    /// The date column (`--date-column`) of the row is empty.
    case missingDate
    /// The date column of the row is not a `YYYY-MM-DD` day that exists.
    case badDate

    /// The reason as written in `invalid` records and in the summary.
    public var description: String {
        switch self {
        case .unterminatedQuote: "malformed row: unterminated quoted field"
        case .textAfterQuote: "malformed row: text after a closing quote"
        case .fieldCount: "malformed row: wrong number of fields"
        case .tooLong: "malformed row: longer than the record limit (a quote never closed?)"
        case .missingDate: "no date in the date column"
        case .badDate: "bad date: not a YYYY-MM-DD day that exists"
        }
    }
}

/// Where a record's fields lie in its chunk (delimited inputs only).
package struct RecordEntry: Sendable {
    /// The input line the record starts on (1-based; the header is line 1).
    package var line: Int
    /// Index of its first field in ``RecordChunk/fieldEnds``.
    package var firstField: Int32
    package var fieldCount: Int32
    package var malformed: MalformedRow?
}

/// How a file's columns map to the output: the UIM column and the carried ones.
struct ColumnLayout: Sendable, Equatable {
    /// Index of the UIM field (0 for plain input).
    var uim: Int
    /// Indices of the carried fields, in output order.
    var carried: [Int]
    /// The number of fields a row must have (1 for plain input).
    var fieldCount: Int
    /// The carried columns' names (from the header), in output order.
    var names: [String]
    /// Index of the field holding each row's query date (`--date-column`; nil: one date for the run).
    var date: Int?

    static let plain = ColumnLayout(uim: 0, carried: [], fieldCount: 1, names: [])
}

/// Consecutive records of one input file.
///
/// Plain input: `bytes` are whole lines, each ending in `\n`, and `records` is empty. Delimited input: `bytes` are
/// the unquoted fields back to back, `fieldEnds[k]` the end of field `k` (its start is the previous end).
struct RecordChunk: Sendable {
    /// Position in the run: results are written in this order.
    var sequence: Int
    /// Index of the input file.
    var file: Int
    /// The line of the first record (plain input).
    var firstLine: Int
    var bytes: [UInt8]
    var records: [RecordEntry] = []
    var fieldEnds: [Int32] = []
    var layout: ColumnLayout
    /// Bytes of all inputs consumed once this chunk is done (for progress).
    var consumed: Int
    /// True on a file's first chunk.
    var startsFile: Bool
}

/// A chunk's formatted output, handed from its worker to the writer without copying, then back to a worker for a
/// later chunk (so its storage, grown to size, is reused rather than allocated per chunk).
final class ChunkOutput: @unchecked Sendable {
    // Safety: one thread at a time owns the object: the worker that fills `writer` gives it up when it delivers the
    // result, the writer when it hands it back; the pipeline's lock orders both hand-overs.
    var writer: ByteWriter

    init(capacity: Int) { writer = ByteWriter(capacity: capacity) }

    deinit { writer.deallocate() }
}

/// A routed and formatted chunk.
struct ChunkResult: Sendable {
    var sequence: Int
    var file: Int
    var output: ChunkOutput
    var tally: ClassificationTally
    var records: Int
    /// The line of the chunk's last record (0 when it has none).
    var lastLine: Int
    var consumed: Int
    /// The carried columns' names, on a file's first chunk.
    var header: [String]?
}
