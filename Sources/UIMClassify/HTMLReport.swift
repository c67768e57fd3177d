// A self-contained HTML page of a classification summary, for a person who would rather look than read: the same
// figures as the summary, with an inline SVG bar chart per Party. No scripts, no fonts, no external resources, and
// — like the summary — no UIM.
import UIMRegistry
import UIMRouting

/// Renders a ``ClassificationSummary`` as one self-contained, well-formed (XHTML-compatible) HTML page.
public enum HTMLReport {
    /// The page for `summary`.
    public static func render(_ summary: ClassificationSummary, title: String = "UIM classification report") -> String {
        var html = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <title>\(escape(title))</title>
            <style>
            body { font-family: sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
            th, td { border-bottom: 1px solid #ccc; padding: 0.2em 0.8em; text-align: left; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            svg text { font-family: sans-serif; font-size: 12px; }
            .note { color: #555; }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>

            """
        html += "<p>Registry <b>\(escape(summary.registry))</b> (\(summary.registryParties) Parties, "
            + "\(summary.registryPatterns) patterns), query date \(escape(summary.dateText)): "
            + "<b id=\"records\">\(summary.records)</b> record(s) classified"
            + (summary.complete ? "." : " — <b>the run did not complete</b>.") + "</p>\n"

        html += "<h2>Provenance</h2>\n"
        html += table(id: "provenance", ["Item", "Value"], [
            ["Inputs", summary.inputs.isEmpty ? "none" : summary.inputs.map { input in
                "\(input.name) (\(input.lines) lines" + (input.uimColumn.map { ", UIM column '\($0)'" } ?? "") + ")"
            }.joined(separator: "; ")],
            ["Lines read", String(summary.lines)],
            ["Blank lines", String(summary.blankLines)],
            ["Registry", summary.registry],
            ["Registry digest", "sha256:" + summary.registryDigest],
            ["Tool version", summary.toolVersion.isEmpty ? "not given" : "uim-router " + summary.toolVersion],
            ["Query date", summary.dateText],
            ["Generated (UTC)", summary.generated],
        ])
        html += "<h2>By status</h2>\n"
        html += table(id: "status", ["Status", "Records", "Share"], RouteStatus.allCases.map { status in
            [status.rawValue, String(summary.count(status)), share(summary.count(status), of: summary.records)]
        })

        html += "<h2>Routed, by Party</h2>\n"
        html += chart(summary.parties)
        html += table(id: "parties", ["Party", "Name", "UIMs", "Share"], summary.parties.map { party in
            [party.code, party.name, String(party.count), share(party.count, of: summary.records)]
        })

        html += "<h2>Ambiguous, by candidate Parties</h2>\n"
        html += table(id: "ambiguous", ["Candidate Parties", "UIMs"], summary.ambiguous.map { set in
            [set.parties.joined(separator: " + "), String(set.count)]
        })
        html += "<h2>Unrouted, by reason</h2>\n"
        html += table(id: "unrouted", ["Reason", "UIMs"], summary.unrouted.map { [$0.reason, String($0.count)] })
        if let hints = summary.hints {
            html += "<h2>Unrouted with repair hints</h2>\n"
            html += "<p class=\"note\">A UIM with hints of two kinds counts once in the first row and under each "
                + "kind. Hints never change a UIM's status: check with the issuing Party.</p>\n"
            html += table(id: "hints", ["Repair", "Unrouted UIMs"], [["any repair", String(hints.unroutedWithHints)]]
                + hints.byRepair.map { [$0.repair.rawValue, String($0.count)] }
                + (hints.capped > 0 ? [["search capped (may miss repairs)", String(hints.capped)]] : []))
        }
        html += "<h2>Invalid, by reason</h2>\n"
        html += table(id: "invalid", ["Reason", "Records"], summary.invalid.map { [$0.reason, String($0.count)] })
        html += "<p class=\"note\">Counts only: this report holds no UIM and no other input text.</p>\n"
        html += "</body>\n</html>\n"
        return html
    }

    /// A horizontal bar per Party, the longest for the Party with the most UIMs.
    static func chart(_ parties: [ClassificationSummary.PartyCount]) -> String {
        guard let most = parties.map(\.count).max(), most > 0 else {
            return "<p class=\"note\">No UIM was routed.</p>\n"
        }
        let rowHeight = 24
        let labelWidth = 220
        let barWidth = 460
        let height = rowHeight * parties.count + 8
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"party-chart\" width=\"\(labelWidth + barWidth + 90)\" "
            + "height=\"\(height)\" role=\"img\" aria-label=\"Routed UIMs per Party\">\n"
        for (k, party) in parties.enumerated() {
            let y = 4 + k * rowHeight
            let width = max(1, party.count * barWidth / most)
            let label = party.name.isEmpty ? party.code : "\(party.code) \(party.name)"
            svg += "<g class=\"bar\" data-party=\"\(escape(party.code))\" data-count=\"\(party.count)\">"
                + "<text x=\"0\" y=\"\(y + 16)\">\(escape(label))</text>"
                + "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(rowHeight - 6)\" fill=\"#3a6ea5\"/>"
                + "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 16)\">\(party.count)</text></g>\n"
        }
        return svg + "</svg>\n"
    }

    static func table(id: String, _ header: [String], _ rows: [[String]]) -> String {
        var out = "<table id=\"\(id)\">\n<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        if rows.isEmpty { out += "<tr><td colspan=\"\(header.count)\">none</td></tr>\n" }
        for row in rows {
            out += "<tr>" + row.enumerated().map { k, cell in
                k > 0 && (cell.first?.isNumber ?? false) ? "<td class=\"n\">\(escape(cell))</td>" : "<td>\(escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</table>\n"
    }

    static func share(_ count: Int, of total: Int) -> String {
        guard total > 0 else { return "" }
        let tenths = (count * 1000 + total / 2) / total
        return "\(tenths / 10).\(tenths % 10) %"
    }

    /// Escapes text for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
