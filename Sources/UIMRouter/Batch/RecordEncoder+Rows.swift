// The bytes of one output record: CSV/TSV rows straight from the RouteScratch, and JSON lines.

extension RecordEncoder {
    mutating func writeRow(line: Int, file: Int, uim: UnsafeBufferPointer<UInt8>, fields: RecordFields?,
                           malformed: MalformedRow?, scratch: RouteScratch, to out: inout [UInt8]) {
        if let fields {
            for index in fields.layout.carried {
                appendCell(fields.field(index), to: &out)
                out.append(delimiter)
            }
        }
        if let fileNames {
            appendCell(Array(fileNames[file].utf8)[...], to: &out)
            out.append(delimiter)
        }
        Self.appendNumber(line, to: &out)
        out.append(delimiter)
        if Normalizer.isValidUTF8(uim) {
            appendCell(uim, to: &out)
        } else {
            appendCell(Array(String(decoding: uim, as: UTF8.self).utf8)[...], to: &out)
        }
        out.append(delimiter)
        let status: RouteStatus = malformed == nil ? scratch.status : .invalid
        out.append(contentsOf: status.rawValue.utf8)
        out.append(delimiter)
        switch status {
        case .routed, .ambiguous:
            var parties: [Int32] = []
            for match in scratch.matches {
                let party = router.patterns[Int(match.pattern)].party
                if !parties.contains(party) { parties.append(party) }
            }
            cell.removeAll(keepingCapacity: true)
            for (k, party) in parties.enumerated() {
                if k > 0 { cell.append(UInt8(ascii: "|")) }
                cell.append(contentsOf: partyCodes[Int(party)])
            }
            appendCell(cell[...], to: &out)
            out.append(delimiter)
            cell.removeAll(keepingCapacity: true)
            for (k, party) in parties.enumerated() {
                if k > 0 { cell.append(UInt8(ascii: "|")) }
                cell.append(contentsOf: partyNames[Int(party)])
            }
            appendCell(cell[...], to: &out)
            out.append(delimiter)
            cell.removeAll(keepingCapacity: true)
            for (k, match) in scratch.matches.enumerated() {
                if k > 0 { cell.append(UInt8(ascii: "|")) }
                cell.append(contentsOf: patternIDs[Int(match.pattern)])
            }
            appendCell(cell[...], to: &out)
            out.append(delimiter)
            writeFieldsJSON(uim: uim, scratch: scratch)
            appendCell(cell[...], to: &out)
            out.append(delimiter)
        case .unrouted, .invalid:
            out.append(delimiter)
            out.append(delimiter)
            out.append(delimiter)
            out.append(delimiter)
        }
        cell.removeAll(keepingCapacity: true)
        if let malformed {
            cell.append(contentsOf: malformed.description.utf8)
        } else if status == .invalid {
            cell.append(contentsOf: (scratch.invalidReason ?? .empty).rawValue.utf8)
        } else if !scratch.rejected.isEmpty {
            for (k, rejection) in scratch.rejected.enumerated() {
                if k > 0 { cell.append(UInt8(ascii: "|")) }
                cell.append(contentsOf: patternIDs[Int(rejection.pattern)])
                cell.append(UInt8(ascii: ":"))
                cell.append(contentsOf: rejection.reason.rawValue.utf8)
            }
        } else if status == .unrouted {
            cell.append(contentsOf: "no-pattern".utf8)
        }
        appendCell(cell[...], to: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// The first match's named groups as a JSON object, into `cell`.
    private mutating func writeFieldsJSON(uim: UnsafeBufferPointer<UInt8>, scratch: RouteScratch) {
        cell.removeAll(keepingCapacity: true)
        cell.append(UInt8(ascii: "{"))
        let first = scratch.matches[0]
        let keys = fieldKeys[Int(first.pattern)]
        let base = scratch.subject.lowerBound
        var written = 0
        for (k, key) in keys.enumerated() {
            let start = Int(scratch.ranges[Int(first.fieldOffset) + 2 * k])
            let end = Int(scratch.ranges[Int(first.fieldOffset) + 2 * k + 1])
            guard start >= 0 else { continue }
            if written > 0 { cell.append(UInt8(ascii: ",")) }
            cell.append(contentsOf: key)
            Self.appendJSONString(UnsafeBufferPointer(rebasing: uim[(base + start)..<(base + end)]), to: &cell)
            written += 1
        }
        cell.append(UInt8(ascii: "}"))
    }

    mutating func writeJSONLine(line: Int, file: Int, uim: UnsafeBufferPointer<UInt8>, fields: RecordFields?,
                                malformed: MalformedRow?, scratch: RouteScratch, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"line\":".utf8)
        Self.appendNumber(line, to: &out)
        out.append(UInt8(ascii: ","))
        if let fileNames {
            out.append(contentsOf: "\"file\":".utf8)
            Self.appendJSONString(Array(fileNames[file].utf8), to: &out)
            out.append(UInt8(ascii: ","))
        }
        if let malformed {
            out.append(contentsOf: "\"uim\":".utf8)
            Self.appendJSONString(Array(String(decoding: uim, as: UTF8.self).utf8), to: &out)
            out.append(contentsOf: ",\"status\":\"invalid\",\"matches\":[],\"rejected\":[],\"error\":".utf8)
            Self.appendJSONString(Array(malformed.description.utf8), to: &out)
        } else {
            json.bytes.removeAll(keepingCapacity: true)
            router.result(for: uim, in: scratch).writeJSON(to: &json)
            out.append(contentsOf: json.bytes[1..<(json.bytes.count - 1)])   // the object without its braces
        }
        if let fields, !fields.layout.names.isEmpty {
            out.append(contentsOf: ",\"columns\":{".utf8)
            for (k, value) in fields.carried.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                Self.appendJSONString(Array(fields.layout.names[k].utf8), to: &out)
                out.append(UInt8(ascii: ":"))
                Self.appendJSONString(Normalizer.isValidUTF8(value) ? Array(value)
                    : Array(String(decoding: value, as: UTF8.self).utf8), to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "}\n".utf8)
    }

    /// Appends a CSV/TSV value, quoted (with doubled quotes) when it holds the separator, a quote (CSV; TSV only
    /// at its start), a CR or a LF.
    func appendCell(_ value: ArraySlice<UInt8>, to out: inout [UInt8]) {
        value.withUnsafeBufferPointer { appendCell($0, to: &out) }
    }

    func appendCell(_ value: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        var needsQuotes = delimiter == UInt8(ascii: "\t") && value.first == quote
        if !needsQuotes {
            let quoteMatters = delimiter != UInt8(ascii: "\t")
            for byte in value where byte == delimiter || byte == 0x0A || byte == 0x0D || (quoteMatters && byte == quote) {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            out.append(contentsOf: value)
            return
        }
        out.append(quote)
        for byte in value {
            if byte == quote { out.append(quote) }
            out.append(byte)
        }
        out.append(quote)
    }

    static func appendNumber(_ value: Int, to out: inout [UInt8]) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            appendNumber(-value, to: &out)
            return
        }
        let start = out.count
        var rest = value
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        out[start...].reverse()
    }

    /// Appends a JSON string literal of UTF-8 `bytes` (escaping quote, backslash and control characters).
    static func appendJSONString<Bytes: Collection<UInt8>>(_ bytes: Bytes, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
