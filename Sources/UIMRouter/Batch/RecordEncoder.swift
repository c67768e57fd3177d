// Routes and formats records on a worker thread. The CSV/TSV path reads the outcome straight from the RouteScratch
// and writes through a ByteWriter, so the throughput-critical formats allocate nothing per record.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Routes and formats the records of chunks; one per worker thread. Call ``release()`` when done.
struct RecordEncoder {
    let router: Router
    let format: ClassificationFormat
    let day: Day
    /// The inputs' names when there are several (then every record names its file).
    let fileNames: [String]?
    let delimiter: UInt8
    let isTSV: Bool
    let patternIDs: ByteTable
    let partyCodes: ByteTable
    let partyNames: ByteTable
    /// Party codes and names ready to be a cell (quoted when they need it).
    let partyCodeCells: ByteTable
    let partyNameCells: ByteTable
    /// Per pattern: the first index of its field keys (`"name":`) in `fieldKeys`, its number of named groups, and
    /// its Party's index.
    let fieldKeyStart: [Int]
    let fieldCount: [Int]
    let patternParty: [Int]
    let fieldKeys: ByteTable
    /// The output of the chunk being encoded; each chunk gets a fresh one, owned by its result.
    var out: ByteWriter
    /// The initial `out`, never handed over (so `release` can free it).
    let spare: ByteWriter
    var cell: ByteWriter
    var json = JSONWriter()

    init(router: Router, format: ClassificationFormat, day: Day, fileNames: [String]?) {
        self.router = router
        self.format = format
        self.day = day
        self.fileNames = fileNames
        if case .csv = format { delimiter = UInt8(ascii: ",") } else { delimiter = UInt8(ascii: "\t") }
        isTSV = delimiter == UInt8(ascii: "\t")
        patternIDs = ByteTable(router.registry.patterns.map { Array($0.id.utf8) })
        let codes = router.partyCodes.map { Array($0.utf8) }
        let names = Dictionary(router.registry.parties.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let nameBytes = router.partyCodes.map { Array((names[$0] ?? "").utf8) }
        partyCodes = ByteTable(codes)
        partyNames = ByteTable(nameBytes)
        var keys: [[UInt8]] = []
        var starts: [Int] = []
        for pattern in router.patterns {
            starts.append(keys.count)
            for name in pattern.fieldNames {
                var w = JSONWriter()
                w.key(name)
                keys.append(w.bytes)
            }
        }
        fieldKeyStart = starts
        fieldCount = router.patterns.map(\.fieldGroups.count)
        patternParty = router.patterns.map { Int($0.party) }
        fieldKeys = ByteTable(keys)
        out = ByteWriter(capacity: 64)
        spare = out
        cell = ByteWriter(capacity: 1024)
        let delimiter = self.delimiter
        func cellBytes(_ value: [UInt8]) -> [UInt8] {
            var writer = ByteWriter(capacity: value.count * 2 + 2)
            defer { writer.deallocate() }
            value.withUnsafeBufferPointer { Self.appendCell($0, delimiter: delimiter, to: &writer) }
            return writer.makeArray()
        }
        partyCodeCells = ByteTable(codes.map(cellBytes))
        partyNameCells = ByteTable(nameBytes.map(cellBytes))
    }

    /// Frees the tables and buffers (not the chunk outputs already handed over).
    func release() {
        for table in [patternIDs, partyCodes, partyNames, partyCodeCells, partyNameCells, fieldKeys] {
            table.deallocate()
        }
        cell.deallocate()
        spare.deallocate()
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
            for (k, name) in names.enumerated() {
                if k > 0 { writer.append(delimiter) }
                Array(name.utf8).withUnsafeBufferPointer { Self.appendCell($0, delimiter: delimiter, to: &writer) }
            }
            writer.append(UInt8(ascii: "\n"))
            return writer.makeArray()
        }
    }

