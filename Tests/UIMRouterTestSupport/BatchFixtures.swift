// Inputs, a small routing registry and run helpers shared by the Batch (classify) tests.
import Foundation
import UIMRouter
import UIMRegistry
import UIMRouting
import UIMClassify

enum BatchFixtures {
    /// AA (unit codes, and an expired old format), BB (GS1 check digit), and the `X` codes both BB and CC claim.
    static let registry = TestRegistry.make([
        TestRegistry.pattern("AA-UNIT", "AA", "AA(?<serial>[0-9A-Z]{10})(?<product>[0-9]{4})"),
        TestRegistry.pattern("AA-OLD", "AA", "AO(?<serial>[0-9]{6})", until: "2020-12-31"),
        TestRegistry.pattern("BB-GTIN", "BB", "BB(?<payload>[0-9]{8})(?<check>[0-9])", check: .gs1Mod10),
        TestRegistry.pattern("BB-X", "BB", "X(?<serial>[0-9]{8})"),
        TestRegistry.pattern("CC-X", "CC", "X(?<lot>[0-9]{4})(?<serial>[0-9]{4})"),
    ])
    static let router = try! Router(registry: registry)
    static let day = Day(iso: "2026-06-01")!

    /// One input line of each kind, with the status it routes to.
    static let kinds: [(line: [UInt8], status: RouteStatus)] = [
        (Array("AA01234567AB1234".utf8), .routed),
        (Array("]d2AA01234567AB1234  ".utf8), .routed),
        (Array("BB123456784".utf8), .routed),
        (Array("BB123456785".utf8), .unrouted),   // check failed
        (Array("AO123456".utf8), .unrouted),      // expired
        (Array("X12345678".utf8), .ambiguous),
        (Array("ZZ".utf8), .unrouted),            // no pattern
        ([], .invalid),                           // empty
        ([0x41, 0xFF, 0x42], .invalid),           // not UTF-8
        (Array(repeating: UInt8(ascii: "A"), count: 600), .invalid),   // too long
    ]

    /// `count` lines cycling through ``kinds``, `\n`-separated (no final newline when `trailingNewline` is false).
    static func plainInput(count: Int, trailingNewline: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = []
        for k in 0..<count {
            bytes += kinds[k % kinds.count].line
            if k < count - 1 || trailingNewline { bytes.append(0x0A) }
        }
        return bytes
    }

    /// Writes `bytes` to a temporary file, runs `body` with a descriptor open on it, then removes it.
    static func withInput<T>(_ bytes: [UInt8], _ body: (Int32) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        precondition(descriptor >= 0)
        defer { close(descriptor) }
        return try body(descriptor)
    }

    /// Classifies `bytes` as one input and returns the output text and the outcome.
    static func classify(_ bytes: [UInt8], format: InputFormat = .plain, output: ClassificationFormat = .tsv,
                         jobs: Int = 2, chunkBytes: Int = 1024, column: ColumnSelector? = nil,
                         dateColumn: ColumnSelector? = nil,
                         cancellation: ClassificationCancellation = ClassificationCancellation(), hints: Bool = false,
                         hintStepBudget: Int = HintFinder.defaultStepBudget)
        throws -> (text: String, outcome: ClassificationOutcome) {
        var options = ClassifierOptions(jobs: jobs, date: day, format: output, column: column, dateColumn: dateColumn,
                                        toolVersion: "9.9.9-test", chunkBytes: chunkBytes)
        options.hints = hints
        options.hintStepBudget = hintStepBudget
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("batch-out-\(UUID().uuidString)")
        try Data().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let outcome = try withInput(bytes) { descriptor in
            let out = open(url.path, O_WRONLY | O_TRUNC)
            defer { close(out) }
            return Classifier(router: router, options: options).run(
                [ClassificationInput(name: "input", descriptor: descriptor, format: format)],
                to: out, cancellation: cancellation)
        }
        return (try String(contentsOf: url, encoding: .utf8), outcome)
    }

    /// The blank lines a delimited `text`'s reader skips and the physical lines it reads, to the end.
    static func readerCounts(_ text: String, delimiter: Character = ",", readBlock: Int = 1 << 16) throws
        -> (blankLines: Int, lines: Int) {
        try withInput(Array(text.utf8)) { descriptor in
            let source = ByteSource(descriptor: descriptor, stops: [], blockSize: readBlock)
            var reader = CSVReader(source: source, delimiter: delimiter.asciiValue!)
            _ = try reader.readHeader()
            while try reader.nextChunk(expectedFields: 0, targetBytes: 64) != nil {}
            return (reader.blankLines, reader.linesRead)
        }
    }

    /// Every record of a delimited `text`, read with `readBlock`-byte reads: (line, fields, malformed).
    static func records(_ text: String, delimiter: Character = ",", readBlock: Int = 1 << 16,
                        maximumRecordBytes: Int = 1 << 20) throws
        -> (header: [String], records: [(line: Int, fields: [String], malformed: MalformedRow?)]) {
        try withInput(Array(text.utf8)) { descriptor in
            let source = ByteSource(descriptor: descriptor, stops: [], blockSize: readBlock)
            var reader = CSVReader(source: source, delimiter: delimiter.asciiValue!, maximumRecordBytes: maximumRecordBytes)
            let header = try reader.readHeader() ?? []
            var out: [(Int, [String], MalformedRow?)] = []
            while let (bytes, ends, records) = try reader.nextChunk(expectedFields: header.count, targetBytes: 64) {
                for record in records {
                    var fields: [String] = []
                    for k in Int(record.firstField)..<Int(record.firstField + record.fieldCount) {
                        let start = k == 0 ? 0 : Int(ends[k - 1])
                        fields.append(String(decoding: bytes[start..<Int(ends[k])], as: UTF8.self))
                    }
                    out.append((record.line, fields, record.malformed))
                }
            }
            return (header, out)
        }
    }
}
