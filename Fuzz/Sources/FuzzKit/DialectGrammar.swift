// Regexes of the analysable PCRE2 dialect (and just outside it), and subjects rich in the characters where PCRE2's
// semantics are easy to get wrong (case folding of k and s, non-ASCII, newline, GS), for the analyser target.

public enum DialectGrammar {
    static let literals = [
        "a", "b", "k", "s", "K", "S", "z", "0", "1", "9", "-", "_", " ", "é", "€", "😀", "\\.", "\\-", "\\*",
        "\\x41", "\\x6b", "\\x{e9}", "\\x{1F600}", "\\t", "\\n", "#", "\\x1D", "]", "}", "{", "{,2}", "\\Qa.\\E",
        "\\e", "\\0", "\\o{101}", "\\N{U+41}", "\\cA", "ſ", "K", "ß", "\\\\", "\\/", "\\r",
    ]
    static let classes = [
        "\\d", "\\w", "\\s", "\\D", "\\W", "\\S", ".", "[a-c]", "[^a-c]", "[0-9A-Z]", "[[:digit:]]", "[[:^alpha:]]",
        "[[:upper:]]", "[[:lower:]k]", "[^\\d\\s]", "[\\w-]", "[-a]", "[]a]", "[^]]", "[a-z-0]", "[é-ü]", "[^é]",
        "[\\x00-\\x{10FFFF}]", "[k-s]", "[^k]", "[^s]", "[^kx]", "[[:punct:]]", "[[:space:]]", "[^[:upper:]]",
        "[[:^lower:]]", "[%--]", "[\\]\\\\]", "[^\\n]", "[\\x{1F600}-\\x{1F64F}]", "[K-S]", "[[:alnum:]_]", "\\h",
        "\\v", "\\H", "\\R", "\\N", "[\\d-z]", "[a-\\d]", "[\\Qa-\\E]", "\\p{L}", "[[:word:]]", "[[:xdigit:]]",
        "[^\\x00-\\x7F]", "[\\x{80}-\\x{7FF}]", "[[:cntrl:]]", "[[:graph:]]", "[[:print:]]", "[[:blank:]]",
    ]
    static let quantifiers = ["", "", "", "?", "*", "+", "{2}", "{1,3}", "{0,2}", "{2,}", "{0}", "{1}", "{,3}", "{3,1}"]
    static let modes = ["", "", "", "?", "+"]

    /// A regex: mostly of the dialect, sometimes raw bytes.
    public static func regex(_ input: inout FuzzInput) -> String {
        if input.oneIn(6) { return String(decoding: input.data(upTo: 120), as: UTF8.self) }
        var names = 0
        var text = ""
        if input.oneIn(6) { text += input.pick(["^", "\\A"]) }
        if input.oneIn(6) { text += input.pick(["(?i)", "(?-i)", "(?s)", "(?m)", "(?x)", "(?n)"]) }
        text += alternation(&input, depth: 0, names: &names)
        if input.oneIn(6) { text += input.pick(["$", "\\z", "\\Z"]) }
        return text
    }

    private static func alternation(_ input: inout FuzzInput, depth: Int, names: inout Int) -> String {
        let count = input.oneIn(4) ? input.int(2...3) : 1
        return (0..<count).map { _ in sequence(&input, depth: depth, names: &names) }.joined(separator: "|")
    }

    private static func sequence(_ input: inout FuzzInput, depth: Int, names: inout Int) -> String {
        var text = ""
        for _ in 0..<input.int(0...4) {
            if input.oneIn(20) { text += input.pick(["(?i)", "(?-i)"]) }
            if input.oneIn(40) { text += input.pick(["^", "$", "\\z", "\\b", "\\B", "\\G"]) }
            text += atom(&input, depth: depth, names: &names)
            let quantifier = input.pick(quantifiers)
            if !quantifier.isEmpty { text += quantifier + input.pick(modes) }
        }
        return text
    }

    private static func atom(_ input: inout FuzzInput, depth: Int, names: inout Int) -> String {
        switch input.int(0...9) {
        case 0...3: return input.pick(literals)
        case 4...6: return input.pick(classes)
        default:
            guard depth < 3 else { return input.pick(literals) }
            names += 1
            let open = input.pick(["(", "(?:", "(?<g\(names)>", "(?'g\(names)'", "(?P<g\(names)>", "(?i:", "(?>",
                                   "(?|", "(?-i:", "(?=", "(?!"])
            return open + alternation(&input, depth: depth + 1, names: &names) + ")"
        }
    }

    /// Characters for subjects.
    static let alphabet: [String] = [
        "a", "b", "c", "k", "s", "K", "S", "A", "z", "0", "1", "9", "-", "_", " ", ".", "é", "ü", "€", "\u{212A}",
        "\u{017F}", "\n", "\t", "\u{1D}", "😀", "]", "#", "{", "}", ",", "2", "%", "\\", "*", "ß", "\r", "\u{85}",
        "\u{A0}", "\u{0}", "\u{7F}", "\u{1E9E}",
    ]

    /// A subject of up to `maximumLength` characters.
    public static func subject(_ input: inout FuzzInput, maximumLength: Int = 8) -> String {
        (0..<input.int(0...maximumLength)).map { _ in input.pick(alphabet) }.joined()
    }

    /// `text` with one character replaced, dropped or inserted.
    public static func mutate(_ text: String, _ input: inout FuzzInput) -> String {
        var characters = text.unicodeScalars.map { String($0) }
        let position = input.int(0...characters.count)
        switch input.int(0...2) {
        case 0 where position < characters.count: characters[position] = input.pick(alphabet)
        case 1 where position < characters.count: characters.remove(at: position)
        default: characters.insert(input.pick(alphabet), at: position)
        }
        return characters.joined()
    }
}
