// Random regexes over the whole PCRE2 syntax, not only the analysable dialect: comments, `\Q…\E`, POSIX classes and
// word-boundary brackets, start-of-pattern verbs, backtracking verbs, conditionals, recursion and subroutine calls,
// backreferences, `\K`, lookarounds, atomic groups, possessive and lazy quantifiers, Unicode properties, inline
// option changes. Each regex comes with a sampler of text near its language (what it would match if every construct
// behaved plainly), which the differential check then keeps or mutates. The opaque-pattern differential test and the
// `opaque` fuzz target both draw from it.
import UIMAutomata

/// A generator of random PCRE2 regexes and of subjects near their languages.
@_spi(Fuzzing)
public struct PCRE2SyntaxGenerator {
    /// A generated piece: its regex text, and a sampler of text it matches (given what earlier groups captured).
    struct Piece {
        var regex: String
        var sample: (inout SplitMix, inout Captures) -> String
    }

    /// The text each capturing group captured so far, by number and by name.
    struct Captures {
        var byNumber: [Int: String] = [:]
        var byName: [String: String] = [:]
    }

    private var rng: SplitMix
    /// Capturing groups opened so far in the current regex: number, name, and their samplers (for calls).
    private var groups: [(number: Int, name: String?, sample: (inout SplitMix, inout Captures) -> String)] = []
    private var groupCount = 0
    private var nameCount = 0

    /// A generator whose output depends only on `seed`.
    public init(seed: UInt64) { rng = SplitMix(seed: seed) }

    /// A random regex and `count` subjects near its language: samples of it and mutations of them.
    public mutating func next(subjects count: Int) -> (regex: String, subjects: [String]) {
        groups = []
        groupCount = 0
        nameCount = 0
        var pieces: [Piece] = []
        if chance(4) { pieces.append(Piece(regex: pick(Self.startVerbs)) { _, _ in "" }) }
        pieces.append(alternation(depth: 0))
        let whole = concatenate(pieces)
        var subjects: [String] = []
        while subjects.count < count {
            var captures = Captures()
            let sample = whole.sample(&rng, &captures)
            subjects.append(sample)
            if subjects.count < count, chance(2) { subjects.append(mutate(sample)) }
        }
        return (whole.regex, subjects)
    }

    /// Mutations of `subject`: one character replaced, dropped, inserted or duplicated, the case of letters swapped,
    /// the text cut short or extended.
    public mutating func mutate(_ subject: String) -> String {
        var characters = Array(subject)
        let noise = Self.noise
        switch Int.random(in: 0..<7, using: &rng) {
        case 0 where !characters.isEmpty:
            characters[Int.random(in: 0..<characters.count, using: &rng)] = noise.randomElement(using: &rng)!
        case 1 where !characters.isEmpty:
            characters.remove(at: Int.random(in: 0..<characters.count, using: &rng))
        case 2:
            characters.insert(noise.randomElement(using: &rng)!,
                              at: Int.random(in: 0...characters.count, using: &rng))
        case 3 where !characters.isEmpty:
            let k = Int.random(in: 0..<characters.count, using: &rng)
            characters.insert(characters[k], at: k)
        case 4:
            characters = Array(characters.map { $0.isUppercase ? $0.lowercased() : $0.uppercased() }.joined())
        case 5 where !characters.isEmpty:
            characters.removeLast(Int.random(in: 1...characters.count, using: &rng))
        default:
            characters += Array(String((0..<Int.random(in: 1...3, using: &rng)).map { _ in noise.randomElement(using: &rng)! }))
        }
        return String(characters)
    }

    // MARK: Grammar

    private mutating func alternation(depth: Int) -> Piece {
        var branches = [sequence(depth: depth)]
        while branches.count < 3, chance(depth == 0 ? 6 : 3) { branches.append(sequence(depth: depth)) }
        guard branches.count > 1 else { return branches[0] }
        return Piece(regex: branches.map(\.regex).joined(separator: "|")) { rng, captures in
            branches.randomElement(using: &rng)!.sample(&rng, &captures)
        }
    }

