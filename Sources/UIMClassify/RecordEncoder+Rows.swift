// The bytes of one CSV/TSV row, straight from the RouteScratch and the prepared RowCells.
import UIMRouting

extension RecordEncoder {
    mutating func writeRow(line: Int, file: Int, uim: UnsafeBufferPointer<UInt8>, fields: RecordFields?,
                           status: RouteStatus, malformed: MalformedRow?, scratch: RouteScratch) {
        let delimiter = cells.delimiter
        if let fields {
            for index in fields.carriedIndices {
                Self.appendCell(fields.field(index), delimiter: delimiter, to: &out)
                out.append(delimiter)
            }
        }
        // Room for everything up to the fields cell; within it nothing grows the buffer, so `put` is safe.
        out.reserve(cells.headBound + 6 * uim.count + 2)
        if fileNames != nil {
            out.put(cells.fileNameCells[file])
            out.put(delimiter)
        }
        lineText.set(line)
        out.put(lineText.text)
        out.put(delimiter)
        writeUIM(uim, status: status, scratch: scratch)
        out.put(delimiter)
        out.put(cells.statuses[status.tallyIndex])
        switch status {
        case .routed:
            let first = scratch.matches[0]
            let party = cells.patternParty[Int(first.pattern)]
            out.put(delimiter)
            out.put(cells.partyCodeCells[party])
            out.put(delimiter)
            out.put(cells.partyNameCells[party])
            out.put(delimiter)
            writePatterns(scratch)
            writeFields(first, uim: uim, scratch: scratch)
        case .ambiguous:
            // `count` listed the Parties in `partyList`.
            out.put(delimiter)
            writePartyList(cells.partyCodes, plain: cells.partyCodesJoinPlain)
            out.put(delimiter)
            writePartyList(cells.partyNames, plain: cells.partyNamesJoinPlain)
            out.put(delimiter)
            writePatterns(scratch)
            writeFields(scratch.matches[0], uim: uim, scratch: scratch)
        case .unrouted, .invalid:
            for _ in 0..<4 { out.put(delimiter) }
        }
        out.reserve(cells.tailBound)
        out.put(delimiter)
        if let malformed {
            out.put(cells.invalidReasonCells[InvalidReason.allCases.count + malformed.tallyIndex])
        } else if status == .invalid {
            out.put(cells.invalidReasonCells[(scratch.invalidReason ?? .empty).tallyIndex])
        } else {
            writeRejections(scratch, status: status)
        }
        if hintFinder != nil {
            writeHintsCell(status: status)
            out.append(UInt8(ascii: "\n"))
        } else {
            out.put(UInt8(ascii: "\n"))
        }
    }

    /// The last cell with hints (``ClassificationFormat/hintsColumn``), led by its separator: each hint of an
    /// unrouted record as `repair:UIM->PARTY` (ambiguous: the Parties joined with `|`), joined with `;`.
    @inline(never)
    private mutating func writeHintsCell(status: RouteStatus) {
        let delimiter = cells.delimiter
        out.append(delimiter)
        guard status == .unrouted, !recordHints.isEmpty else { return }
        var text = ""
        for (k, hint) in recordHints.enumerated() {
            if k > 0 { text += ";" }
            text += hint.repair.rawValue + ":" + hint.uim + "->" + hint.parties.joined(separator: "|")
        }
        Array(text.utf8).withUnsafeBufferPointer { Self.appendCell($0, delimiter: delimiter, to: &out) }
    }

    /// The `uim` cell: the input as read (an invalid one made valid UTF-8 first).
    @inline(__always)
    private mutating func writeUIM(_ uim: UnsafeBufferPointer<UInt8>, status: RouteStatus, scratch: RouteScratch) {
        let delimiter = cells.delimiter
        // Routed, ambiguous and unrouted inputs passed the UTF-8 check; an invalid one may not have.
        if status != .invalid, cells.isTSV {
            // The normalised UIM holds no tab, CR or LF (control characters make it invalid): only the white space
            // around it can, and a leading quote.
            let subject = scratch.subject
            if uim[0] != UInt8(ascii: "\""), Self.isPlain(uim, 0..<subject.lowerBound),
               Self.isPlain(uim, subject.upperBound..<uim.count) {
                out.put(uim)
            } else {
                Self.appendCell(uim, delimiter: delimiter, to: &out)
            }
        } else if status != .invalid || Normalizer.isValidUTF8(uim) {
            Self.appendCell(uim, delimiter: delimiter, to: &out)
        } else {
            Array(String(decoding: uim, as: UTF8.self).utf8).withUnsafeBufferPointer {
                Self.appendCell($0, delimiter: delimiter, to: &out)
            }
        }
    }

    /// `table`'s entries for the Parties in `partyList`, joined with `|`, as one cell.
    private mutating func writePartyList(_ table: ByteTable, plain: Bool) {
        if plain {
            for k in 0..<partyListCount {
                if k > 0 { out.put(UInt8(ascii: "|")) }
                out.put(table[partyList[k]])
            }
        } else {
            cell.removeAll()
            for k in 0..<partyListCount {
                if k > 0 { cell.append(UInt8(ascii: "|")) }
                cell.append(table[partyList[k]])
            }
            Self.appendCell(cell.bytes, delimiter: cells.delimiter, to: &out)
        }
    }