    /// Routes and formats every record of `chunk`, in order.
    mutating func encode(_ chunk: RecordChunk, using scratch: RouteScratch) -> ChunkResult {
        out = ByteWriter(capacity: chunk.bytes.count * 6 + 4096)
        var tally = ClassificationTally(partyCount: router.partyCodes.count)
        var records = 0
        var lastLine = 0
        chunk.bytes.withUnsafeBufferPointer { bytes in
            if chunk.records.isEmpty {
                guard let base = bytes.baseAddress else { return }
                var start = 0
                var line = chunk.firstLine
                while start < bytes.count {
                    let found = memchr(base + start, 0x0A, bytes.count - start)
                    let end = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
                    let uim = UnsafeBufferPointer(start: base + start, count: end - start)
                    encodeRecord(line: line, file: chunk.file, uim: uim, fields: nil, malformed: nil,
                                 scratch: scratch, tally: &tally)
                    lastLine = line
                    line += 1
                    records += 1
                    start = end + 1
                }
            } else {
                chunk.fieldEnds.withUnsafeBufferPointer { ends in
                    for record in chunk.records {
                        let fields = RecordFields(bytes: bytes, ends: ends, record: record, layout: chunk.layout)
                        encodeRecord(line: record.line, file: chunk.file, uim: fields.uim, fields: fields,
                                     malformed: record.malformed, scratch: scratch, tally: &tally)
                        lastLine = record.line
                        records += 1
                    }
                }
            }
        }
        return ChunkResult(sequence: chunk.sequence, file: chunk.file, output: ChunkOutput(out), tally: tally,
                           records: records, lastLine: lastLine, consumed: chunk.consumed,
                           header: chunk.startsFile ? chunk.layout.names : nil)
    }

    private mutating func encodeRecord(line: Int, file: Int, uim: UnsafeBufferPointer<UInt8>, fields: RecordFields?,
                                       malformed: MalformedRow?, scratch: RouteScratch,
                                       tally: inout ClassificationTally) {
        var status = RouteStatus.invalid
        var matches = scratch.matches[0..<0]
        var party = 0
        if let malformed {
            tally.countMalformed(malformed)
        } else {
            status = router.decide(utf8: uim, on: day, using: scratch)
            if status == .routed || status == .ambiguous {
                matches = scratch.matches[...]
                party = patternParty[Int(matches[0].pattern)]
            }
            tally.count(status, routedParty: party, scratch: scratch, router: router)
        }
        switch format {
        case .csv, .tsv:
            let row = RowOutcome(status: status, matches: matches, party: party, malformed: malformed)
            writeRow(line: line, file: file, uim: uim, fields: fields, outcome: row, scratch: scratch)
        case .jsonl:
            writeJSONLine(line: line, file: file, uim: uim, fields: fields, malformed: malformed, scratch: scratch)
        case .custom(_, let body):
            let result = malformed == nil ? router.result(for: uim, in: scratch)
                : RouteResult(uim: String(decoding: uim, as: UTF8.self), status: .invalid)
            let record = ClassifiedRecord(
                file: fileNames?[file], line: line, result: result,
                invalidReason: malformed?.description ?? result.error?.rawValue,
                carriedNames: fields?.layout.names ?? [],
                carried: fields?.carried.map { String(decoding: $0, as: UTF8.self) } ?? [])
            out.append(Array(body(record).utf8))
        }
    }
}

/// What routing one record gave, read once from the scratch.
struct RowOutcome {
    var status: RouteStatus
    var matches: Slice<ScratchBuffer<RouteScratch.MatchEntry>>
    /// The first match's Party index.
    var party: Int
    var malformed: MalformedRow?
}

/// The fields of one delimited record inside its chunk.
struct RecordFields {
    let bytes: UnsafeBufferPointer<UInt8>
    let ends: UnsafeBufferPointer<Int32>
    let record: RecordEntry
    let layout: ColumnLayout

    /// Field `index` of the record (empty when the row is short).
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index < Int(record.fieldCount) else { return UnsafeBufferPointer(start: bytes.baseAddress, count: 0) }
        let k = Int(record.firstField) + index
        let start = k == 0 ? 0 : Int(ends[k - 1])
        return UnsafeBufferPointer(rebasing: bytes[start..<Int(ends[k])])
    }

    var uim: UnsafeBufferPointer<UInt8> { field(layout.uim) }
    var carried: [UnsafeBufferPointer<UInt8>] { layout.carried.map(field) }
}
