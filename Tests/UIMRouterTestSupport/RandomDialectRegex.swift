// Random regexes of the analysable dialect, and random subjects rich in the characters where PCRE2's semantics
// are easy to get wrong (case folding of k and s, non-ASCII, newline, GS), for the analyser's differential tests.

enum RandomDialectRegex {
    static let literals = [
        "a", "b", "k", "s", "K", "S", "z", "0", "1", "9", "-", "_", " ", "é", "€", "😀", "\\.", "\\-", "\\*",
        "\\x41", "\\x6b", "\\x{e9}", "\\x{1F600}", "\\t", "\\n", "#", "\\x1D", "]", "}", "{", "{,2}",
    ]
    static let classes = [
        "\\d", "\\w", "\\s", "\\D", "\\W", "\\S", ".", "[a-c]", "[^a-c]", "[0-9A-Z]", "[[:digit:]]", "[[:^alpha:]]",
        "[[:upper:]]", "[[:lower:]k]", "[^\\d\\s]", "[\\w-]", "[-a]", "[]a]", "[^]]", "[a-z-0]", "[é-ü]", "[^é]",
        "[\\x00-\\x{10FFFF}]", "[k-s]", "[^k]", "[^s]", "[^kx]", "[[:punct:]]", "[[:space:]]", "[^[:upper:]]",
        "[[:^lower:]]", "[%--]", "[\\]\\\\]", "[^\\n]", "[\\x{1F600}-\\x{1F64F}]", "[K-S]", "[[:alnum:]_]",
    ]
    static let quantifiers = ["", "", "", "?", "*", "+", "{2}", "{1,3}", "{0,2}", "{2,}", "{0}", "{1}"]
    static let modes = ["", "", "", "?", "+"]

    static func regex(_ rng: inout SeededGenerator) -> String {
        var names = 0
        var text = ""
        if Int.random(in: 0..<6, using: &rng) == 0 { text += ["^", "\\A"].randomElement(using: &rng)! }
        if Int.random(in: 0..<6, using: &rng) == 0 { text += "(?i)" }
        text += alternation(depth: 0, names: &names, &rng)
        if Int.random(in: 0..<6, using: &rng) == 0 { text += ["$", "\\z", "\\Z"].randomElement(using: &rng)! }
        return text
    }

    private static func alternation(depth: Int, names: inout Int, _ rng: inout SeededGenerator) -> String {
        let count = Int.random(in: 0..<4, using: &rng) == 0 ? Int.random(in: 2...3, using: &rng) : 1
        return (0..<count).map { _ in sequence(depth: depth, names: &names, &rng) }.joined(separator: "|")
    }

    private static func sequence(depth: Int, names: inout Int, _ rng: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            if Int.random(in: 0..<20, using: &rng) == 0 { text += "(?i)" }
            if Int.random(in: 0..<40, using: &rng) == 0 { text += ["^", "$", "\\z"].randomElement(using: &rng)! }
            text += atom(depth: depth, names: &names, &rng)
            let quantifier = quantifiers.randomElement(using: &rng)!
            if !quantifier.isEmpty { text += quantifier + modes.randomElement(using: &rng)! }
        }
        return text
    }

    private static func atom(depth: Int, names: inout Int, _ rng: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0...3: return literals.randomElement(using: &rng)!
        case 4...6: return classes.randomElement(using: &rng)!
        default:
            guard depth < 3 else { return literals.randomElement(using: &rng)! }
            names += 1
            let opens = ["(", "(?:", "(?<g\(names)>", "(?'g\(names)'", "(?P<g\(names)>", "(?i:"]
            let open = opens.randomElement(using: &rng)!
            return open + alternation(depth: depth + 1, names: &names, &rng) + ")"
        }
    }

    /// Characters for random subjects.
    static let alphabet: [String] = [
        "a", "b", "c", "k", "s", "K", "S", "A", "z", "0", "1", "9", "-", "_", " ", ".", "é", "ü", "€", "\u{212A}",
        "\u{017F}", "\n", "\t", "\u{1D}", "😀", "]", "#", "{", "}", ",", "2", "%", "\\", "*",
    ]

    static func subject(_ rng: inout SeededGenerator, maxLength: Int = 8) -> String {
        (0..<Int.random(in: 0...maxLength, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
    }

    /// `text` with one character replaced, dropped or inserted.
    static func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        var characters = text.unicodeScalars.map { String($0) }
        let position = Int.random(in: 0...characters.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0 where position < characters.count: characters[position] = alphabet.randomElement(using: &rng)!
        case 1 where position < characters.count: characters.remove(at: position)
        default: characters.insert(alphabet.randomElement(using: &rng)!, at: position)
        }
        return characters.joined()
    }
}
