// Random registries for differential tests: patterns assembled from realistic pieces, each piece able to produce
// text it matches, so tests get matching UIMs, near misses and noise for every pattern.
import UIMRouter
import UIMRegistry

/// A piece of a generated regex and a way to produce text it matches.
struct RegexPiece {
    var regex: String
    var sample: (inout SeededGenerator) -> String
}

/// A generated pattern: its spec and a sampler of UIMs its regex matches (check characters fixed when it has one).
struct GeneratedPattern {
    var spec: PatternSpec
    var sample: (inout SeededGenerator) -> String
}

enum RandomRegistry {
    static let alphabets: [(regex: String, characters: [Character])] = [
        ("[0-9]", Array("0123456789")),
        ("\\d", Array("0123456789")),
        ("[A-Z]", Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
        ("[0-9A-Z]", Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
        ("[A-F0-9]", Array("0123456789ABCDEF")),
        ("[a-z0-9]", Array("abcdefghijklmnopqrstuvwxyz0123456789")),
        ("[!-~]", (0x21...0x7E).map { Character(Unicode.Scalar($0)!) }),
    ]
    static let prefixes = ["A", "B", "AB", "AA", "01", "0", "KE", "K", "QCUKT", "WAAG", "É", ""]

    static func string(_ characters: [Character], _ count: Int, _ rng: inout SeededGenerator) -> String {
        String((0..<count).map { _ in characters.randomElement(using: &rng)! })
    }

    /// A class repeated `{n}` or `{n,m}`.
    static func classPiece(_ rng: inout SeededGenerator, name: String? = nil) -> RegexPiece {
        let alphabet = alphabets.randomElement(using: &rng)!
        let low = Int.random(in: 1...6, using: &rng)
        let high = Bool.random(using: &rng) ? low : low + Int.random(in: 0...3, using: &rng)
        let quantifier = low == high ? "{\(low)}" : "{\(low),\(high)}"
        let body = alphabet.regex + quantifier
        return RegexPiece(regex: name.map { "(?<\($0)>\(body))" } ?? body) { rng in
            string(alphabet.characters, Int.random(in: low...high, using: &rng), &rng)
        }
    }

    static func piece(_ rng: inout SeededGenerator, index: Int) -> RegexPiece {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0:
            let options = ["EU", "UK", "E"].shuffled(using: &rng).prefix(2)
            return RegexPiece(regex: "(?:" + options.joined(separator: "|") + ")") { rng in options.randomElement(using: &rng)! }
        case 1:
            let inner = classPiece(&rng)
            return RegexPiece(regex: "(?:-\(inner.regex))?") { rng in Bool.random(using: &rng) ? "-" + inner.sample(&rng) : "" }
        case 2:
            let letter = ["X", "Y", "Z"].randomElement(using: &rng)!
            return RegexPiece(regex: letter) { _ in letter }
        default:
            return classPiece(&rng, name: Bool.random(using: &rng) ? "f\(index)" : nil)
        }
    }

    /// One pattern of `party`; about a third carry a check character over a digit payload.
    static func pattern(id: String, party: String, _ rng: inout SeededGenerator) -> GeneratedPattern {
        var pieces: [RegexPiece] = []
        let prefix = prefixes.randomElement(using: &rng)!
        let caseless = Int.random(in: 0..<12, using: &rng) == 0
        if caseless { pieces.append(RegexPiece(regex: "(?i)") { _ in "" }) }
        if !prefix.isEmpty {
            pieces.append(RegexPiece(regex: prefix) { rng in
                caseless && Bool.random(using: &rng) ? prefix.lowercased() : prefix
            })
        }
        if Int.random(in: 0..<15, using: &rng) == 0 {
            pieces.append(RegexPiece(regex: "(?=[0-9A-Z])") { _ in "" })   // lookahead: opaque to simple analysis
        }
        for k in 0..<Int.random(in: 1...3, using: &rng) { pieces.append(piece(&rng, index: k)) }
        var check: CheckSpec?
        var algorithm: CheckAlgorithm?
        var payloadLength = 0
        if Int.random(in: 0..<3, using: &rng) == 0 {
            let chosen = [CheckAlgorithm.gs1Mod10, .luhn, .verhoeff, .damm, .iso7064Mod11_2, .iso7064Mod97_10]
                .randomElement(using: &rng)!
            algorithm = chosen
            check = CheckSpec(algorithm: chosen)
            let length = Int.random(in: 3...8, using: &rng)
            payloadLength = length
            let checkClass = chosen == .iso7064Mod11_2 ? "[0-9X]" : "[0-9]"
            pieces.append(RegexPiece(regex: "(?<payload>[0-9]{\(length)})(?<check>\(checkClass){\(chosen.checkLength)})") { rng in
                string(Array("0123456789"), length, &rng) + "\u{0}"
            })
        }
        if Int.random(in: 0..<6, using: &rng) == 0, let last = pieces.last {
            // A top-level alternation makes the whole pattern prefix-less.
            let alternative = classPiece(&rng)
            pieces[pieces.count - 1] = RegexPiece(regex: last.regex + "|" + alternative.regex, sample: last.sample)
        }
        let regex = pieces.map(\.regex).joined()
        let validFrom = Int.random(in: 0..<4, using: &rng) == 0 ? Day(iso: "2024-01-01") : nil
        let validUntil = Int.random(in: 0..<4, using: &rng) == 0 ? Day(iso: "2025-12-31") : nil
        let spec = PatternSpec(id: id, party: party, regex: regex, check: check, validFrom: validFrom,
                               validUntil: validUntil, location: SourceLocation(file: "\(party).yaml", line: 1, column: 1))
        let sample: (inout SeededGenerator) -> String = { rng in
            var text = pieces.map { $0.sample(&rng) }.joined()
            // Replace the check placeholder (NUL) with the right check characters, sometimes deliberately wrong.
            if let algorithm, let marker = text.firstIndex(of: "\u{0}") {
                let payload = String(text[..<marker].suffix(payloadLength))
                var digits = algorithm.compute(payload: payload) ?? "0"
                if Int.random(in: 0..<5, using: &rng) == 0 { digits = String(repeating: "7", count: digits.count) }
                text.replaceSubrange(marker...marker, with: digits)
            }
            return text
        }
        return GeneratedPattern(spec: spec, sample: sample)
    }

    /// A registry of 3–7 Parties with 1–5 patterns each, and the patterns' samplers.
    static func make(_ rng: inout SeededGenerator) -> (registry: Registry, patterns: [GeneratedPattern]) {
        var parties: [Party] = []
        var patterns: [GeneratedPattern] = []
        for p in 0..<Int.random(in: 3...7, using: &rng) {
            let code = "P\(p)"
            parties.append(Party(code: code, name: "Party \(p)", protocolParty: true,
                                 location: SourceLocation(file: "\(code).yaml", line: 1, column: 1)))
            for k in 0..<Int.random(in: 1...5, using: &rng) {
                patterns.append(pattern(id: "\(code)-\(k)", party: code, &rng))
            }
        }
        return (Registry(unchecked: parties, patterns: patterns.map(\.spec)), patterns)
    }

    /// Test inputs for a registry: matches, near misses (one character changed, dropped or added), noise, AIM
    /// identifiers and surrounding white space.
    static func uims(for patterns: [GeneratedPattern], count: Int, _ rng: inout SeededGenerator) -> [String] {
        let noise = Array("0123456789ABCDEFXYZabcxyz-É ")
        return (0..<count).map { _ in
            var uim = patterns.randomElement(using: &rng)!.sample(&rng)
            switch Int.random(in: 0..<10, using: &rng) {
            case 0 where !uim.isEmpty:
                var chars = Array(uim)
                chars[Int.random(in: 0..<chars.count, using: &rng)] = noise.randomElement(using: &rng)!
                uim = String(chars)
            case 1 where !uim.isEmpty:
                var chars = Array(uim)
                chars.remove(at: Int.random(in: 0..<chars.count, using: &rng))
                uim = String(chars)
            case 2:
                uim.insert(noise.randomElement(using: &rng)!, at: uim.index(uim.startIndex, offsetBy: Int.random(in: 0...uim.count, using: &rng)))
            case 3:
                uim = string(noise, Int.random(in: 0...20, using: &rng), &rng)
            case 4:
                uim = ["]d2", "]Q3", "]C1", " ", "\t"].randomElement(using: &rng)! + uim + [" ", "", "\r"].randomElement(using: &rng)!
            default:
                break
            }
            return uim
        }
    }
}
