// `explain --format json`: one object per UIM (documented in README, "Why a UIM did not route").
import UIMRegistry

extension Explanation {
    /// Writes the explanation as one JSON object:
    /// `{"input","normalised","stripped","date","result","nearest","checks","dates","hints","hints_capped"}`;
    /// `result` is exactly the contract's object that `route --format json` prints.
    package func writeJSON(to writer: inout JSONWriter) {
        writer.raw("{\"input\":")
        writer.string(input)
        writer.raw(",\"normalised\":")
        if let normalised { writer.string(normalised) } else { writer.raw("null") }
        writer.raw(",\"stripped\":[")
        for (k, part) in stripped.enumerated() {
            if k > 0 { writer.raw(",") }
            writer.string(part)
        }
        writer.raw("],\"date\":")
        writer.string(date.description)
        writer.raw(",\"result\":")
        result.writeJSON(to: &writer)
        writer.raw(",\"nearest\":[")
        for (k, miss) in nearest.enumerated() {
            if k > 0 { writer.raw(",") }
            writer.raw("{\"party\":")
            writer.string(miss.party)
            writer.raw(",\"pattern\":")
            writer.string(miss.pattern)
            writer.raw(",\"reached\":")
            if let reached = miss.reached { writer.number(reached) } else { writer.raw("null") }
            writer.raw(",\"expected\":[")
            for (j, text) in miss.expected.enumerated() {
                if j > 0 { writer.raw(",") }
                writer.string(text)
            }
            writer.raw("],\"found\":")
            if let found = miss.found { writer.string(found) } else { writer.raw("null") }
            writer.raw(",\"lengths\":")
            writer.string(miss.lengths)
            writer.raw("}")
        }
        writer.raw("],\"checks\":[")
        for (k, miss) in checks.enumerated() {
            if k > 0 { writer.raw(",") }
            writer.raw("{\"party\":")
            writer.string(miss.party)
            writer.raw(",\"pattern\":")
            writer.string(miss.pattern)
            writer.raw(",\"algorithm\":")
            writer.string(miss.algorithm.rawValue)
            writer.raw(",\"payload\":")
            writer.string(miss.payload)
            writer.raw(",\"found\":")
            writer.string(miss.found)
            writer.raw(",\"computed\":")
            if let computed = miss.computed { writer.string(computed) } else { writer.raw("null") }
            writer.raw("}")
        }
        writer.raw("],\"dates\":[")
        for (k, miss) in dates.enumerated() {
            if k > 0 { writer.raw(",") }
            writer.raw("{\"party\":")
            writer.string(miss.party)
            writer.raw(",\"pattern\":")
            writer.string(miss.pattern)
            writer.raw(",\"valid_from\":")
            if let from = miss.validFrom { writer.string(from.description) } else { writer.raw("null") }
            writer.raw(",\"valid_until\":")
            if let until = miss.validUntil { writer.string(until.description) } else { writer.raw("null") }
            writer.raw(",\"reason\":")
            writer.string(miss.reason.rawValue)
            writer.raw("}")
        }
        writer.raw("],\"hints\":[")
        for (k, hint) in hints.hints.enumerated() {
            if k > 0 { writer.raw(",") }
            hint.writeJSON(to: &writer)
        }
        writer.raw("],\"hints_capped\":")
        writer.raw(hints.capped ? "true" : "false")
        writer.raw("}")
    }

    /// The JSON object as a string.
    public var json: String {
        var writer = JSONWriter()
        writeJSON(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
