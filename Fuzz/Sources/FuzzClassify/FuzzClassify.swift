// Target 5, classify input: arbitrary bytes as a plain, CSV or TSV input. The classifier must complete and write
// exactly one output record per input record (as an independent reading of the contract counts them), each with
// its input line; the readers must cut the same records whatever the read-block size (every record boundary then
// falls across reads). Nothing may crash or leak.
import FuzzKit
@_spi(Fuzzing) import UIMRouter

let classifyRouter: Router = {
    do { return try Router(registry: try BundledRegistry.load()) } catch { fuzzFailure("bundled registry: \(error)") }
}()
let classifyDay = Day(iso: "2026-06-01")!

/// The records of a CSV/TSV output (header row included), by the reference reading.
func outputRecords(_ bytes: [UInt8], delimiter: UInt8) -> [ReferenceRecord] {
    ReferenceRecords.delimited(bytes, delimiter: delimiter)
}

/// The `"line":N` of each JSON line.
func jsonLines(_ bytes: [UInt8]) -> [Int?] {
    ReferenceRecords.plain(bytes).map { line in
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("{\"line\":") else { return nil }
        return Int(text.dropFirst(8).prefix { $0.isNumber })
    }
}

func fuzzClassify(_ data: UnsafeBufferPointer<UInt8>) {
    var input = FuzzInput(data)
    let inputFormat = input.pick([InputFormat.plain, .csv, .tsv])
    let outputFormat = input.pick([ClassificationFormat.jsonl, .csv, .tsv])
    let jobs = input.oneIn(4) ? 2 : 1
    let smallBlock = input.int(3...40)
    let bytes = input.rest()
    let content = ReferenceRecords.withoutBOM(bytes)

    // The reference reading: the records, and the line each starts on.
    let expectedLines: [Int]
    switch inputFormat {
    case .plain:
        expectedLines = Array(ReferenceRecords.plain(content).indices.map { $0 + 1 })
    case .csv, .tsv:
        let delimiter = inputFormat == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t")
        let records = ReferenceRecords.delimited(content, delimiter: delimiter)
        expectedLines = records.dropFirst().map(\.line)   // the first record is the header
    }

    // The readers, with production-size and with tiny read blocks, against each other and the reference.
    let file = MemoryFile(bytes)
    switch inputFormat {
    case .plain:
        guard let large = FuzzingReaders.plain(descriptor: file.descriptor, blockSize: 1 << 16, chunkBytes: 1024)
        else { fuzzFailure("plain reader failed") }
        file.rewind()
        guard let small = FuzzingReaders.plain(descriptor: file.descriptor, blockSize: smallBlock, chunkBytes: 1024)
        else { fuzzFailure("plain reader failed") }
        fuzzExpect(large.count == expectedLines.count,
                   "plain reader cut \(large.count) lines, the reference \(expectedLines.count)")
        fuzzExpect(small.count == large.count, "plain reader: \(small.count) lines with \(smallBlock)-byte reads, \(large.count) with 64 KiB")
        let reference = ReferenceRecords.plain(content)
        for (k, line) in large.enumerated() where k < reference.count && reference[k].count <= 512 {
            fuzzExpect(line.fields == [reference[k]], "plain line \(k + 1): read \(line), expected \(reference[k])")
            fuzzExpect(small[k] == line, "plain line \(k + 1): \(small[k]) with \(smallBlock)-byte reads, \(line) with 64 KiB")
        }
    case .csv, .tsv:
        let delimiter = inputFormat == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t")
        guard let large = FuzzingReaders.delimited(descriptor: file.descriptor, delimiter: delimiter,
                                                   blockSize: 1 << 16, chunkBytes: 1024, maximumRecordBytes: 1 << 20)
        else { fuzzFailure("delimited reader failed") }
        file.rewind()
        guard let small = FuzzingReaders.delimited(descriptor: file.descriptor, delimiter: delimiter,
                                                   blockSize: smallBlock, chunkBytes: 1024, maximumRecordBytes: 1 << 20)
        else { fuzzFailure("delimited reader failed") }
        fuzzExpect(large.header == small.header && large.records == small.records, """
            \(inputFormat) reader: records differ between \(smallBlock)-byte and 64 KiB reads
              small: \(small.header ?? []) \(small.records)
              large: \(large.header ?? []) \(large.records)
            """)
        fuzzExpect(large.records.map(\.line) == expectedLines,
                   "\(inputFormat) reader: record lines \(large.records.map(\.line)), reference \(expectedLines)")
    }

    // The whole classifier, end to end.
    file.rewind()
    let output = MemoryFile()
    let classifier = Classifier(router: classifyRouter,
                                // Column 1: arbitrary bytes rarely look like UIMs, and a refusal writes no record.
                                options: ClassifierOptions(jobs: jobs, date: classifyDay, format: outputFormat,
                                                           column: .number(1), chunkBytes: 1024))
    let outcome = classifier.run([ClassificationInput(name: "fuzz", descriptor: file.descriptor, format: inputFormat)],
                                 to: output.descriptor)
    if case .inputFailed(let error) = outcome.ending, error.code == ClassificationError.Code.columnNotFound || error.code == ClassificationError.Code.headerMismatch {
        fuzzFailure("classifier: \(error) for a single input with the default column")
    }
    fuzzExpect(outcome.isComplete, "classifier did not complete: \(outcome.ending)")
    fuzzExpect(outcome.summary.records == expectedLines.count,
               "summary counts \(outcome.summary.records) records, input has \(expectedLines.count)")
    let written = output.contents()
    switch outputFormat {
    case .jsonl:
        let lines = jsonLines(written)
        fuzzExpect(lines.count == expectedLines.count,
                   "\(lines.count) JSON lines for \(expectedLines.count) input records")
        fuzzExpect(lines == expectedLines.map { Optional($0) }, "JSON line numbers \(lines), expected \(expectedLines)")
    case .csv, .tsv:
        let delimiter = { if case .csv = outputFormat { UInt8(ascii: ",") } else { UInt8(ascii: "\t") } }()
        let rows = outputRecords(written, delimiter: delimiter)
        fuzzExpect(rows.count == expectedLines.count + 1,
                   "\(rows.count - 1) output rows (after the header) for \(expectedLines.count) input records")
        if let header = rows.first {
            fuzzExpect(rows.allSatisfy { $0.fieldCount == header.fieldCount },
                       "output rows with differing field counts: \(rows.map(\.fieldCount))")
        }
    case .custom:
        break
    }
}

/// libFuzzer's entry for one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzClassify(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run { testOneInput($0, $1) } }
}
