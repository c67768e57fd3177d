// The text form of conflict findings, shared by `conflicts` and `check-submission`: one block per finding.
import UIMRouter

enum ConflictText {
    static func report(_ findings: [ConflictFinding], registry: Registry) -> String {
        var lines: [String] = []
        let titles: [ConflictFinding.Kind: String] = [
            .overlap: "Overlaps (a UIM matches both patterns and passes both checks: it routes as ambiguous)",
            .checkSeparated: "Overlaps separated only by check characters (no UIM passing both checks was found)",
            .sampled: "Possible overlaps (sampled: an opaque pattern; the witness was verified with PCRE2)",
        ]
        for kind in ConflictFinding.Kind.allCases {
            let group = findings.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            lines.append("\(titles[kind]!): \(group.count)")
            for finding in group { lines.append(line(finding)) }
            lines.append("")
        }
        let counts = ConflictFinding.Kind.allCases.map { kind in
            "\(findings.filter { $0.kind == kind }.count) \(kind.rawValue)"
        }
        lines.append("\(registry.patterns.count) patterns of \(registry.parties.count) Parties: "
            + counts.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    static func line(_ finding: ConflictFinding) -> String {
        var text = "  \(finding.a) × \(finding.b)\n    witness: \(printable(finding.witness))"
        switch (finding.from, finding.until) {
        case (nil, nil): break
        case (let from?, nil): text += "   (both valid from \(from))"
        case (nil, let until?): text += "   (both valid until \(until))"
        case (let from?, let until?): text += "   (both valid \(from) to \(until))"
        }
        return text
    }

    /// GS as ⟨GS⟩ and other control characters as ⟨0xNN⟩, so a witness prints on one line.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value == 0x1D { out += "⟨GS⟩" }
            else if scalar.value < 0x20 || scalar.value == 0x7F { out += "⟨0x\(String(scalar.value, radix: 16))⟩" }
            else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