    private mutating func sequence(depth: Int) -> Piece {
        var pieces: [Piece] = []
        for _ in 0..<Int.random(in: 1...(depth == 0 ? 5 : 3), using: &rng) {
            pieces.append(quantified(atom(depth: depth)))
        }
        return concatenate(pieces)
    }

    private func concatenate(_ pieces: [Piece]) -> Piece {
        Piece(regex: pieces.map(\.regex).joined()) { rng, captures in
            var text = ""
            for piece in pieces { text += piece.sample(&rng, &captures) }
            return text
        }
    }

    private mutating func quantified(_ atom: Piece) -> Piece {
        guard chance(3) else { return atom }
        let low = Int.random(in: 0...3, using: &rng)
        let high = low + Int.random(in: 0...3, using: &rng)
        var (text, counts): (String, ClosedRange<Int>) = switch Int.random(in: 0..<7, using: &rng) {
        case 0: ("?", 0...1)
        case 1: ("*", 0...3)
        case 2: ("+", 1...3)
        case 3: ("{\(low)}", low...low)
        case 4: ("{\(low),}", low...(low + 2))
        case 5: ("{,\(high)}", 1...1)   // PCRE2 10.42 reads `{,n}` as literal text
        default: ("{\(low),\(high)}", low...high)
        }
        if counts == 1...1 {
            return Piece(regex: atom.regex + text) { rng, captures in atom.sample(&rng, &captures) + text }
        }
        if chance(4) { text += Bool.random(using: &rng) ? "?" : "+" }
        return Piece(regex: atom.regex + text) { rng, captures in
            var result = ""
            for _ in 0..<Int.random(in: counts, using: &rng) { result += atom.sample(&rng, &captures) }
            return result
        }
    }

    private mutating func atom(depth: Int) -> Piece {
        let roll = Int.random(in: 0..<100, using: &rng)
        switch roll {
        case 0..<22: return literal()
        case 22..<38: return characterClass()
        case 38..<42: return quoted()
        case 42..<46: return Piece(regex: "(?#" + pick(["c", "a comment", "(x"]) + ")") { _, _ in "" }
        case 46..<50: return Piece(regex: pick(Self.assertions)) { _, _ in "" }
        case 50..<53: return Piece(regex: pick(Self.inlineOptions)) { _, _ in "" }
        case 53..<56: return Piece(regex: pick(Self.backtrackingVerbs)) { _, _ in "" }
        case 56..<60: return backreference() ?? literal()
        case 60..<63: return call() ?? literal()
        default:
            guard depth < 3 else { return literal() }
            return group(depth: depth + 1)
        }
    }

    private mutating func literal() -> Piece {
        let (regex, text) = pick(Self.literals)
        return Piece(regex: regex) { _, _ in text }
    }

    private mutating func characterClass() -> Piece {
        let (regex, members) = pick(Self.classes)
        return Piece(regex: regex) { rng, _ in members.isEmpty ? "" : String(members.randomElement(using: &rng)!) }
    }

    private mutating func quoted() -> Piece {
        let text = pick(["AB", "A.B", "(x)", "a|b", "*", "", "\\", "É"])
        return Piece(regex: "\\Q" + text + (chance(5) ? "" : "\\E")) { _, _ in text }
    }

    private mutating func group(depth: Int) -> Piece {
        let inner = alternation(depth: depth)
        switch Int.random(in: 0..<16, using: &rng) {
        case 0, 1, 2: return capture(inner, named: false)
        case 3, 4: return capture(inner, named: true)
        case 5, 6: return Piece(regex: "(?:" + inner.regex + ")", sample: inner.sample)
        case 7: return Piece(regex: pick(["(?>", "(*atomic:"]) + inner.regex + ")", sample: inner.sample)
        case 8: return Piece(regex: pick(Self.scopedOptions) + inner.regex + ")", sample: inner.sample)
        case 9: return Piece(regex: "(?|" + inner.regex + "|" + literal().regex + ")", sample: inner.sample)
        case 10:
            let kind = pick(["(?=", "(?!", "(*pla:", "(*nla:", "(*positive_lookahead:"])
            return Piece(regex: kind + inner.regex + ")") { _, _ in "" }
        case 11:
            // Lookbehinds must have a bounded length: use a literal.
            let (regex, _) = pick(Self.literals)
            return Piece(regex: pick(["(?<=", "(?<!", "(*plb:", "(*nlb:"]) + regex + ")") { _, _ in "" }
        case 12, 13: return conditional(inner)
        case 14:
            let name = "d\(nameCount)"
            nameCount += 1
            let defined = Piece(regex: "(?<\(name)>" + inner.regex + ")", sample: inner.sample)
            groupCount += 1
            groups.append((groupCount, name, inner.sample))
            return Piece(regex: "(?(DEFINE)" + defined.regex + ")(?&\(name))", sample: inner.sample)
        default:
            return Piece(regex: "(" + inner.regex + ")", sample: inner.sample)
        }
    }

