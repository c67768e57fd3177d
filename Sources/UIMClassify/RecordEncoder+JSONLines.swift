// The bytes of one JSON line: the contract's result object plus the line, the file and the carried columns.
import UIMRouting

extension RecordEncoder {
    mutating func writeJSONLine(line: Int, file: Int, uim: UnsafeBufferPointer<UInt8>, fields: RecordFields?,
                                malformed: MalformedRow?, router: Router, scratch: RouteScratch) {
        out.append("{\"line\":")
        lineText.set(line)
        out.append(lineText.text)
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
            var result = router.result(for: uim, in: scratch)
            if hintFinder != nil, result.status == .unrouted {
                result.hints = recordHints
                result.hintsCapped = recordHintsCapped
            }
            result.writeJSON(to: &json)
            json.bytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0.dropFirst().dropLast())) }
        }
        if let fields, !carriedNames.isEmpty {
            out.append(",\"columns\":{")
            for (k, index) in fields.carriedIndices.enumerated() {
                let value = fields.field(index)
                if k > 0 { out.append(UInt8(ascii: ",")) }
                out.appendJSONString(carriedNames[k])
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
}
