// The `text` format of `classify`: route's aligned line for people, led by the input line number and followed by
// the carried columns.
import UIMRouter

struct ClassifyText: Sendable {
    let text: ResultText

    init(registry: Registry) {
        text = ResultText(registry: registry, uimWidth: 30)
    }

    var format: ClassificationFormat {
        let text = self.text
        return .custom(header: { _ in "" }, record: { record in
            var line = String(record.line)
            line = String(repeating: " ", count: max(0, 8 - line.count)) + line + "  "
            if let file = record.file { line = file + ":" + line }
            let prefix = line.count
            var body = String(text.line(for: record.result).dropLast())
            if record.result.status == .invalid, record.result.error == nil, let reason = record.invalidReason {
                if body.hasSuffix("invalid") { body = String(body.dropLast(7)) + reason }
            }
            line += body
            if !record.carried.isEmpty {
                line += "  [" + zip(record.carriedNames, record.carried).map { "\($0)=\(Self.oneLine($1))" }
                    .joined(separator: "; ") + "]"
            }
            // With --hints, an unrouted record's hints follow on lines of their own, under the UIM.
            return line + "\n" + text.hintLines(for: record.result, indent: String(repeating: " ", count: prefix + 2))
        })
    }

    /// Keeps a carried value on its line.
    static func oneLine(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\n": out += "\\n"
            case "\r\n": out += "\\r\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out
    }
}
