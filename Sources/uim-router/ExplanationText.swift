// The text form of `explain`: a few labelled lines per UIM, with a caret under the place a pattern stops accepting.
import UIMRouter

struct ExplanationText {
    let names: [String: String]

    init(registry: Registry) {
        names = Dictionary(registry.parties.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    func render(_ explanation: Explanation) -> String {
        var lines = ["UIM         \(Self.visible(explanation.input))"]
        if let normalised = explanation.normalised {
            let stripped = explanation.stripped.isEmpty ? "" : "   (removed: \(explanation.stripped.joined(separator: ", ")))"
            lines.append("normalised  \(Self.visible(normalised))\(stripped)")
        }
        let result = explanation.result
        var status = "result      \(result.status.rawValue)"
        if let party = result.party { status += " to \(party) \(names[party] ?? "")" }
        if result.status == .ambiguous { status += " between \(result.parties.joined(separator: ", "))" }
        if let error = result.error { status += ": \(error.rawValue)" }
        lines.append(status + " on \(explanation.date)")
        for match in result.matches { lines.append("  matches   \(match.party) \(match.pattern)") }
        for miss in explanation.checks {
            lines.append("  check     \(miss.party) \(miss.pattern): \(miss.algorithm.rawValue) over '\(miss.payload)' "
                + "calls for '\(miss.computed ?? "?")', the UIM has '\(miss.found)'")
        }
        for miss in explanation.dates {
            let window = "\(miss.validFrom.map(\.description) ?? "always") to \(miss.validUntil.map(\.description) ?? "open")"
            lines.append("  date      \(miss.party) \(miss.pattern): valid \(window), \(miss.reason.rawValue) on \(explanation.date)")
        }
        for rejection in result.rejected where rejection.reason == .matchLimit {
            lines.append("  limit     \(rejection.party) \(rejection.pattern): PCRE2 could not decide within its limits")
        }
        if !explanation.nearest.isEmpty, let normalised = explanation.normalised {
            lines.append("nearest patterns")
            for miss in explanation.nearest {
                let head = "  \(miss.party) \(miss.pattern)  (lengths \(miss.lengths); this UIM has \(normalised.utf8.count))"
                guard let reached = miss.reached else {
                    lines.append(head + ": opaque, decided by PCRE2, no position available")
                    continue
                }
                lines.append(head)
                lines.append("    " + Self.visible(normalised))
                let column = Self.visible(String(decoding: normalised.utf8.prefix(reached), as: UTF8.self)).count
                let found = miss.found.map { "found '\($0)'" } ?? "the UIM ends"
                lines.append("    " + String(repeating: " ", count: column) + "^ expected "
                    + miss.expected.joined(separator: " or ") + ", " + found)
            }
        }
        if !explanation.hints.hints.isEmpty {
            lines.append("repair hints (the result above is unchanged; check with the issuing Party)")
            for hint in explanation.hints.hints {
                let target = hint.party.map { "routes to \($0) \(names[$0] ?? "")" }
                    ?? "ambiguous between \(hint.parties.joined(separator: ", "))"
                lines.append("  \(hint.repair.rawValue): \(Self.visible(hint.uim)) \(target) (\(hint.pattern))")
            }
        }
        if explanation.hints.capped { lines.append("  (the repair search stopped at its budget: some hints may be missing)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// GS as ⟨GS⟩ and other control characters as ⟨0xNN⟩.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value == 0x1D { out += "⟨GS⟩" } else if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "⟨0x" + String(scalar.value, radix: 16, uppercase: true) + "⟩"
            } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