    /// The matching patterns' ids joined with `|`, then a separator.
    private mutating func writePatterns(_ scratch: RouteScratch) {
        let matches = scratch.matches
        if matches.count == 1 {
            out.put(cells.patternIDCells[Int(matches[0].pattern)])
        } else if cells.patternsJoinPlain {
            for (k, match) in matches.enumerated() {
                if k > 0 { out.put(UInt8(ascii: "|")) }
                out.put(cells.patternIDs[Int(match.pattern)])
            }
        } else {
            cell.removeAll()
            for (k, match) in matches.enumerated() {
                if k > 0 { cell.append(UInt8(ascii: "|")) }
                cell.append(cells.patternIDs[Int(match.pattern)])
            }
            Self.appendCell(cell.bytes, delimiter: cells.delimiter, to: &out)
        }
        out.put(cells.delimiter)
    }

    private static let noPattern: StaticString = "no-pattern"

    /// The set-aside patterns as `PATTERN:reason` joined with `|`, or `no-pattern` when nothing matched at all.
    private mutating func writeRejections(_ scratch: RouteScratch, status: RouteStatus) {
        let rejected = scratch.rejected
        if rejected.isEmpty {
            if status == .unrouted { Self.noPattern.withUTF8Buffer { out.put($0) } }
            return
        }
        let plain = cells.reasonsJoinPlain
        if !plain { cell.removeAll() }
        for (k, rejection) in rejected.enumerated() {
            if plain {
                if k > 0 { out.put(UInt8(ascii: "|")) }
                out.put(cells.patternIDs[Int(rejection.pattern)])
                out.put(UInt8(ascii: ":"))
                out.put(cells.rejectionReasons[rejection.reason.tallyIndex])
            } else {
                if k > 0 { cell.append(UInt8(ascii: "|")) }
                cell.append(cells.patternIDs[Int(rejection.pattern)])
                cell.append(UInt8(ascii: ":"))
                cell.append(cells.rejectionReasons[rejection.reason.tallyIndex])
            }
        }
        if !plain { Self.appendCell(cell.bytes, delimiter: cells.delimiter, to: &out) }
    }

    /// `match`'s named groups as a JSON object (in TSV never needing quotes: JSON escapes tabs and line breaks).
    private mutating func writeFields(_ match: RouteScratch.MatchEntry, uim: UnsafeBufferPointer<UInt8>,
                                      scratch: RouteScratch) {
        if cells.isTSV {
            Self.writeFieldsJSON(match, uim: uim, scratch: scratch, cells: cells, to: &out)
        } else {
            cell.removeAll()
            Self.writeFieldsJSON(match, uim: uim, scratch: scratch, cells: cells, to: &cell)
            Self.appendCell(cell.bytes, delimiter: cells.delimiter, to: &out)
        }
    }

    private static func writeFieldsJSON(_ match: RouteScratch.MatchEntry, uim: UnsafeBufferPointer<UInt8>,
                                        scratch: RouteScratch, cells: RowCells, to writer: inout ByteWriter) {
        let pattern = Int(match.pattern)
        let first = cells.fieldKeyStart[pattern]
        let subject = UnsafeBufferPointer(rebasing: uim[scratch.subject])
        // The fields lie inside the subject: when it needs no escape, none of them does.
        let plain = !ByteWriter.needsJSONEscapes(subject)
        writer.append(UInt8(ascii: "{"))
        scratch.ranges.withUnsafeBufferPointer { ranges in
            let offset = Int(match.fieldOffset)
            var written = false
            for k in 0..<cells.fieldCount[pattern] {
                let start = Int(ranges[offset + 2 * k])
                let end = Int(ranges[offset + 2 * k + 1])
                guard start >= 0 else { continue }
                let key = written ? cells.commaFieldKeys[first + k] : cells.fieldKeys[first + k]
                let value = UnsafeBufferPointer(rebasing: subject[start..<end])
                if plain {
                    writer.reserve(key.count + value.count + 2)
                    writer.put(key)
                    writer.appendJSONStringNeedingNoEscapes(value)
                } else {
                    writer.append(key)
                    writer.appendJSONString(value)
                }
                written = true
            }
        }
        writer.append(UInt8(ascii: "}"))
    }

    /// True when `range` of `bytes` holds no tab, CR or LF.
    @inline(__always)
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for index in range where bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { return false }
        return true
    }

    /// Appends a CSV/TSV value, quoted (with doubled quotes) when it holds the separator, a CR or a LF, or a quote
    /// (CSV: anywhere; TSV: at its start).
    static func appendCell(_ value: UnsafeBufferPointer<UInt8>, delimiter: UInt8, to out: inout ByteWriter) {
        let quote = UInt8(ascii: "\"")
        let tsv = delimiter == UInt8(ascii: "\t")
        var needsQuotes = tsv && value.first == quote
        if !needsQuotes {
            var special: UInt8 = 0
            for byte in value {
                special |= byte == delimiter || byte == 0x0A || byte == 0x0D || (!tsv && byte == quote) ? 1 : 0
            }
            needsQuotes = special != 0
        }
        guard needsQuotes else {
            out.append(value)
            return
        }
        out.reserve(value.count * 2 + 2)
        out.put(quote)
        for byte in value {
            if byte == quote { out.put(quote) }
            out.put(byte)
        }
        out.put(quote)
    }
}
