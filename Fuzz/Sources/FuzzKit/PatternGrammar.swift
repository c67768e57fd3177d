// Patterns drawn from a grammar of realistic pieces (literal issuer codes, character classes, counted and open
// quantifiers, groups, alternations, optional parts, check-character groups, back references, lookaheads), each
// piece able to produce text it matches, so the UIMs built from them reach every routing outcome. One piece in eleven
// is drawn from the whole PCRE2 syntax (PCRE2SyntaxGenerator), so opaque patterns of every kind meet the index.
@_spi(Fuzzing) import UIMRouter

/// A piece of a generated regex and a way to produce text it matches (from the same fuzzer input).
public struct Piece {
    public var regex: String
    public var sample: (inout FuzzInput) -> String
}

/// A generated pattern and a sampler of UIMs its regex matches (check characters usually right).
public struct GeneratedPattern {
    public var spec: PatternSpec
    public var sample: (inout FuzzInput) -> String
}

public enum PatternGrammar {
    static let digits = Array("0123456789")
    static let upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let lower = Array("abcdefghijklmnopqrstuvwxyz")
    static let printable = (0x21...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }

    /// Character classes with the characters to draw from (a subset is fine: samples only need to match).
    static let classes: [(regex: String, characters: [Character])] = [
        ("[0-9]", digits), ("\\d", digits), ("[A-Z]", upper), ("[0-9A-Z]", digits + upper),
        ("[A-F0-9]", Array("0123456789ABCDEF")), ("[a-z0-9]", lower + digits), ("[!-~]", printable),
        ("\\w", digits + upper + lower + ["_"]), (".", printable + ["É", "€", " "]), ("[^0-9]", upper + ["-", "é"]),
        ("[A-Z\\x1D]", upper + ["\u{1D}"]), ("[\\x{C0}-\\x{FF}]", Array("ÀÉÿñ")), ("[[:alnum:]]", digits + lower),
        ("[A-HJ-NP-Z2-9]", Array("ABCHJKNPZ29")), ("[-A]", ["-", "A"]), ("[ -~]", Array(" AZ~")),
    ]
    /// Literals as written in a regex, and the text they match.
    static let literals: [(regex: String, text: String)] = [
        ("KE", "KE"), ("EU", "EU"), ("UK", "UK"), ("A", "A"), ("B", "B"), ("AB", "AB"), ("AA", "AA"), ("01", "01"),
        ("0", "0"), ("K", "K"), ("QCUKT", "QCUKT"), ("WAAG", "WAAG"), ("É", "É"), ("RD", "RD"), ("-", "-"),
        ("\\.", "."), ("/", "/"), (":", ":"), ("\\x1D", "\u{1D}"), ("€", "€"), ("ß", "ß"), ("]", "]"), ("\\]d2", "]d2"),
        (" ", " "), ("KRA", "KRA"), ("\\Q(x)\\E", "(x)"), ("ke", "ke"), ("k", "k"),
    ]
    static let algorithms = CheckAlgorithm.allCases
    static let days = [nil, "2024-01-01", "2025-06-30", "2026-01-01"].map { $0.flatMap { Day(iso: $0) } }

    static func string(_ characters: [Character], _ count: Int, _ input: inout FuzzInput) -> String {
        String((0..<count).map { _ in input.pick(characters) })
    }

    /// `{n}`, `{n,m}`, `?`, `*`, `+`, `{n,}`, sometimes lazy or possessive; the counts samples may use.
    static func quantifier(_ input: inout FuzzInput) -> (text: String, counts: ClosedRange<Int>) {
        let low = input.int(0...6)
        var result: (String, ClosedRange<Int>)
        switch input.int(0...7) {
        case 0: result = ("?", 0...1)
        case 1: result = ("*", 0...3)
        case 2: result = ("+", 1...3)
        case 3: result = ("{\(low),}", low...(low + 2))
        case 4: let high = low + input.int(0...4); result = ("{\(low),\(high)}", low...high)
        default: result = ("{\(max(low, 1))}", max(low, 1)...max(low, 1))
        }
        if result.0.count > 0, input.oneIn(8) { result.0 += input.bool() ? "?" : "+" }
        return result
    }

    static func classPiece(_ input: inout FuzzInput) -> Piece {
        let alphabet = input.pick(classes)
        let (quantifier, counts) = quantifier(&input)
        return Piece(regex: alphabet.regex + quantifier) { input in
            string(alphabet.characters, input.int(counts), &input)
        }
    }

