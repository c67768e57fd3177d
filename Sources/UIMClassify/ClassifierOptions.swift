// What a classification run reads and how: its inputs, options and the progress it reports.
import UIMRegistry
import UIMRouting

/// One input of a classification: an open file descriptor (the caller opens and closes it) and its layout.
public struct ClassificationInput: Sendable {
    /// A name for messages and for the `file` column (`-` for standard input).
    public var name: String
    /// The open descriptor to read.
    public var descriptor: Int32
    /// Its layout.
    public var format: InputFormat

    /// An input named `name` read from `descriptor`.
    public init(name: String, descriptor: Int32, format: InputFormat) {
        self.name = name
        self.descriptor = descriptor
        self.format = format
    }
}

/// How a ``Classifier`` runs.
public struct ClassifierOptions: Sendable {
    /// Routing threads (at least 1). Input is read on one more thread and written on the calling one.
    public var jobs: Int
    /// The query date for validity periods.
    public var date: Day
    /// The output format.
    public var format: ClassificationFormat
    /// The UIM column of CSV/TSV inputs (nil: the column named `uim`, else the one that looks like UIMs; see
    /// ``UIMColumnChoice``).
    public var column: ColumnSelector?
    /// The column of CSV/TSV inputs holding each row's query date, `YYYY-MM-DD` (nil: ``date`` for every record).
    /// A row whose date is empty or not a day is `invalid`, with the reason; the run goes on.
    public var dateColumn: ColumnSelector?
    /// The version of the tool that runs, recorded in the summary (provenance).
    public var toolVersion: String
    /// Whether every `unrouted` record gains its repair hints (``HintFinder``): in its JSON line (`hints`), in a last
    /// `hints` column of CSV/TSV, in ``ClassifiedRecord/result``, and as counts by repair kind in the summary.
    /// Off, nothing is searched and the outputs are those of a run without hints.
    public var hints: Bool = false
    /// The most automaton steps the hint search may take per unrouted UIM (``HintFinder/stepBudget``); a record
    /// whose search stopped there gets `"hints_capped":true` in its JSON line and is counted in the summary.
    public var hintStepBudget: Int = HintFinder.defaultStepBudget
    /// Told, on the reader thread, which UIM column each CSV/TSV input routes and why (before its first record).
    public var onColumnChoice: (@Sendable (UIMColumnChoice) -> Void)?
    /// About how many input bytes make one unit of work.
    public var chunkBytes: Int
    /// The longest plain line or CSV/TSV record kept whole; memory use is bounded by a small multiple of
    /// `jobs × chunkBytes` plus this.
    public var maximumRecordBytes: Int

    /// Options with `jobs` threads, query date `date` and `format`.
    public init(jobs: Int, date: Day, format: ClassificationFormat, column: ColumnSelector? = nil,
                dateColumn: ColumnSelector? = nil, toolVersion: String = "",
                chunkBytes: Int = 1 << 18, maximumRecordBytes: Int = 1 << 20) {
        self.jobs = max(1, jobs)
        self.date = date
        self.format = format
        self.column = column
        self.dateColumn = dateColumn
        self.toolVersion = toolVersion
        self.chunkBytes = max(1024, chunkBytes)
        self.maximumRecordBytes = max(1024, maximumRecordBytes)
    }
}

/// How far a run has got, reported after each unit of work is written.
public struct ClassificationProgress: Sendable {
    /// Records written so far.
    public var records: Int
    /// Input bytes read so far, over all inputs (compare with their total size for a percentage).
    public var bytesRead: Int
}
