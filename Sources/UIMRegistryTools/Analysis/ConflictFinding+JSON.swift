// The JSON line of one conflict finding, as `uim-router conflicts --format json` writes it (other tools read it).
import UIMRegistry

extension ConflictFinding {
    /// Appends `{"kind":…,"a":{"party":…,"pattern":…},"b":{…},"witness":…,"from":…,"until":…}` (no
    /// newline); `from` and `until` (the common validity) are left out when open.
    package func writeJSON(to writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("kind")
        writer.string(kind.rawValue)
        for (name, reference) in [("a", a), ("b", b)] {
            writer.raw(",")
            writer.key(name)
            writer.raw("{")
            writer.key("party")
            writer.string(reference.party)
            writer.raw(",")
            writer.key("pattern")
            writer.string(reference.pattern)
            writer.raw("}")
        }
        writer.raw(",")
        writer.key("witness")
        writer.string(witness)
        if let from {
            writer.raw(",")
            writer.key("from")
            writer.string(from.description)
        }
        if let until {
            writer.raw(",")
            writer.key("until")
            writer.string(until.description)
        }
        writer.raw("}")
    }
}
