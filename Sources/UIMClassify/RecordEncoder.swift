// Routes and formats records on a worker thread. The CSV/TSV path reads the outcome straight from the RouteScratch
// and writes through a ByteWriter from cells prepared once (RowCells), so the throughput-critical formats allocate
// nothing per record, and per record touch no memory shared with another thread except the router's tables.
import UIMPlatform
import UIMRegistry
import UIMRouting

/// Routes and formats the records of chunks; one per worker thread. Call ``release()`` when done.
struct RecordEncoder {
    let router: Router
    let format: ClassificationFormat
    let day: Day
    /// The inputs' names when there are several (then every record names its file).
    let fileNames: [String]?
    let cells: RowCells
    var delimiter: UInt8 { cells.delimiter }
    /// The output of the chunk being encoded (the storage of the ChunkOutput it goes into).
    var out: ByteWriter
    /// The initial `out`, never handed over (so `release` can free it).
    let spare: ByteWriter
    /// The carried columns' names of the chunk being encoded (JSON lines and custom formats).
    var carriedNames: [String] = []
    var cell: ByteWriter
    var json = JSONWriter()
    var counters: TallyCounters
    var ambiguousKeys: AmbiguousKeys
    var lineText = LineNumberText()
    /// The distinct Parties of the last ambiguous record, in order of first match (`partyListCount` of them).
    let partyList: UnsafeMutablePointer<Int>
    var partyListCount = 0
    /// The repair-hint search (``ClassifierOptions/hints``), with a scratch of its own: one per encoder, as the
    /// encoder is one per thread. Nil without hints, and then no record pays for it.
    let hintFinder: HintFinder?
    /// The hints of the last unrouted record (meaningful only when ``hintFinder`` is set and the record is unrouted).
    var recordHints: [RepairHint] = []
    /// Whether the last unrouted record's hint search stopped at its step budget.
    var recordHintsCapped = false

    init(router: Router, format: ClassificationFormat, day: Day, fileNames: [String]?, hints: Bool = false,
         hintStepBudget: Int = HintFinder.defaultStepBudget) {
        self.router = router
        hintFinder = hints ? HintFinder(router: router, stepBudget: hintStepBudget) : nil
        self.format = format
        self.day = day
        self.fileNames = fileNames
        let delimiter = if case .csv = format { UInt8(ascii: ",") } else { UInt8(ascii: "\t") }
        cells = RowCells(router: router, delimiter: delimiter, fileNames: fileNames)
        out = ByteWriter(capacity: 64)
        spare = out
        cell = ByteWriter(capacity: 1024)
        counters = TallyCounters(partyCount: router.partyCodes.count)
        ambiguousKeys = AmbiguousKeys(partyCodes: router.partyCodes)
        partyList = .allocate(capacity: max(router.partyCodes.count, 1))
    }

    /// Frees the tables and buffers (not the chunk outputs, which belong to their ChunkOutput).
    func release() {
        cells.deallocate()
        spare.deallocate()
        cell.deallocate()
        counters.deallocate()
        lineText.deallocate()
        partyList.deallocate()
    }

    /// The output's first lines (CSV/TSV header row; nothing for JSON lines).
    func header(carriedNames: [String]) -> [UInt8] {
        switch format {
        case .jsonl: return []
        case .custom(let header, _): return Array(header(carriedNames).utf8)
        case .csv, .tsv:
            var writer = ByteWriter(capacity: 256)
            defer { writer.deallocate() }
            let names = carriedNames + (fileNames == nil ? [] : ["file"]) + ClassificationFormat.columns
                + (hintFinder == nil ? [] : [ClassificationFormat.hintsColumn])
            for (k, name) in names.enumerated() {
                if k > 0 { writer.append(delimiter) }
                Array(name.utf8).withUnsafeBufferPointer { Self.appendCell($0, delimiter: delimiter, to: &writer) }
            }
            writer.append(UInt8(ascii: "\n"))
            return writer.makeArray()
        }
    }