    private mutating func capture(_ inner: Piece, named: Bool) -> Piece {
        groupCount += 1
        let number = groupCount
        var name: String?
        var open = "("
        if named {
            let chosen = "g\(nameCount)"
            nameCount += 1
            name = chosen
            open = pick(["(?<\(chosen)>", "(?'\(chosen)'", "(?P<\(chosen)>"])
        }
        groups.append((number, name, inner.sample))
        return Piece(regex: open + inner.regex + ")") { rng, captures in
            let text = inner.sample(&rng, &captures)
            captures.byNumber[number] = text
            if let name { captures.byName[name] = text }
            return text
        }
    }

    private mutating func conditional(_ inner: Piece) -> Piece {
        let other = literal()
        if let group = groups.last, chance(2) {
            let condition = group.name.map { pick(["(?(<\($0)>)", "(?('\($0)')", "(?(\($0))"]) } ?? "(?(\(group.number))"
            return Piece(regex: condition + inner.regex + "|" + other.regex + ")") { rng, captures in
                captures.byNumber[group.number] != nil ? inner.sample(&rng, &captures) : other.sample(&rng, &captures)
            }
        }
        let condition = pick(["(?(?=[A-Z])", "(?(?![0-9])", "(?(R)", "(?(?<=A)"])
        return Piece(regex: condition + inner.regex + "|" + other.regex + ")") { rng, captures in
            Bool.random(using: &rng) ? inner.sample(&rng, &captures) : other.sample(&rng, &captures)
        }
    }

    /// A backreference to a group already opened (its text when it captured, else nothing).
    private mutating func backreference() -> Piece? {
        guard let group = groups.randomElement(using: &rng) else { return nil }
        var forms = ["\\\(group.number)", "\\g\(group.number)", "\\g{\(group.number)}",
                     "\\g{-\(groupCount - group.number + 1)}"]
        if let name = group.name { forms += ["\\k<\(name)>", "\\k'\(name)'", "\\k{\(name)}", "(?P=\(name))", "\\g{\(name)}"] }
        return Piece(regex: pick(forms)) { _, captures in captures.byNumber[group.number] ?? "" }
    }

    /// A subroutine call or recursion into a group already opened, or (rarely) the whole pattern.
    private mutating func call() -> Piece? {
        if chance(12) { return Piece(regex: pick(["(?R)", "(?0)"])) { _, _ in "" } }
        guard let group = groups.randomElement(using: &rng) else { return nil }
        var forms = ["(?\(group.number))", "\\g<\(group.number)>", "\\g'\(group.number)'",
                     "(?-\(groupCount - group.number + 1))"]
        if let name = group.name { forms += ["(?&\(name))", "(?P>\(name))", "\\g<\(name)>"] }
        let sample = group.sample
        return Piece(regex: pick(forms)) { rng, captures in
            var scratch = captures   // a call's captures are restored afterwards (PCRE2 semantics)
            return sample(&rng, &scratch)
        }
    }

    // MARK: Tables

    private mutating func chance(_ n: Int) -> Bool { Int.random(in: 0..<n, using: &rng) == 0 }