    static func literalPiece(_ input: inout FuzzInput) -> Piece {
        let literal = input.pick(literals)
        return Piece(regex: literal.regex) { _ in literal.text }
    }

    /// A sequence of atoms: classes, literals and (to `depth` 2) groups with alternations.
    static func sequence(_ input: inout FuzzInput, depth: Int, names: inout Int) -> Piece {
        var pieces: [Piece] = []
        for _ in 0..<input.int(1...3) { pieces.append(atom(&input, depth: depth, names: &names)) }
        return Piece(regex: pieces.map(\.regex).joined()) { input in
            pieces.map { $0.sample(&input) }.joined()
        }
    }

    static func atom(_ input: inout FuzzInput, depth: Int, names: inout Int) -> Piece {
        switch input.int(0...10) {
        case 10:
            // Anything PCRE2 reads (comments, \Q…\E, POSIX word boundaries, verbs, conditionals, recursion,
            // lookarounds, Unicode properties, inline options …), from the differential test's generator.
            var generator = PCRE2SyntaxGenerator(seed: input.seed())
            let (regex, samples) = generator.next(subjects: 3)
            return Piece(regex: "(?:\(regex))") { input in input.pick(samples) }
        case 0...3: return classPiece(&input)
        case 4...5: return literalPiece(&input)
        case 6 where depth < 2:
            // An optional part, as in `(?:-[0-9]{2})?`.
            let inner = sequence(&input, depth: depth + 1, names: &names)
            return Piece(regex: "(?:\(inner.regex))?") { input in input.bool() ? inner.sample(&input) : "" }
        case 7 where depth < 2:
            // A back reference: `(?<fN>…)\k<fN>`.
            names += 1
            let name = "f\(names)"
            let inner = classPiece(&input)
            return Piece(regex: "(?<\(name)>\(inner.regex))\\k<\(name)>") { input in
                let text = inner.sample(&input)
                return text + text
            }
        case 8...9 where depth < 2:
            let alternatives = (0..<input.int(1...3)).map { _ in sequence(&input, depth: depth + 1, names: &names) }
            let open: String
            switch input.int(0...4) {
            case 0: open = "("
            case 1: names += 1; open = "(?<f\(names)>"
            case 2: open = "(?i:"
            case 3: open = "(?>"
            default: open = "(?:"
            }
            let body = alternatives.map(\.regex).joined(separator: "|")
            let quantified = input.oneIn(4)
            let regex = open + body + ")" + (quantified ? "{0,2}" : "")
            return Piece(regex: regex) { input in
                let repeats = quantified ? input.int(0...2) : 1
                return (0..<repeats).map { _ in input.pick(alternatives).sample(&input) }.joined()
            }
        default:
            return classPiece(&input)
        }
    }

    /// A check-character tail: `(?<payload>CLASS{n})(?<check>CLASS{k})` for one of the algorithms.
    static func checkPiece(_ input: inout FuzzInput) -> (piece: Piece, check: CheckSpec) {
        let algorithm = input.pick(algorithms)
        let customNames = input.oneIn(6)
        let payloadName = customNames ? "p" : "payload"
        let digitName = customNames ? "c" : "check"
        let payloadAlphabet = algorithm.payloadAlphabet.map { Character(Unicode.Scalar($0)) }
        let payloadClass: String
        switch algorithm.payloadAlphabet.count {
        case 10: payloadClass = "[0-9]"
        case 26: payloadClass = "[A-Z]"
        default: payloadClass = "[0-9A-Z]"
        }
        let wide = input.oneIn(6)   // a class wider than the alphabet: some payloads must fail verification
        let low = input.int(0...10)
        let high = low + (input.oneIn(3) ? input.int(0...4) : 0)
        let checkAlphabet = algorithm.checkAlphabet.map { Character(Unicode.Scalar($0)) }
        let checkClass: String
        switch algorithm {
        case .iso7064Mod11_2: checkClass = "[0-9X]"
        case .iso7064Mod37_2: checkClass = "[0-9A-Z*]"
        default: checkClass = payloadClass
        }
        let regex = "(?<\(payloadName)>\(wide ? "[0-9A-Za-z]" : payloadClass){\(low),\(high)})"
            + "(?<\(digitName)>\(checkClass){\(algorithm.checkLength)})"
        let piece = Piece(regex: regex) { input in
            let payload = string(wide && input.oneIn(4) ? lower : payloadAlphabet, input.int(low...high), &input)
            if !input.oneIn(5), let check = algorithm.compute(payload: payload) { return payload + check }
            return payload + string(checkAlphabet, algorithm.checkLength, &input)
        }
        return (piece, CheckSpec(algorithm: algorithm, payloadGroup: payloadName, checkCharacterGroup: digitName))
    }

