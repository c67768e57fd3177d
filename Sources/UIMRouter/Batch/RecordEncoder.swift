// Formats routed records on a worker thread. The CSV/TSV path reads the outcome straight from the RouteScratch
// and writes bytes, so the throughput-critical formats allocate nothing per record.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Routes and formats the records of chunks; one per worker thread.
struct RecordEncoder {
    let router: Router
    let format: ClassificationFormat
    let day: Day
    /// The inputs' names when there are several (then every record names its file).
    let fileNames: [String]?
    let delimiter: UInt8
    let patternIDs: [[UInt8]]
    let partyCodes: [[UInt8]]
    let partyNames: [[UInt8]]
    /// Per pattern, per named group: `"name":` ready to append.
    let fieldKeys: [[[UInt8]]]
    var json = JSONWriter()
    var cell: [UInt8] = []

    init(router: Router, format: ClassificationFormat, day: Day, fileNames: [String]?) {
        self.router = router
        self.format = format
        self.day = day
        self.fileNames = fileNames
        if case .csv = format { delimiter = UInt8(ascii: ",") } else { delimiter = UInt8(ascii: "\t") }
        patternIDs = router.registry.patterns.map { Array($0.id.utf8) }
        partyCodes = router.partyCodes.map { Array($0.utf8) }
        let names = Dictionary(router.registry.parties.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        partyNames = router.partyCodes.map { Array((names[$0] ?? "").utf8) }
        fieldKeys = router.patterns.map { pattern in
            pattern.fieldNames.map { name in
                var w = JSONWriter()
                w.key(name)
                return w.bytes
            }
        }
        cell.reserveCapacity(1024)
    }

    /// The output's first lines (CSV/TSV header row; nothing for JSON lines).
    func header(carriedNames: [String]) -> [UInt8] {
        switch format {
        case .jsonl: return []
        case .custom(let header, _): return Array(header(carriedNames).utf8)
        case .csv, .tsv:
            var out: [UInt8] = []
            let names = carriedNames + (fileNames == nil ? [] : ["file"]) + ClassificationFormat.columns
            for (k, name) in names.enumerated() {
                if k > 0 { out.append(delimiter) }
                appendCell(Array(name.utf8)[...], to: &out)
            }
            out.append(UInt8(ascii: "\n"))
            return out
        }
    }

    /// Routes and formats every record of `chunk`, in order.
    mutating func encode(_ chunk: RecordChunk, using scratch: RouteScratch) -> ChunkResult {
        var out: [UInt8] = []
        out.reserveCapacity(chunk.bytes.count * 6 + 4096)
        var tally = ClassificationTally(partyCount: router.partyCodes.count)
        var records = 0
        var lastLine = 0
        chunk.bytes.withUnsafeBufferPointer { bytes in
            if chunk.records.isEmpty {
                var start = 0
                var line = chunk.firstLine
                while start < bytes.count {
                    let found = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start)
                    let end = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(bytes.baseAddress!) } ?? bytes.count
                    let uim = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    encodeRecord(line: line, file: chunk.file, uim: uim, fields: nil, malformed: nil,
                                 scratch: scratch, tally: &tally, into: &out)
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
                                     malformed: record.malformed, scratch: scratch, tally: &tally, into: &out)
                        lastLine = record.line
                        records += 1
                    }
                }
            }
        }
        return ChunkResult(sequence: chunk.sequence, file: chunk.file, output: out, tally: tally, records: records,
                           lastLine: lastLine, consumed: chunk.consumed,
                           header: chunk.startsFile ? chunk.layout.names : nil)
    }

    private mutating func encodeRecord(line: Int, file: Int, uim: UnsafeBufferPointer<UInt8>, fields: RecordFields?,
                                       malformed: MalformedRow?, scratch: RouteScratch,
                                       tally: inout ClassificationTally, into out: inout [UInt8]) {
        if let malformed {
            tally.countMalformed(malformed)
        } else {
            router.decide(utf8: uim, on: day, using: scratch)
            tally.count(scratch, router: router)
        }
        switch format {
        case .csv, .tsv:
            writeRow(line: line, file: file, uim: uim, fields: fields, malformed: malformed, scratch: scratch, to: &out)
        case .jsonl:
            writeJSONLine(line: line, file: file, uim: uim, fields: fields, malformed: malformed, scratch: scratch,
                          to: &out)
        case .custom(_, let body):
            let result = malformed == nil ? router.result(for: uim, in: scratch)
                : RouteResult(uim: String(decoding: uim, as: UTF8.self), status: .invalid)
            let record = ClassifiedRecord(
                file: fileNames?[file], line: line, result: result,
                invalidReason: malformed?.description ?? result.error?.rawValue,
                carriedNames: fields?.layout.names ?? [],
                carried: fields?.carried.map { String(decoding: $0, as: UTF8.self) } ?? [])
            out.append(contentsOf: body(record).utf8)
        }
    }
}

/// The fields of one delimited record inside its chunk.
struct RecordFields {
    let bytes: UnsafeBufferPointer<UInt8>
    let ends: UnsafeBufferPointer<Int32>
    let record: RecordEntry
    let layout: ColumnLayout

    /// Field `index` of the record (empty when the row is short).
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index < Int(record.fieldCount) else { return UnsafeBufferPointer(rebasing: bytes[0..<0]) }
        let k = Int(record.firstField) + index
        let start = k == 0 ? 0 : Int(ends[k - 1])
        return UnsafeBufferPointer(rebasing: bytes[start..<Int(ends[k])])
    }

    var uim: UnsafeBufferPointer<UInt8> { field(layout.uim) }
    var carried: [UnsafeBufferPointer<UInt8>] { layout.carried.map(field) }
}
