// The one canonical layout of a registry file, written from the loaded model: key order, quoting and indentation
// are fixed, so two files that mean the same thing are written the same way. `fmt` places the original comments
// on these lines; the registry digest hashes them without comments.

/// One line of a canonical registry file and the places of the file it stands for.
package struct CanonicalLine: Sendable, Hashable {
    /// The line's text, without a newline.
    package var text: String
    /// Spaces before the line's first character (where a comment above it is indented to).
    package var indent: Int
    /// Paths of what the line holds, outermost first (`party/name`, `patterns/#KE-1`, `patterns/#KE-1/id`).
    package var anchors: [String]
}

/// Writes a Party's file in the canonical layout.
///
/// Key order follows the format's description (descriptions: English first, then the other languages in order);
/// `level` and the check's `payload` and `digit` are always written, so the layout says what the router will do
/// without knowing the defaults. Regexes are single-quoted (no escape
/// is then needed for `\`), free text is double-quoted, codes and ids are plain when YAML reads them back as the
/// same string.
package enum CanonicalYAML {
    /// The canonical lines of the file of `party` holding `patterns` (in the given order).
    package static func lines(party: Party, patterns: [PatternSpec]) -> [CanonicalLine] {
        var out: [CanonicalLine] = []
        func add(_ indent: Int, _ text: String, _ anchors: String...) {
            out.append(CanonicalLine(text: String(repeating: " ", count: indent) + text, indent: indent, anchors: anchors))
        }
        add(0, "format: 1", "format")
        add(0, "party:", "party")
        add(2, "code: \(plainOrQuoted(party.code))", "party/code")
        add(2, "name: \(plainOrQuoted(party.name))", "party/name")
        add(2, "protocol_party: \(party.protocolParty)", "party/protocol_party")
        add(0, "patterns:", "patterns")
        for spec in patterns {
            let at = "patterns/#\(spec.id)"
            add(2, "- id: \(plainOrQuoted(spec.id))", at, at + "/id")
            add(4, "regex: \(regexScalar(spec.regex))", at + "/regex")
            add(4, "level: \(spec.level.rawValue)", at + "/level")
            if !spec.descriptions.isEmpty {
                add(4, "description:", at + "/description")
                for language in [Language.en] + Language.allCases.filter({ $0 != .en }) {
                    guard let text = spec.descriptions[language] else { continue }
                    add(6, "\(language.rawValue): \(doubleQuoted(text))", at + "/description/\(language.rawValue)")
                }
            }
            if let check = spec.check {
                add(4, "check:", at + "/check")
                add(6, "algorithm: \(check.algorithm.rawValue)", at + "/check/algorithm")
                add(6, "payload: \(plainOrQuoted(check.payloadGroup))", at + "/check/payload")
                add(6, "digit: \(plainOrQuoted(check.checkCharacterGroup))", at + "/check/digit")
            }
            if !spec.references.isEmpty {
                add(4, "references:", at + "/references")
                for (k, reference) in spec.references.enumerated() {
                    add(6, "- \(doubleQuoted(reference))", at + "/references/\(k)")
                }
            }
            if let from = spec.validFrom { add(4, "valid_from: \(from)", at + "/valid_from") }
            if let until = spec.validUntil { add(4, "valid_until: \(until)", at + "/valid_until") }
            guard !spec.matchExamples.isEmpty || !spec.noMatchExamples.isEmpty else { continue }
            add(4, "examples:", at + "/examples")
            for (key, list) in [("match", spec.matchExamples), ("no_match", spec.noMatchExamples)] where !list.isEmpty {
                add(6, "\(key):", at + "/examples/\(key)")
                for (k, example) in list.enumerated() {
                    add(8, "- \(doubleQuoted(example.uim))", at + "/examples/\(key)/\(k)")
                }
            }
        }
        return out
    }

    /// The canonical text of the file, without comments, ending with a newline.
    static func text(party: Party, patterns: [PatternSpec]) -> String {
        lines(party: party, patterns: patterns).map { $0.text + "\n" }.joined()
    }

    // MARK: - Scalars

    private static let reservedPlain: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]

    /// Plain when the text is a letter followed by letters (any script), digits, spaces and `.-_()/'`, and YAML
    /// would not read it as a boolean or null; otherwise double-quoted.
    static func plainOrQuoted(_ text: String) -> String {
        func isLetter(_ s: Unicode.Scalar) -> Bool {
            s.isASCII ? ("A"..."Z").contains(s) || ("a"..."z").contains(s) : s.properties.isAlphabetic
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, isLetter(first), scalars.last != " ",
              !reservedPlain.contains(text.lowercased()), !text.contains("  "),
              scalars.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || " .-_()/'".unicodeScalars.contains($0) })
        else { return doubleQuoted(text) }
        return text
    }

    /// Single-quoted when every character is printable (the regex is then written exactly as PCRE2 reads it),
    /// double-quoted with escapes otherwise.
    static func regexScalar(_ regex: String) -> String {
        let printable = regex.unicodeScalars.allSatisfy { scalar in
            scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value)
                && scalar.value != 0x2028 && scalar.value != 0x2029 && scalar.value != 0xFEFF
        }
        guard printable, !regex.isEmpty else { return doubleQuoted(regex) }
        return "'" + regex.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A YAML double-quoted scalar: `\` and `"` escaped, control and invisible line-breaking characters as escapes,
    /// every other character (non-ASCII included) as itself.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x00: out += "\\0"
            case 0x85: out += "\\N"
            case 0x2028: out += "\\L"
            case 0x2029: out += "\\P"
            case 0xFEFF: out += "\\uFEFF"
            case 0..<0x20, 0x7F, 0x80...0x9F: out += "\\x" + hex2(scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func hex2(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(value >> 4)], digits[Int(value & 0xF)]])
    }
}
