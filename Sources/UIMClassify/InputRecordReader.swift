// The records of one input, as chunks: plain lines, or CSV/TSV rows after the header with the UIM (and date) column
// chosen. The classifier's reader thread and `UIMList` (what `bench` routes) both read through it, so a file yields
// the same records, with the same blank lines, line ends and malformed rows, whichever command reads it.
import UIMRouting

/// Reads one input's records in chunks.
struct InputRecordReader {
    /// How opening an input went.
    enum Opening {
        /// The records follow (``layout`` is set).
        case ready
        /// A delimited input without even a header row: nothing to read.
        case empty
        /// The header does not fit (no such column, no column that looks like UIMs).
        case refused(ClassificationError)
    }

    let input: ClassificationInput
    let source: ByteSource
    private let options: ClassifierOptions
    private var csv: CSVReader?
    private var plain: PlainChunker?
    /// A chunk read ahead (to look at the first rows before choosing the UIM column).
    private var pending: (bytes: [UInt8], fieldEnds: [Int32], records: [RecordEntry])?
    /// The columns: which is the UIM, which are carried, which holds the date.
    private(set) var layout = ColumnLayout.plain
    /// How the UIM column was chosen (delimited inputs).
    private(set) var choice: UIMColumnChoice?
    /// The header's name of the date column (delimited inputs with `dateColumn`).
    private(set) var dateColumnName: String?

    init(input: ClassificationInput, source: ByteSource, options: ClassifierOptions) {
        self.input = input
        self.source = source
        self.options = options
    }

    /// The physical lines read so far (the header included).
    var linesRead: Int { csv?.linesRead ?? (plain.map { $0.nextLine - 1 } ?? 0) }
    /// Blank lines skipped so far (delimited inputs; a plain list keeps every line as a record).
    var blankLines: Int { csv?.blankLines ?? 0 }

    /// Reads the header of a delimited input and chooses its columns (`router` routes the first rows when the UIM
    /// column must be guessed); a plain input is ready at once.
    mutating func open(router: Router) throws(ReadStop) -> Opening {
        guard let delimiter = input.format.delimiter else {
            plain = PlainChunker(source: source, blockSize: options.chunkBytes)
            return .ready
        }
        var reader = CSVReader(source: source, delimiter: delimiter, maximumRecordBytes: options.maximumRecordBytes)
        defer { csv = reader }
        guard let header = try reader.readHeader() else { return .empty }
        /// `message` with the header's names after it, or after its first part (before a colon).
        func refuse(_ code: ClassificationError.Code, _ message: String, then rest: String = "") -> Opening {
            let names = " (header: \(header.map { "'\($0)'" }.joined(separator: ", ")))"
            return .refused(ClassificationError(code: code, file: input.name, message: message + names + rest))
        }
        var date: Int?
        if let selector = options.dateColumn {
            guard let index = ColumnSelector.resolve(selector, in: header) else {
                return refuse(.columnNotFound, "no date column \(selector) in the header")
            }
            date = index
            dateColumnName = header[index]
        }
        let uim: Int
        if let selector = options.column {
            guard let index = ColumnSelector.resolve(selector, in: header) else {
                return refuse(.columnNotFound, "no column \(selector) in the header")
            }
            uim = index
            choice = UIMColumnChoice(file: input.name, index: index, name: header[index], reason: .requested)
        } else if let index = ColumnSelector.resolve(nil, in: header) {
            uim = index
            choice = UIMColumnChoice(file: input.name, index: index, name: header[index], reason: .named)
        } else {
            pending = try reader.nextChunk(expectedFields: header.count, targetBytes: options.chunkBytes)
            var rows: [[UnsafeBufferPointer<UInt8>]] = []
            var chosen: UIMColumnChoice?
            if let (bytes, ends, records) = pending {
                bytes.withUnsafeBufferPointer { bytes in
                    ends.withUnsafeBufferPointer { ends in
                        for record in records where record.malformed == nil {
                            if rows.count == UIMColumnChoice.sampleRows { break }
                            let fields = RecordFields(bytes: bytes, ends: ends, record: record, uimIndex: 0,
                                                      carriedIndices: UnsafeBufferPointer(start: nil, count: 0))
                            rows.append((0..<header.count).map(fields.field))
                        }
                        chosen = UIMColumnChoice.choose(file: input.name, header: header, rows: rows, router: router,
                                                        day: options.date)
                    }
                }
            } else {
                chosen = UIMColumnChoice.choose(file: input.name, header: header, rows: [], router: router,
                                                day: options.date)
            }
            guard let chosen else {
                return refuse(.noUIMColumn, "no column looks like UIMs", then: ": none is named uim, in none do at "
                    + "least half of the first \(rows.count) values match a pattern of the registry, and no name "
                    + "suggests UIMs (code, marking, ui …); name the UIM column with --column NAME|N")
            }
            uim = chosen.index
            choice = chosen
        }
        let carried = header.indices.filter { $0 != uim }
        layout = ColumnLayout(uim: uim, carried: carried, fieldCount: header.count, names: carried.map { header[$0] },
                              date: date)
        return .ready
    }

    /// The next chunk of records (its `sequence`, `file`, `consumed` and `startsFile` left for the caller to set),
    /// or nil at the end of the input.
    mutating func next() throws(ReadStop) -> RecordChunk? {
        // Mutated in place (`csv!`, `plain!`), never copied: a copy would duplicate their buffers on the next write.
        if csv != nil {
            let read = if let pending { pending } else {
                try csv!.nextChunk(expectedFields: layout.fieldCount, targetBytes: options.chunkBytes)
            }
            pending = nil
            guard let (bytes, ends, records) = read else { return nil }
            return RecordChunk(sequence: 0, file: 0, firstLine: records[0].line, bytes: bytes, records: records,
                               fieldEnds: ends, layout: layout, consumed: 0, startsFile: false)
        }
        guard plain != nil, let (bytes, firstLine) = try plain!.next() else { return nil }
        return RecordChunk(sequence: 0, file: 0, firstLine: firstLine, bytes: bytes, layout: layout, consumed: 0,
                           startsFile: false)
    }
}
