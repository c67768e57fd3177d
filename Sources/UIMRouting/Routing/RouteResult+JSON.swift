// The contract's JSON line for one routing result.
import UIMRegistry

extension RouteResult {
    /// Writes the contract's JSON object (one line, no trailing newline):
    /// `{"uim":…,"status":…,"party":…,"matches":[{"party":…,"pattern":…,"fields":{…}}],"rejected":[…],"error":…}`.
    /// `party` appears only when routed, `error` only when invalid; `matches` and `rejected` are always present;
    /// `hints` (repair hints, an array) only when they were asked for and the result is unrouted;
    /// `"hints_capped":true` only when that search stopped at its step budget (some repairs may be missing).
    package func writeJSON(to writer: inout JSONWriter) {
        writer.raw("{\"uim\":")
        writer.string(uim)
        writer.raw(",\"status\":")
        writer.string(status.rawValue)
        if let party {
            writer.raw(",\"party\":")
            writer.string(party)
        }
        writer.raw(",\"matches\":[")
        for (i, match) in matches.enumerated() {
            if i > 0 { writer.raw(",") }
            writer.raw("{\"party\":")
            writer.string(match.party)
            writer.raw(",\"pattern\":")
            writer.string(match.pattern)
            writer.raw(",\"fields\":{")
            for (k, field) in match.fields.enumerated() {
                if k > 0 { writer.raw(",") }
                writer.key(field.name)
                writer.string(field.value)
            }
            writer.raw("}}")
        }
        writer.raw("],\"rejected\":[")
        for (i, rejection) in rejected.enumerated() {
            if i > 0 { writer.raw(",") }
            writer.raw("{\"party\":")
            writer.string(rejection.party)
            writer.raw(",\"pattern\":")
            writer.string(rejection.pattern)
            writer.raw(",\"reason\":")
            writer.string(rejection.reason.rawValue)
            writer.raw("}")
        }
        writer.raw("]")
        if let error {
            writer.raw(",\"error\":")
            writer.string(error.rawValue)
        }
        if let hints {
            writer.raw(",\"hints\":[")
            for (i, hint) in hints.enumerated() {
                if i > 0 { writer.raw(",") }
                hint.writeJSON(to: &writer)
            }
            writer.raw("]")
        }
        if hintsCapped { writer.raw(",\"hints_capped\":true") }
        writer.raw("}")
    }

    /// The JSON object as a string.
    public var json: String {
        var writer = JSONWriter()
        writeJSON(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
