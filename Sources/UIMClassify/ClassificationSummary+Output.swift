// The summary as JSON (`--summary-json`, for machines) and as text (`--summary`, for a person).
import UIMRegistry
import UIMRouting

extension ClassificationSummary {
    /// The summary as one JSON object (pretty enough to read: one key per line at the top level).
    public var json: String {
        var w = JSONWriter()
        w.raw("{\n  \"registry\": {\"source\": ")
        w.string(registry)
        w.raw(", \"digest\": ")
        w.string(registryDigest)
        w.raw(", \"release\": ")
        w.string(registryRelease)
        w.raw(", \"parties\": ")
        w.number(registryParties)
        w.raw(", \"patterns\": ")
        w.number(registryPatterns)
        w.raw("},\n  \"tool_version\": ")
        w.string(toolVersion)
        w.raw(",\n  \"generated\": ")
        w.string(generated)
        w.raw(",\n  \"date\": ")
        w.string(dateColumn == nil ? date.description : "per row")
        if let dateColumn {
            w.raw(",\n  \"date_column\": ")
            w.string(dateColumn)
        }
        w.raw(",\n  \"inputs\": [")
        for (k, input) in inputs.enumerated() {
            w.raw(k > 0 ? ",\n    {\"name\": " : "\n    {\"name\": ")
            w.string(input.name)
            w.raw(", \"lines\": ")
            w.number(input.lines)
            w.raw(", \"blank_lines\": ")
            w.number(input.blankLines)
            if let column = input.uimColumn {
                w.raw(", \"uim_column\": ")
                w.string(column)
            }
            if let column = input.dateColumn {
                w.raw(", \"date_column\": ")
                w.string(column)
            }
            w.raw("}")
        }
        w.raw(inputs.isEmpty ? "],\n  \"lines\": " : "\n  ],\n  \"lines\": ")
        w.number(lines)
        w.raw(",\n  \"blank_lines\": ")
        w.number(blankLines)
        w.raw(",\n  \"complete\": ")
        w.raw(complete ? "true" : "false")
        w.raw(",\n  \"records\": ")
        w.number(records)
        w.raw(",\n  \"status\": {")
        for (k, status) in RouteStatus.allCases.enumerated() {
            if k > 0 { w.raw(", ") }
            w.key(status.rawValue)
            w.number(count(status))
        }
        w.raw("},\n  \"parties\": [")
        for (k, party) in parties.enumerated() {
            w.raw(k > 0 ? ",\n    {\"party\": " : "\n    {\"party\": ")
            w.string(party.code)
            w.raw(", \"name\": ")
            w.string(party.name)
            w.raw(", \"count\": ")
            w.number(party.count)
            w.raw("}")
        }
        w.raw(parties.isEmpty ? "],\n  \"ambiguous\": [" : "\n  ],\n  \"ambiguous\": [")
        for (k, set) in ambiguous.enumerated() {
            w.raw(k > 0 ? ",\n    {\"parties\": [" : "\n    {\"parties\": [")
            for (p, code) in set.parties.enumerated() {
                if p > 0 { w.raw(", ") }
                w.string(code)
            }
            w.raw("], \"count\": ")
            w.number(set.count)
            w.raw("}")
        }
        w.raw(ambiguous.isEmpty ? "],\n  \"unrouted\": " : "\n  ],\n  \"unrouted\": ")
        Self.write(unrouted, to: &w)
        w.raw(",\n  \"invalid\": ")
        Self.write(invalid, to: &w)
        if let hints {
            w.raw(",\n  \"hints\": {\"unrouted_with_hints\": ")
            w.number(hints.unroutedWithHints)
            w.raw(", \"by_repair\": ")
            Self.write(hints.byRepair.map { ReasonCount(reason: $0.repair.rawValue, count: $0.count) }, to: &w)
            if hints.capped > 0 {
                w.raw(", \"capped\": ")
                w.number(hints.capped)
            }
            w.raw("}")
        }
        w.raw("\n}\n")
        return String(decoding: w.bytes, as: UTF8.self)
    }

    private static func write(_ reasons: [ReasonCount], to w: inout JSONWriter) {
        w.raw("{")
        for (k, reason) in reasons.enumerated() {
            if k > 0 { w.raw(", ") }
            w.key(reason.reason)
            w.number(reason.count)
        }
        w.raw("}")
    }

    /// The summary as aligned text for a person; reasons with no record are left out.
    public var text: String {
        var lines: [String] = []
        lines.append("Classified \(records) record(s)\(complete ? "" : " (incomplete run)") with registry \(registry) "
            + "(\(registryParties) Parties, \(registryPatterns) patterns), date \(dateText)")
        lines.append("  registry digest sha256:\(registryDigest), release \(registryRelease)")
        lines.append("  inputs: " + (inputs.isEmpty ? "none" : inputs.map { "\($0.name) (\($0.lines) lines)" }
            .joined(separator: ", ")) + "; blank lines: \(blankLines)")
        lines.append("  uim-router \(toolVersion.isEmpty ? "(version not given)" : toolVersion), generated \(generated)")
        for status in RouteStatus.allCases {
            lines.append("  " + pad(status.rawValue, 10) + pad(String(count(status)), 12, right: true)
                + percent(count(status)))
        }
        if !parties.isEmpty { lines.append("Routed, by Party:") }
        for party in parties {
            lines.append("  " + pad("\(party.code)  \(party.name)", 34) + pad(String(party.count), 12, right: true)
                + percent(party.count))
        }
        if !ambiguous.isEmpty { lines.append("Ambiguous, by candidate Parties:") }
        for set in ambiguous {
            lines.append("  " + pad(set.parties.joined(separator: " + "), 34) + pad(String(set.count), 12, right: true))
        }
        for (title, reasons) in [("Unrouted, by reason:", unrouted), ("Invalid, by reason:", invalid)] {
            let present = reasons.filter { $0.count > 0 }
            if !present.isEmpty { lines.append(title) }
            for reason in present {
                lines.append("  " + pad(reason.reason, 34) + pad(String(reason.count), 12, right: true))
            }
        }
        if let hints {
            lines.append("Unrouted with repair hints:")
            lines.append("  " + pad("any repair", 34) + pad(String(hints.unroutedWithHints), 12, right: true))
            for kind in hints.byRepair where kind.count > 0 {
                lines.append("  " + pad(kind.repair.rawValue, 34) + pad(String(kind.count), 12, right: true))
            }
            if hints.capped > 0 {
                lines.append("  " + pad("search capped (may miss repairs)", 34)
                    + pad(String(hints.capped), 12, right: true))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The query date, or `per row (column 'NAME')`.
    public var dateText: String { dateColumn.map { "per row (column '\($0)')" } ?? date.description }

    private func percent(_ count: Int) -> String {
        guard records > 0 else { return "" }
        let tenths = (count * 1000 + records / 2) / records
        return "  " + pad("\(tenths / 10).\(tenths % 10) %", 7, right: true)
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