    /// Routes and formats every record of `chunk`, in order, into `output` (whose previous content is dropped).
    mutating func encode(_ chunk: RecordChunk, into output: ChunkOutput, using scratch: RouteScratch) -> ChunkResult {
        out = output.writer
        out.removeAll()
        // The router and the layout's arrays are shared by every worker: read them once here, not per record, so
        // the records touch no reference count another thread also writes.
        let router = self.router
        carriedNames = chunk.layout.names
        var records = 0
        var lastLine = 0
        chunk.bytes.withUnsafeBufferPointer { bytes in
            if chunk.records.isEmpty {
                guard let base = bytes.baseAddress else { return }
                out.reserve(bytes.count * 4)
                var start = 0
                var line = chunk.firstLine
                while start < bytes.count {
                    let found = Syscalls.firstIndex(of: 0x0A, in: base + start, count: bytes.count - start)
                    let end = found.map { start + $0 } ?? bytes.count
                    // (The CR of a CRLF line end is already gone: PlainChunker drops it.)
                    let uim = UnsafeBufferPointer(start: base + start, count: end - start)
                    encodeRecord(line: line, file: chunk.file, uim: uim, fields: nil, malformed: nil, day: day,
                                 router: router, scratch: scratch)
                    lastLine = line
                    line += 1
                    records += 1
                    start = end + 1
                }
            } else {
                (records, lastLine) = encodeRows(chunk, bytes: bytes, router: router, scratch: scratch)
            }
        }
        output.writer = out
        return ChunkResult(sequence: chunk.sequence, file: chunk.file, output: output,
                           tally: counters.takeTally(keys: ambiguousKeys), records: records, lastLine: lastLine,
                           consumed: chunk.consumed, header: chunk.startsFile ? chunk.layout.names : nil)
    }

    /// The records of a delimited chunk; returns their number and the last one's line. A function of its own, so
    /// that `encode` keeps only the plain loop (the throughput path) inline.
    @inline(never)
    private mutating func encodeRows(_ chunk: RecordChunk, bytes: UnsafeBufferPointer<UInt8>, router: Router,
                                     scratch: RouteScratch) -> (records: Int, lastLine: Int) {
        let uimIndex = chunk.layout.uim
        let dateIndex = chunk.layout.date
        var records = 0
        var lastLine = 0
        chunk.fieldEnds.withUnsafeBufferPointer { ends in
            chunk.layout.carried.withUnsafeBufferPointer { carried in
                for record in chunk.records {
                    let fields = RecordFields(bytes: bytes, ends: ends, record: record, uimIndex: uimIndex,
                                              carriedIndices: carried)
                    if let dateIndex, record.malformed == nil {
                        encodeDatedRecord(file: chunk.file, fields: fields, dateIndex: dateIndex, router: router,
                                          scratch: scratch)
                    } else {
                        encodeRecord(line: record.line, file: chunk.file, uim: fields.uim, fields: fields,
                                     malformed: record.malformed, day: day, router: router, scratch: scratch)
                    }
                    lastLine = record.line
                    records += 1
                }
            }
        }
        return (records, lastLine)
    }

    /// A row routed on the date of its date column (`--date-column`), or `invalid` when that is not a day (apart from
    /// the loop of rows, which runs without a date column far more often).
    @inline(never)
    private mutating func encodeDatedRecord(file: Int, fields: RecordFields, dateIndex: Int, router: Router,
                                            scratch: RouteScratch) {
        switch RowDate.parse(fields.field(dateIndex)) {
        case .day(let rowDay):
            encodeRecord(line: fields.record.line, file: file, uim: fields.uim, fields: fields, malformed: nil,
                         day: rowDay, router: router, scratch: scratch)
        case .problem(let problem):
            encodeRecord(line: fields.record.line, file: file, uim: fields.uim, fields: fields, malformed: problem,
                         day: day, router: router, scratch: scratch)
        }
    }

