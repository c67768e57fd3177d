// The text format of `route`: aligned columns for people — UIM, status, Party code and name, patterns or reasons.
import UIMRouter

struct ResultText {
    let names: [String: String]
    let uimWidth: Int

    init(registry: Registry, uimWidth: Int) {
        names = Dictionary(registry.parties.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.uimWidth = max(uimWidth, 8)
    }

    func line(for result: RouteResult) -> String {
        let uim = printable(result.uim)
        var line = pad(uim, uimWidth) + "  " + pad(result.status.rawValue, 9) + "  "
        switch result.status {
        case .routed:
            let party = result.matches[0].party
            line += pad("\(party)  \(names[party] ?? "")", 28) + "  " + result.matches.map(\.pattern).joined(separator: ", ")
        case .ambiguous:
            line += result.parties.map { party in
                "\(party) \(names[party] ?? "") (" + result.matches.filter { $0.party == party }.map(\.pattern)
                    .joined(separator: ", ") + ")"
            }.joined(separator: " | ")
        case .unrouted:
            line += pad("-", 28) + "  " + (result.rejected.isEmpty ? "no pattern matches"
                : result.rejected.map { "\($0.pattern): \($0.reason.rawValue)" }.joined(separator: ", "))
        case .invalid:
            line += pad("-", 28) + "  " + (result.error?.rawValue ?? "invalid")
        }
        if result.status != .unrouted, !result.rejected.isEmpty {
            line += "; set aside: " + result.rejected.map { "\($0.pattern): \($0.reason.rawValue)" }.joined(separator: ", ")
        }
        return line + "\n"
    }

    /// One indented line per repair hint of `result` (`--hints`), such as
    /// `  hint typed-confusable: KRAT1ZIZGXEZRQZ34 routes to KE Kenya (KE-EGMS-STAMP)`; empty when it has none.
    func hintLines(for result: RouteResult, indent: String = "  ") -> String {
        var lines = result.hintsCapped ? "\(indent)hint search capped: some repairs may be missing\n" : ""
        guard let hints = result.hints, !hints.isEmpty else { return lines }
        for hint in hints {
            let target = hint.party.map { "routes to \($0) \(names[$0] ?? "")" }
                ?? "ambiguous between \(hint.parties.joined(separator: ", "))"
            lines += "\(indent)hint \(hint.repair.rawValue): \(printable(hint.uim)) \(target) (\(hint.pattern))\n"
        }
        return lines
    }

    /// Shows control characters (GS as ⟨GS⟩, others as ⟨0xNN⟩) so a line never breaks the table.
    private func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value == 0x1D { out += "⟨GS⟩" }
            else if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "⟨0x" + String(scalar.value, radix: 16, uppercase: true) + "⟩"
            } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    private func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }
}