    /// One pattern of `party`.
    public static func pattern(id: String, party: String, _ input: inout FuzzInput) -> GeneratedPattern {
        var names = 0
        var pieces: [Piece] = []
        var check: CheckSpec?
        if input.oneIn(10) {
            // Raw text as a regex: exercises the shape scanner and the trie on whatever PCRE2 accepts.
            let raw = String(decoding: input.data(upTo: 24), as: UTF8.self)
            pieces.append(Piece(regex: raw) { _ in raw })
        } else {
            if input.oneIn(12) { pieces.append(Piece(regex: input.pick(["(?i)", "^", "\\A", "(?i)^"])) { _ in "" }) }
            if !input.oneIn(4) { pieces.append(literalPiece(&input)) }
            if input.oneIn(15) { pieces.append(Piece(regex: "(?=[0-9A-Z])") { _ in "" }) }
            pieces.append(sequence(&input, depth: 0, names: &names))
            if input.oneIn(3) {
                let (piece, spec) = checkPiece(&input)
                pieces.append(piece)
                check = spec
            }
            if input.oneIn(6), let last = pieces.last {
                // A top-level alternation makes the whole pattern prefix-less.
                let alternative = sequence(&input, depth: 1, names: &names)
                pieces[pieces.count - 1] = Piece(regex: last.regex + "|" + alternative.regex, sample: last.sample)
            }
            if input.oneIn(12) { pieces.append(Piece(regex: input.pick(["$", "\\z", "\\Z"])) { _ in "" }) }
        }
        var validFrom = input.pick(days)
        var validUntil = input.pick(days)
        if let from = validFrom, let until = validUntil, until < from { (validFrom, validUntil) = (until, from) }
        let spec = PatternSpec(
            id: id, party: party, regex: pieces.map(\.regex).joined(), check: check, validFrom: validFrom,
            validUntil: validUntil, location: SourceLocation(file: "\(party).yaml", line: 1, column: 1))
        return GeneratedPattern(spec: spec) { input in pieces.map { $0.sample(&input) }.joined() }
    }

    /// A registry of 1–4 Parties with 1–6 patterns in all.
    public static func registry(_ input: inout FuzzInput) -> (registry: Registry, patterns: [GeneratedPattern]) {
        let codes = Array(["KE", "EU", "P2", "P3"].prefix(input.int(1...4)))
        var patterns: [GeneratedPattern] = []
        for k in 0..<input.int(1...6) {
            let party = input.pick(codes)
            patterns.append(pattern(id: "\(party)-\(k)", party: party, &input))
        }
        let parties = codes.map {
            Party(code: $0, name: "Party \($0)", protocolParty: true,
                  location: SourceLocation(file: "\($0).yaml", line: 1, column: 1))
        }
        do {
            return (try Registry(parties: parties, patterns: patterns.map(\.spec)), patterns)
        } catch {
            preconditionFailure("the grammar's registry has one Party per code and unique ids: \(error)")
        }
    }

    /// A UIM: a pattern's sample, a near miss of one, a scanner-style decoration of one, or raw bytes.
    public static func uim(for patterns: [GeneratedPattern], _ input: inout FuzzInput) -> String {
        var uim = input.pick(patterns).sample(&input)
        switch input.int(0...11) {
        case 0 where !uim.isEmpty:
            var characters = Array(uim)
            characters[input.int(0...(characters.count - 1))] = input.pick(printable + ["é", "\u{1D}"])
            uim = String(characters)
        case 1 where !uim.isEmpty:
            var characters = Array(uim)
            characters.remove(at: input.int(0...(characters.count - 1)))
            uim = String(characters)
        case 2:
            var characters = Array(uim)
            characters.insert(input.pick(printable + ["É"]), at: input.int(0...characters.count))
            uim = String(characters)
        case 3:
            uim = String(decoding: input.data(upTo: 40), as: UTF8.self)
        case 4:
            uim = input.pick(["]d2", "]Q3", "]C1", " ", "\t", "]", "]d"]) + uim + input.pick([" ", "", "\r", "\n"])
        case 5:
            uim = input.bool() ? uim.lowercased() : uim.uppercased()
        case 6:
            uim += input.pick(patterns).sample(&input)
        default:
            break
        }
        return uim
    }
}