    private mutating func encodeRecord(line: Int, file: Int, uim: UnsafeBufferPointer<UInt8>, fields: RecordFields?,
                                       malformed: MalformedRow?, day: Day, router: Router, scratch: RouteScratch) {
        var status = RouteStatus.invalid
        if let malformed {
            counters.countMalformed(malformed)
        } else {
            // What `Router.decide` does, called directly (as the optimiser used to inline it): once this function
            // had a per-row date, `decide` was left as a call of its own on every record.
            router.evaluate(uim, day: day.daysSinceEpoch, ignoringValidity: false, fields: true,
                            scratch: scratch)
            status = scratch.status
            count(status, scratch: scratch)
            if status == .unrouted, hintFinder != nil { findHints(uim, day: day, scratch: scratch) }
        }
        switch format {
        case .csv, .tsv:
            writeRow(line: line, file: file, uim: uim, fields: fields, status: status, malformed: malformed,
                     scratch: scratch)
        case .jsonl:
            writeJSONLine(line: line, file: file, uim: uim, fields: fields, malformed: malformed, router: router,
                          scratch: scratch)
        case .custom(_, let body):
            var result = malformed == nil ? router.result(for: uim, in: scratch)
                : RouteResult(uim: String(decoding: uim, as: UTF8.self), status: .invalid)
            if hintFinder != nil, result.status == .unrouted {
                result.hints = recordHints
                result.hintsCapped = recordHintsCapped
            }
            let record = ClassifiedRecord(
                file: fileNames?[file], line: line, result: result,
                invalidReason: malformed?.description ?? result.error?.rawValue,
                carriedNames: fields == nil ? [] : carriedNames,
                carried: fields?.carried.map { String(decoding: $0, as: UTF8.self) } ?? [])
            out.append(Array(body(record).utf8))
        }
    }

    /// Searches the repair hints of the unrouted UIM just decided into `scratch` (on the hint finder's own scratch,
    /// so `scratch` keeps the record's outcome for the writers), keeps them in `recordHints` and counts them. Apart
    /// from the record loop: only `--hints` runs it.
    @inline(never)
    private mutating func findHints(_ uim: UnsafeBufferPointer<UInt8>, day: Day, scratch: RouteScratch) {
        guard let hintFinder else { return }
        let search = hintFinder.hints(forNormalised: Array(uim[scratch.subject]), on: day)
        recordHints = search.hints
        recordHintsCapped = search.capped
        counters.countHints(recordHints, capped: search.capped)
    }

    /// Counts the outcome just decided into `scratch`; for an ambiguous one, also lists its Parties in `partyList`.
    @inline(__always)
    private mutating func count(_ status: RouteStatus, scratch: RouteScratch) {
        switch status {
        case .routed:
            counters.countRouted(party: cells.patternParty[Int(scratch.matches[0].pattern)])
        case .ambiguous:
            partyListCount = 0
            for match in scratch.matches {
                let party = cells.patternParty[Int(match.pattern)]
                var seen = false
                for k in 0..<partyListCount where partyList[k] == party { seen = true }
                if !seen {
                    partyList[partyListCount] = party
                    partyListCount += 1
                }
            }
            counters.countAmbiguous(signature: ambiguousKeys.signature(of: partyList, count: partyListCount))
        case .unrouted:
            counters.countUnrouted(firstReason: scratch.rejected.first?.reason)
        case .invalid:
            counters.countInvalid(scratch.invalidReason ?? .empty)
        }
    }
}

/// The fields of one delimited record inside its chunk.
struct RecordFields {
    let bytes: UnsafeBufferPointer<UInt8>
    let ends: UnsafeBufferPointer<Int32>
    let record: RecordEntry
    /// The layout's UIM field.
    let uimIndex: Int
    /// The layout's carried fields, borrowed for the chunk.
    let carriedIndices: UnsafeBufferPointer<Int>

    /// Field `index` of the record (empty when the row is short).
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index < Int(record.fieldCount) else { return UnsafeBufferPointer(start: bytes.baseAddress, count: 0) }
        let k = Int(record.firstField) + index
        let start = k == 0 ? 0 : Int(ends[k - 1])
        return UnsafeBufferPointer(rebasing: bytes[start..<Int(ends[k])])
    }

    var uim: UnsafeBufferPointer<UInt8> { field(uimIndex) }
    var carried: [UnsafeBufferPointer<UInt8>] { carriedIndices.map(field) }
}
