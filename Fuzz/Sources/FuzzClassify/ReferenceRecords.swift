// An independent, whole-input reading of what counts as one input record, written from the documented contract
// (RFC 4180 quoting; a quoted field never closed makes its record just the physical line it starts on; a leading
// UTF-8 byte-order mark is not data; a blank line — nothing, or a lone CR, before its line end — is no record).
// The classifier must write exactly one output record per record found here.

/// One record: the line it starts on and how many fields it has.
struct ReferenceRecord: Equatable {
    var line: Int
    var fieldCount: Int
}

enum ReferenceRecords {
    static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")

    /// `bytes` without a leading byte-order mark.
    static func withoutBOM(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    /// Plain input: one record per `\n`-terminated line; a last line without `\n` counts, an empty input has none.
    /// A CR before the `\n` (or ending the input) is part of the line end, not of the line.
    static func plain(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines = bytes.split(separator: newline, omittingEmptySubsequences: false).map(Array.init)
        if bytes.last == newline || bytes.isEmpty { lines.removeLast() }
        return lines.map { $0.last == carriage ? Array($0.dropLast()) : $0 }
    }

    /// Delimited input: every record, the header included.
    static func delimited(_ b: [UInt8], delimiter: UInt8) -> [ReferenceRecord] {
        var records: [ReferenceRecord] = []
        var i = 0
        var line = 1
        let n = b.count
        func skipUnquoted() { while i < n, b[i] != delimiter, b[i] != newline { i += 1 } }
        while i < n {
            if b[i] == newline || (b[i] == carriage && (i + 1 == n || b[i + 1] == newline)) {
                i += b[i] == carriage && i + 1 < n ? 2 : 1   // a blank line: skipped, counted apart
                line += 1
                continue
            }
            let start = i
            var fields = 0
            var newlines = 0
            var unterminated = false
            fieldLoop: while true {
                if i < n, b[i] == quote {
                    var j = i + 1
                    var closed = false
                    while j < n {
                        if b[j] == quote {
                            if j + 1 < n, b[j + 1] == quote { j += 2; continue }
                            closed = true
                            break
                        }
                        if b[j] == newline { newlines += 1 }
                        j += 1
                    }
                    guard closed else { unterminated = true; break fieldLoop }
                    i = j + 1
                    if i + 1 < n, b[i] == carriage, b[i + 1] == newline { i += 1 }
                    skipUnquoted()   // text after the closing quote stays in the field (the row is malformed)
                } else {
                    skipUnquoted()
                }
                fields += 1
                if i >= n { break }
                if b[i] == delimiter { i += 1; continue }
                i += 1   // the newline
                newlines += 1
                break
            }
            if unterminated {
                let end = b[start...].firstIndex(of: newline) ?? n
                records.append(ReferenceRecord(line: line, fieldCount: 1 + b[start..<end].filter { $0 == delimiter }.count))
                i = end < n ? end + 1 : n
                line += 1
                continue
            }
            records.append(ReferenceRecord(line: line, fieldCount: fields))
            line += newlines
        }
        return records
    }
}