    private mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &rng)! }

    static let noise = Array("0123456789ABCXYZabcxyz-.É€ _#")

    static let literals: [(String, String)] = [
        ("A", "A"), ("B", "B"), ("K", "K"), ("k", "k"), ("X", "X"), ("0", "0"), ("7", "7"), ("AB", "AB"),
        ("KE", "KE"), ("-", "-"), ("\\.", "."), ("/", "/"), ("É", "É"), ("é", "é"), ("€", "€"), ("ß", "ß"),
        ("\\x41", "A"), ("\\x{42}", "B"), ("\\N{U+43}", "C"), ("\\x{20AC}", "€"), ("#", "#"), (" ", " "),
        ("\\ ", " "), ("\\#", "#"), ("]", "]"), ("}", "}"), ("{", "{"), ("\\-", "-"), ("\\x1D", "\u{1D}"),
        ("\\e", "\u{1B}"), ("\\t", "\t"), ("\\o{101}", "A"), ("\\101", "A"), ("\\cA", "\u{01}"), ("s", "s"),
    ]

    static let classes: [(String, [Character])] = [
        ("[A-Z]", Array("AKZ")), ("[^0-9]", Array("AzÉ-")), ("[a-z0-9]", Array("a9k")), ("[0-9]", Array("09")),
        ("\\d", Array("05")), ("\\w", Array("a_Z9")), ("\\s", [" "]), ("\\D", Array("AÉ")), ("\\W", Array("-€")),
        ("\\S", Array("A€")), ("\\h", [" "]), ("\\H", Array("A")), ("\\v", []), ("\\V", Array("A")),
        ("\\R", []), ("\\N", Array("AÉ")), (".", Array("A€-")), ("\\X", Array("AÉ")),
        ("[[:alpha:]]", Array("Ab")), ("[[:^digit:]]", Array("A-")), ("[[:alnum:][:punct:]]", Array("a1!")),
        ("[[:upper:]]", Array("AZ")), ("[[:xdigit:]]", Array("0fA")), ("[[:<:]]", []), ("[[:>:]]", []),
        ("[\\d-]", Array("5-")), ("[]a]", Array("]a")), ("[^]a]", Array("bZ")), ("[\\Q^]\\E]", Array("^]")),
        ("\\p{L}", Array("aÉ")), ("\\p{Lu}", Array("AÉ")), ("\\P{N}", Array("A-")), ("\\pL", Array("x")),
        ("\\p{Greek}", Array("αΩ")), ("\\p{Xan}", Array("a1")), ("[\\p{Lu}\\d]", Array("A1")),
        ("[\\x{C0}-\\x{FF}]", Array("ÀÿÉ")), ("[K-k]", Array("K_k")), ("\\C", Array("A")),
    ]

    static let assertions = [
        "^", "$", "\\A", "\\z", "\\Z", "\\b", "\\B", "\\G", "\\K", "(*COMMIT)(*F)|", "(*FAIL)|",
    ]

    static let inlineOptions = [
        "(?i)", "(?-i)", "(?s)", "(?m)", "(?x)", "(?xx)", "(?U)", "(?J)", "(?n)", "(?^)", "(?i-s)", "(?^i)",
    ]

    static let scopedOptions = ["(?i:", "(?-i:", "(?s:", "(?x:", "(?^:", "(?n:", "(?U:", "(?im-sx:"]

    static let backtrackingVerbs = [
        "(*ACCEPT)", "(*FAIL)", "(*F)", "(*COMMIT)", "(*PRUNE)", "(*SKIP)", "(*THEN)", "(*MARK:m)", "(*:m)",
        "(*PRUNE:p)", "(*THEN:t)", "(*SKIP:m)",
    ]

    static let startVerbs = [
        "(*NO_JIT)", "(*NO_START_OPT)", "(*NO_AUTO_POSSESS)", "(*NO_DOTSTAR_ANCHOR)", "(*UCP)", "(*UTF)",
        "(*NOTEMPTY)", "(*NOTEMPTY_ATSTART)", "(*LIMIT_MATCH=20000)", "(*LIMIT_DEPTH=500)", "(*CR)", "(*LF)",
        "(*CRLF)", "(*ANYCRLF)", "(*ANY)", "(*NUL)", "(*BSR_ANYCRLF)", "(*BSR_UNICODE)", "(*NO_JIT)(*UCP)",
        "(*LIMIT_HEAP=100)",
    ]
}
