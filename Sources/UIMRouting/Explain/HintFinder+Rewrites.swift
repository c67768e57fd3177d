// Whole-string repairs: each kind of damage that touches the UIM everywhere at once (Caps Lock, a keyboard layout, GS
// stand-ins, typed separators, leftovers) is undone by one or a few rewrites, each then confirmed by the router.

extension HintFinder {
    /// The rewritten candidates for `subject`, each with the damage it undoes.
    func rewrites(of subject: [UInt8]) -> [(RepairKind, [UInt8])] {
        var candidates: [(RepairKind, [UInt8])] = []
        for (token, _) in Self.gsStandIns where Self.range(of: token, in: subject) != nil {
            candidates.append((.gsSubstitute, Self.replacing(token, with: [0x1D], in: subject)))
            // A one-byte stand-in may also be a real character of the code: try each occurrence alone too.
            let occurrences = subject.indices.filter { token.count == 1 && subject[$0] == token[0] }
            if occurrences.count > 1, occurrences.count <= 8 {
                for k in occurrences {
                    var one = subject
                    one[k] = 0x1D
                    candidates.append((.gsSubstitute, one))
                }
            }
        }
        candidates.append((.caseInverted, subject.map(Self.invertedCase)))
        if subject.allSatisfy({ $0 < 0x80 }) {
            candidates.append((.keyboardQWERTZ, subject.map { Self.asciiQWERTZ[Int($0)] }))
            candidates.append((.keyboardAZERTY, subject.map { Self.asciiAZERTY[Int($0)] }))
        } else if let text = String(validating: subject, as: UTF8.self) {
            candidates.append((.keyboardQWERTZ, Array(String(text.map { Self.qwertz[$0] ?? $0 }).utf8)))
            candidates.append((.keyboardAZERTY, Array(String(text.map { Self.azerty[$0] ?? $0 }).utf8)))
        }
        for separators in [[UInt8(ascii: " ")], [UInt8(ascii: "-")], [UInt8(ascii: " "), UInt8(ascii: "-")],
                           [UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: ".")]] {
            let kept = subject.filter { !separators.contains($0) }
            if kept.count < subject.count, !kept.isEmpty { candidates.append((.typedSeparators, kept)) }
        }
        candidates += junkRemovals(of: subject).map { (.junkRemoved, $0) }
        return candidates
    }

    /// `subject` without an AIM symbology identifier found after its start, without human markers (`TTT`) at either
    /// end, and without stray punctuation at either end.
    func junkRemovals(of subject: [UInt8]) -> [[UInt8]] {
        var results: [[UInt8]] = []
        // `]` + a letter + a digit or letter: an AIM identifier the normaliser did not strip (not at the start).
        for k in subject.indices.dropFirst() where subject[k] == UInt8(ascii: "]") && k + 2 < subject.count
            && Self.isLetter(subject[k + 1]) && (Self.isLetter(subject[k + 2]) || Self.isDigit(subject[k + 2])) {
            results.append(Array(subject[..<k] + subject[(k + 3)...]))
            results.append(Array(subject[(k + 3)...]))
        }
        for marker in Self.markers {
            var trimmed = subject
            while trimmed.starts(with: marker) { trimmed.removeFirst(marker.count) }
            while trimmed.count >= marker.count, Array(trimmed.suffix(marker.count)) == marker {
                trimmed.removeLast(marker.count)
            }
            trimmed = Self.trimmingSpaces(trimmed)
            if trimmed.count < subject.count, !trimmed.isEmpty { results.append(trimmed) }
        }
        var core = subject[...]
        while let first = core.first, Self.isStrayPunctuation(first) { core = core.dropFirst() }
        while let last = core.last, Self.isStrayPunctuation(last) { core = core.dropLast() }
        if core.count < subject.count, !core.isEmpty { results.append(Array(core)) }
        return results
    }

    // MARK: Tables

    /// Visible stand-ins for GS (0x1D), longest first.
    static let gsStandIns: [([UInt8], String)] = ["<GS>", "{GS}", "[GS]", "\\x1D", "\\x1d", "\\u001d", "\\u001D",
                                                  "<gs>", "^", "~", "|", "#"]
        .map { (Array($0.utf8), $0) }

    /// Human markers printed beside the code (the UK asks operators to print `TTT` next to it).
    static let markers: [[UInt8]] = ["TTT", "UI:", "UI "].map { Array($0.utf8) }

    /// What a US-layout scanner's keys produce on a German (QWERTZ) host, read back: screen character → character on
    /// the pack.
    static let qwertz: [Character: Character] = [
        "y": "z", "z": "y", "Y": "Z", "Z": "Y", "ß": "-", "-": "/", "_": "?", "?": "_", "ö": ";", "Ö": ":",
        "ä": "'", "Ä": "\"", "ü": "[", "Ü": "{", "+": "]", "*": "}", "#": "\\", "'": "|", "\"": "@", "§": "#",
        "&": "^", "/": "&", "(": "*", ")": "(", "=": ")",
    ]

    /// What a US-layout scanner's keys produce on a French (AZERTY) host, read back.
    static let azerty: [Character: Character] = [
        "q": "a", "a": "q", "Q": "A", "A": "Q", "z": "w", "w": "z", "Z": "W", "W": "Z", ",": "m", "?": "M",
        "m": ";", "M": ":", ";": ",", ".": "<", ":": ".", "/": ">", "&": "1", "é": "2", "\"": "3", "'": "4",
        "(": "5", "-": "6", "è": "7", "_": "8", "ç": "9", "à": "0", ")": "-", "!": "/", "§": "?",
    ]

    /// `qwertz` and `azerty` on ASCII bytes, for the common all-ASCII UIM (no String work per candidate).
    static let asciiQWERTZ = asciiTable(qwertz)
    static let asciiAZERTY = asciiTable(azerty)

    static func asciiTable(_ map: [Character: Character]) -> [UInt8] {
        (0..<128).map { byte in
            let character = Character(Unicode.Scalar(UInt8(byte)))
            guard let mapped = map[character], let ascii = mapped.asciiValue else { return UInt8(byte) }
            return ascii
        }
    }

    static func invertedCase(_ byte: UInt8) -> UInt8 { isLetter(byte) ? byte ^ 0x20 : byte }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isStrayPunctuation(_ byte: UInt8) -> Bool {
        [UInt8]("*.,;:'\"`´<>()[]{}|/\\".utf8).contains(byte) || byte == 0x20
    }

    static func trimmingSpaces(_ bytes: [UInt8]) -> [UInt8] {
        var slice = bytes[...]
        while slice.first == 0x20 { slice = slice.dropFirst() }
        while slice.last == 0x20 { slice = slice.dropLast() }
        return Array(slice)
    }

    static func range(of token: [UInt8], in bytes: [UInt8]) -> Int? {
        guard token.count <= bytes.count else { return nil }
        return (0...(bytes.count - token.count)).first { starts(bytes, with: token, at: $0) }
    }

    /// `true` when `token` stands in `bytes` at `index` (no copy).
    static func starts(_ bytes: [UInt8], with token: [UInt8], at index: Int) -> Bool {
        guard index + token.count <= bytes.count else { return false }
        for k in token.indices where bytes[index + k] != token[k] { return false }
        return true
    }

    static func replacing(_ token: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var k = 0
        while k < bytes.count {
            if starts(bytes, with: token, at: k) {
                result += replacement
                k += token.count
            } else {
                result.append(bytes[k])
                k += 1
            }
        }
        return result
    }
}
