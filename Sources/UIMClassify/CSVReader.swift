// An RFC 4180 reader for CSV and TSV exports: quoted fields may hold separators, doubled quotes and line breaks.
// Every physical problem becomes a malformed record in its place, never a skipped or merged one.

/// Reads the records of one delimited input (CSV or TSV) into chunk buffers.
///
/// Fields are unquoted as they are read (`"a ""b"""` → `a "b"`), a CR before a line feed (or ending the input)
/// belongs to the line end, and a quote inside an unquoted field is kept literally (as spreadsheets write `12" pack`).
/// A blank line (nothing before its line end) is no record: it is skipped and counted in ``blankLines``. A quoted
/// field that is never closed does not swallow the rest of the file: its record is reported malformed as the single line it starts on,
/// and reading resumes on the next line. Memory stays bounded by `maximumRecordBytes`.
package struct CSVReader {
    private let source: ByteSource
    private let delimiter: UInt8
    private let maximumRecordBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var skipping = false
    /// The physical line at `position` (1-based).
    private(set) var line = 1
    /// Blank lines skipped so far (before the header too).
    package private(set) var blankLines = 0

    /// The physical lines read so far: every line end, plus a last line without one.
    package var linesRead: Int { line - 1 + (source.endsInsideLine ? 1 : 0) }

    package init(source: ByteSource, delimiter: UInt8, maximumRecordBytes: Int = 1 << 20) {
        self.source = source
        self.delimiter = delimiter
        self.maximumRecordBytes = max(maximumRecordBytes, 64)
        buffer.reserveCapacity(1 << 17)
    }

    /// The header row's fields, or nil for an empty input.
    package mutating func readHeader() throws(ReadStop) -> [String]? {
        var bytes: [UInt8] = []
        var ends: [Int32] = []
        guard let entry = try nextRecord(expectedFields: 0, into: &bytes, fieldEnds: &ends) else { return nil }
        var start = 0
        return (0..<Int(entry.fieldCount)).map { k in
            let end = Int(ends[k])
            defer { start = end }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }

    /// Reads records until about `targetBytes` of field text are collected; nil at the end of the input.
    package mutating func nextChunk(expectedFields: Int, targetBytes: Int)
        throws(ReadStop) -> (bytes: [UInt8], fieldEnds: [Int32], records: [RecordEntry])? {
        var bytes: [UInt8] = []
        var ends: [Int32] = []
        var records: [RecordEntry] = []
        bytes.reserveCapacity(targetBytes + 4096)
        while bytes.count < targetBytes, records.count < 65_536 {
            guard let entry = try nextRecord(expectedFields: expectedFields, into: &bytes, fieldEnds: &ends) else { break }
            records.append(entry)
        }
        return records.isEmpty ? nil : (bytes, ends, records)
    }

    /// Reads one record, appending its fields. `expectedFields` 0 accepts any count.
    mutating func nextRecord(expectedFields: Int, into bytes: inout [UInt8], fieldEnds ends: inout [Int32])
        throws(ReadStop) -> RecordEntry? {
        while true {
            if position == buffer.count {
                if source.atEOF { return nil }
                try fill()
                continue
            }
            if skipping {
                if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
                    position = newline + 1
                    skipping = false
                } else {
                    position = buffer.count
                }
                continue
            }
            let savedBytes = bytes.count
            let savedEnds = ends.count
            let eof = source.atEOF
            let outcome = buffer.withUnsafeBufferPointer { input in
                Self.parse(input, from: position, eof: eof, delimiter: delimiter, into: &bytes, fieldEnds: &ends)
            }
            switch outcome {
            case .record(let end, let newlines, var malformed, let fields):
                if fields == 1, bytes.count == savedBytes, buffer[position] != UInt8(ascii: "\"") {
                    // A blank line (`""` alone is an empty field, not a blank line): no record, counted apart.
                    ends.removeSubrange(savedEnds...)
                    position = end
                    line += newlines
                    blankLines += 1
                    continue
                }
                if malformed == nil, expectedFields > 0, fields != expectedFields {
                    malformed = .fieldCount
                }
                let entry = RecordEntry(line: line, firstField: Int32(savedEnds), fieldCount: Int32(fields),
                                        malformed: malformed)
                position = end
                line += newlines
                return entry
            case .needMore:
                bytes.removeSubrange(savedBytes...)
                ends.removeSubrange(savedEnds...)
                if buffer.count - position >= maximumRecordBytes {
                    return takeFirstLine(as: .tooLong, into: &bytes, fieldEnds: &ends)
                }
                try fill()
            case .unterminated:
                bytes.removeSubrange(savedBytes...)
                ends.removeSubrange(savedEnds...)
                return takeFirstLine(as: .unterminatedQuote, into: &bytes, fieldEnds: &ends)
            }
        }
    }

    /// Drops consumed bytes and reads one more block.
    private mutating func fill() throws(ReadStop) {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        _ = try source.read(appendingTo: &buffer)
    }

    /// Reports the record starting at `position` as malformed, covering only its first physical line, whose
    /// fields are split on the separator without quote rules; reading goes on with the next line.
    private mutating func takeFirstLine(as reason: MalformedRow, into bytes: inout [UInt8],
                                        fieldEnds ends: inout [Int32]) -> RecordEntry {
        var end: Int
        if let newline = buffer[position...].firstIndex(of: UInt8(ascii: "\n")) {
            end = newline
        } else if source.atEOF {
            end = buffer.count
        } else {
            end = min(buffer.count, position + maximumRecordBytes)
            skipping = true
        }
        let next = end < buffer.count && buffer[end] == UInt8(ascii: "\n") ? end + 1 : end
        if end > position, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let firstField = Int32(ends.count)
        var fields: Int32 = 1
        for byte in buffer[position..<end] {
            if byte == delimiter {
                ends.append(Int32(bytes.count))
                fields += 1
            } else {
                bytes.append(byte)
            }
        }
        ends.append(Int32(bytes.count))
        let entry = RecordEntry(line: line, firstField: firstField, fieldCount: fields, malformed: reason)
        position = next
        line += 1
        return entry
    }
}
