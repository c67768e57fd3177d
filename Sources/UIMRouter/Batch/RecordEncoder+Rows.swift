// The bytes of one output record: CSV/TSV rows straight from the RouteScratch, and JSON lines.

extension RecordEncoder {
    mutating func writeRow(line: Int, file: Int, uim: UnsafeBufferPointer<UInt8>, fields: RecordFields?,
                           outcome: RowOutcome, scratch: RouteScratch) {
        let status = outcome.status
        let matches = outcome.matches
        if let fields {
            for index in fields.layout.carried {
                Self.appendCell(fields.field(index), delimiter: delimiter, to: &out)
                out.append(delimiter)
            }
        }
        if let fileNames {
            Array(fileNames[file].utf8).withUnsafeBufferPointer {
                Self.appendCell($0, delimiter: delimiter, to: &out)
            }
            out.append(delimiter)
        }
        out.appendNumber(line)
        out.append(delimiter)
        // Routed, ambiguous and unrouted inputs passed the UTF-8 check; an invalid one may not have.
        if status != .invalid, isTSV {
            // The normalised UIM holds no tab, CR or LF (control characters make it invalid): only the white space
            // around it can, and a leading quote.
            let subject = scratch.subject
            if uim[0] != UInt8(ascii: "\""), Self.isPlain(uim, 0..<subject.lowerBound),
               Self.isPlain(uim, subject.upperBound..<uim.count) {
                out.append(uim)
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
        out.append(delimiter)
        switch status {
        case .routed:
            out.append("routed")
            let party = outcome.party
            out.append(delimiter)
            out.append(partyCodeCells[party])
            out.append(delimiter)
            out.append(partyNameCells[party])
            out.append(delimiter)
            writePatterns(matches)
            writeFields(matches[0], uim: uim, scratch: scratch)
        case .ambiguous:
            out.append("ambiguous")
            var parties: [Int] = []
            for match in matches {
                let party = patternParty[Int(match.pattern)]
                if !parties.contains(party) { parties.append(party) }
            }
            for table in [partyCodes, partyNames] {
                out.append(delimiter)
                cell.removeAll()
                for (k, party) in parties.enumerated() {
                    if k > 0 { cell.append(UInt8(ascii: "|")) }
                    cell.append(table[party])
                }
                Self.appendCell(cell.bytes, delimiter: delimiter, to: &out)
            }
            out.append(delimiter)
            writePatterns(matches)
            writeFields(matches[0], uim: uim, scratch: scratch)
        case .unrouted:
            out.append("unrouted")
            out.reserve(4)
            for _ in 0..<4 { out.put(delimiter) }
        case .invalid:
            out.append("invalid")
            out.reserve(4)
            for _ in 0..<4 { out.put(delimiter) }
        }
        out.append(delimiter)
        cell.removeAll()
        if let malformed = outcome.malformed {
            cell.append(Array(malformed.description.utf8))
        } else if status == .invalid {
            cell.append(Array((scratch.invalidReason ?? .empty).rawValue.utf8))
        } else {
            let rejected = scratch.rejected
            for (k, rejection) in rejected.enumerated() {
                if k > 0 { cell.append(UInt8(ascii: "|")) }
                cell.append(patternIDs[Int(rejection.pattern)])
                cell.append(UInt8(ascii: ":"))
                cell.append(Array(rejection.reason.rawValue.utf8))
            }
            if rejected.isEmpty, status == .unrouted { cell.append("no-pattern") }
        }
        Self.appendCell(cell.bytes, delimiter: delimiter, to: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// The matching patterns' ids joined with `|`, then a separator.
    private mutating func writePatterns(_ matches: Slice<ScratchBuffer<RouteScratch.MatchEntry>>) {
        if matches.count == 1 {
            Self.appendCell(patternIDs[Int(matches[0].pattern)], delimiter: delimiter, to: &out)
        } else {
            cell.removeAll()
            for (k, match) in matches.enumerated() {
                if k > 0 { cell.append(UInt8(ascii: "|")) }
                cell.append(patternIDs[Int(match.pattern)])
            }
            Self.appendCell(cell.bytes, delimiter: delimiter, to: &out)
        }
        out.append(delimiter)
    }

    /// `match`'s named groups as a JSON object (in TSV never needing quotes: JSON escapes tabs and line breaks).
    private mutating func writeFields(_ match: RouteScratch.MatchEntry, uim: UnsafeBufferPointer<UInt8>,
                                      scratch: RouteScratch) {
        if isTSV {
            Self.writeFieldsJSON(match, uim: uim, scratch: scratch, groupCount: fieldCount[Int(match.pattern)],
                                 keys: fieldKeys, keyStart: fieldKeyStart[Int(match.pattern)], to: &out)
        } else {
            cell.removeAll()
            Self.writeFieldsJSON(match, uim: uim, scratch: scratch, groupCount: fieldCount[Int(match.pattern)],
                                 keys: fieldKeys, keyStart: fieldKeyStart[Int(match.pattern)], to: &cell)
            Self.appendCell(cell.bytes, delimiter: delimiter, to: &out)
        }
    }

    private static func writeFieldsJSON(_ match: RouteScratch.MatchEntry, uim: UnsafeBufferPointer<UInt8>,
                                        scratch: RouteScratch, groupCount: Int, keys: ByteTable, keyStart first: Int,
                                        to writer: inout ByteWriter) {
        writer.append(UInt8(ascii: "{"))
        let base = scratch.subject.lowerBound
        let ranges = scratch.ranges
        var written = 0
        for k in 0..<groupCount {
            let start = Int(ranges[Int(match.fieldOffset) + 2 * k])
            let end = Int(ranges[Int(match.fieldOffset) + 2 * k + 1])
            guard start >= 0 else { continue }
            if written > 0 { writer.append(UInt8(ascii: ",")) }
            writer.append(keys[first + k])
            writer.appendJSONString(UnsafeBufferPointer(rebasing: uim[(base + start)..<(base + end)]))
            written += 1
        }
        writer.append(UInt8(ascii: "}"))
    }

    mutating func writeJSONLine(line: Int, file: Int, uim: UnsafeBufferPointer<UInt8>, fields: RecordFields?,
                                malformed: MalformedRow?, scratch: RouteScratch) {
        out.append("{\"line\":")
        out.appendNumber(line)
        out.append(UInt8(ascii: ","))
        if let fileNames {
            out.append("\"file\":")
            out.appendJSONString(fileNames[file])
            out.append(UInt8(ascii: ","))
        }
        if let malformed {
            out.append("\"uim\":")
            out.appendJSONString(String(decoding: uim, as: UTF8.self))
            out.append(",\"status\":\"invalid\",\"matches\":[],\"rejected\":[],\"error\":")
            out.appendJSONString(malformed.description)
        } else {
            json.bytes.removeAll(keepingCapacity: true)
            router.result(for: uim, in: scratch).writeJSON(to: &json)
            json.bytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0.dropFirst().dropLast())) }
        }
        if let fields, !fields.layout.names.isEmpty {
            out.append(",\"columns\":{")
            for (k, value) in fields.carried.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                out.appendJSONString(fields.layout.names[k])
                out.append(UInt8(ascii: ":"))
                if Normalizer.isValidUTF8(value) {
                    out.appendJSONString(value)
                } else {
                    out.appendJSONString(String(decoding: value, as: UTF8.self))
                }
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append("}\n")
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
            for byte in value where byte == delimiter || byte == 0x0A || byte == 0x0D || (!tsv && byte == quote) {
                needsQuotes = true
                break
            }
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
