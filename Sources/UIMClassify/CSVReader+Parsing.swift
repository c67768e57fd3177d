// The RFC 4180 state machine of CSVReader: one record from a byte buffer, with the fields unquoted into a chunk.

extension CSVReader {
    enum ParseOutcome {
        /// A whole record: it ends before `end`, spans `newlines` line breaks, and has `fields` fields.
        case record(end: Int, newlines: Int, malformed: MalformedRow?, fields: Int)
        /// The buffer ends inside the record and more input may follow.
        case needMore
        /// The input ends inside a quoted field.
        case unterminated
    }

    /// Parses the record at `start` of `input`, appending its unquoted fields to `out` and their ends to `ends`.
    /// On `needMore` and `unterminated` the caller discards what was appended.
    static func parse(_ input: UnsafeBufferPointer<UInt8>, from start: Int, eof: Bool, delimiter: UInt8,
                      into out: inout [UInt8], fieldEnds ends: inout [Int32]) -> ParseOutcome {
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriage = UInt8(ascii: "\r")
        let count = input.count
        var i = start
        var newlines = 0
        var fields = 0
        var malformed: MalformedRow?
        while true {
            let fieldStart = out.count
            var unquotedFrom = i
            if i < count, input[i] == quote {
                i += 1
                while true {
                    var q = i
                    while q < count, input[q] != quote { q += 1 }
                    if q == count { return eof ? .unterminated : .needMore }
                    for byte in input[i..<q] {
                        if byte == newline { newlines += 1 }
                        out.append(byte)
                    }
                    if q + 1 == count && !eof { return .needMore }
                    if q + 1 < count, input[q + 1] == quote {
                        out.append(quote)
                        i = q + 2
                        continue
                    }
                    i = q + 1
                    break
                }
                // After the closing quote: a separator, a line end (LF or CRLF), or the end of the input.
                if i < count, input[i] == carriage {
                    if i + 1 == count && !eof { return .needMore }
                    if i + 1 == count || input[i + 1] == newline { i += 1 }   // CRLF, or a CR ending the input
                }
                unquotedFrom = i
                if i < count, input[i] != delimiter, input[i] != newline {
                    malformed = malformed ?? .textAfterQuote
                } else {
                    unquotedFrom = count   // nothing more to scan for this field
                }
            }
            if unquotedFrom < count {
                i = unquotedFrom
                while i < count {
                    let byte = input[i]
                    if byte == delimiter || byte == newline { break }
                    out.append(byte)
                    i += 1
                }
                // A CR before the line end (or ending the input) belongs to the line end, not to the field.
                if i < count ? input[i] == newline : eof, out.count > fieldStart, out[out.count - 1] == carriage {
                    out.removeLast()
                }
            }
            ends.append(Int32(truncatingIfNeeded: out.count))
            fields += 1
            if i >= count {
                return eof ? .record(end: count, newlines: newlines, malformed: malformed, fields: fields) : .needMore
            }
            if input[i] == delimiter {
                i += 1
                continue
            }
            return .record(end: i + 1, newlines: newlines + 1, malformed: malformed, fields: fields)
        }
    }
}
