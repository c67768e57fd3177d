// The parser of the analysable PCRE2 dialect (see PatternAnalysis.md): literals and escapes, classes, groups,
// alternation, greedy/lazy/possessive quantifiers, `(?i)` / `(?i:…)` and the anchors. Anything else throws an
// OpaqueReason naming the construct. Semantics follow PCRE2 10.42 in UTF mode without UCP, compiled with
// PCRE2_ANCHORED | PCRE2_ENDANCHORED, as CompiledRegex does.
//
// Files: this one (grammar: alternation, sequence, groups, quantifiers), `+Classes` (bracketed classes),
// `+Escapes` (backslash escapes and hex), RegexNode+Checks (possessive and `$` exactness).

/// Parses one regex of the analysable dialect into a ``RegexNode`` tree.
struct DialectParser {
    let bytes: [UInt8]
    var index = 0
    /// `(?i)` in effect: carries over `|` inside a group, restored when the group closes (as in PCRE2).
    var caseless = false
    /// Set when `$` or `\Z` was read: exact only when the pattern cannot match a newline (checked after parsing).
    var sawDollar: Int?
    /// Set when a possessive quantifier was read: only then can the possessive check reject the tree.
    var sawPossessive = false

    init(_ regex: String) { bytes = Array(regex.utf8) }

    /// The tree of `regex`, or why it is opaque.
    static func parse(_ regex: String) throws(OpaqueReason) -> RegexNode {
        var parser = DialectParser(regex)
        let tree = try parser.alternation()
        if parser.index < parser.bytes.count {
            throw OpaqueReason("unbalanced )", at: parser.index)
        }
        if let offset = parser.sawDollar, tree.alphabet.contains(0x0A) {
            // `$`/`\Z` also match before a final newline: exact only when nothing in the pattern can match one.
            throw OpaqueReason("$ or \\Z in a pattern that can match a newline", at: offset)
        }
        if parser.sawPossessive { try tree.checkPossessives() }
        return tree
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    func peek(at offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    func has(_ text: StaticString) -> Bool {
        // StaticString: no allocation per call (the grammar asks this before every atom).
        text.withUTF8Buffer { utf8 in
            guard index + utf8.count <= bytes.count else { return false }
            for k in 0..<utf8.count where bytes[index + k] != utf8[k] { return false }
            return true
        }
    }

    // MARK: Grammar

    mutating func alternation() throws(OpaqueReason) -> RegexNode {
        var branches = [try sequence()]
        while peek == UInt8(ascii: "|") {
            index += 1
            branches.append(try sequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func sequence() throws(OpaqueReason) -> RegexNode {
        var parts: [RegexNode] = []
        while let byte = peek, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
            if has("(?i)") {
                caseless = true
                index += 4
                continue
            }
            let start = index
            let atom = try self.atom()
            parts.append(try quantified(atom, at: start))
        }
        return parts.count == 1 ? parts[0] : parts.isEmpty ? .empty : .sequence(parts)
    }

    private mutating func atom() throws(OpaqueReason) -> RegexNode {
        let start = index
        guard let byte = peek else { return .empty }
        switch byte {
        case UInt8(ascii: "("): return try group()
        case UInt8(ascii: "["): return try characterClass()
        case UInt8(ascii: "\\"): return try escape()
        case UInt8(ascii: "."):
            index += 1
            return .characters(ScalarSet.newline.inverted())
        case UInt8(ascii: "^"):
            index += 1
            return .startAnchor
        case UInt8(ascii: "$"):
            index += 1
            sawDollar = sawDollar ?? start
            return .endAnchor
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
            throw OpaqueReason("quantifier without an item before it", at: start)
        case UInt8(ascii: "{"):
            if braceCounts() != nil { throw OpaqueReason("quantifier without an item before it", at: start) }
            index += 1
            return try literal(0x7B, at: start)   // PCRE2 10.42: a `{` that starts no quantifier is literal
        default:
            let scalar = try decodeScalar()
            return try literal(scalar, at: start)
        }
    }

    /// A literal scalar, folded when `(?i)` is in effect.
    mutating func literal(_ scalar: UInt32, at offset: Int) throws(OpaqueReason) -> RegexNode {
        .characters(try folded(ScalarSet(scalar: scalar), at: offset))
    }

    /// `set` closed under caseless matching when `(?i)` is in effect.
    func folded(_ set: ScalarSet, at offset: Int) throws(OpaqueReason) -> ScalarSet {
        guard caseless else { return set }
        guard set.isASCII else {
            throw OpaqueReason("(?i) with a non-ASCII character (Unicode case folding)", at: offset)
        }
        return set.caselessClosure()
    }

    /// Decodes the UTF-8 scalar at `index` (the regex is a Swift string, so it is valid UTF-8).
    mutating func decodeScalar() throws(OpaqueReason) -> UInt32 {
        // A regex PCRE2 rejects (`[a-` …) may end where a character is due.
        guard index < bytes.count else { throw OpaqueReason("the regex ends where a character is due", at: index) }
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { throw OpaqueReason("truncated UTF-8", at: index) }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        index += length
        return value
    }

    // MARK: Groups

    private mutating func group() throws(OpaqueReason) -> RegexNode {
        let start = index
        index += 1
        var name: String?
        var capturing = true
        let saved = caseless
        if peek == UInt8(ascii: "*") { throw OpaqueReason("backtracking verb or option (*…)", at: start) }
        if peek == UInt8(ascii: "?") {
            index += 1
            capturing = false
            if has(":") {
                index += 1
            } else if has("i:") {
                index += 2
                caseless = true
            } else if has("<"), let next = peek(at: 1), next != UInt8(ascii: "="), next != UInt8(ascii: "!") {
                index += 1
                name = try groupName(until: UInt8(ascii: ">"))
            } else if has("'") {
                index += 1
                name = try groupName(until: UInt8(ascii: "'"))
            } else if has("P<") {
                index += 2
                name = try groupName(until: UInt8(ascii: ">"))
            } else {
                throw OpaqueReason(Self.describeGroup(Array(bytes[index...].prefix(3))), at: start)
            }
            capturing = name != nil
        }
        let inner = try alternation()
        guard peek == UInt8(ascii: ")") else { throw OpaqueReason("missing )", at: start) }
        index += 1
        caseless = saved
        return .group(inner, name: name, capturing: capturing)
    }

    private mutating func groupName(until terminator: UInt8) throws(OpaqueReason) -> String {
        let start = index
        while let b = peek, b == UInt8(ascii: "_") || Self.isAlphanumeric(b) {
            index += 1
        }
        guard index > start, bytes[start] < 0x30 || bytes[start] > 0x39, peek == terminator else {
            throw OpaqueReason("group name that is not ASCII letters, digits and _", at: start)
        }
        index += 1
        return String(decoding: bytes[start..<index - 1], as: UTF8.self)
    }

    /// What a `(?…` construct outside the dialect is, for the opaque reason.
    static func describeGroup(_ head: [UInt8]) -> String {
        let text = String(decoding: head, as: UTF8.self)
        if text.hasPrefix("=") { return "lookahead (?=…)" }
        if text.hasPrefix("!") { return "negative lookahead (?!…)" }
        if text.hasPrefix("<=") || text.hasPrefix("<!") { return "lookbehind (?<=…) / (?<!…)" }
        if text.hasPrefix(">") { return "atomic group (?>…)" }
        if text.hasPrefix("|") { return "branch reset group (?|…)" }
        if text.hasPrefix("(") { return "conditional group (?(…)…)" }
        if text.hasPrefix("#") { return "comment (?#…)" }
        if text.hasPrefix("P=") || text.hasPrefix("P>") || text.hasPrefix("&") {
            return "named backreference or recursion"
        }
        if text.hasPrefix("R") || text.first?.isNumber == true || text.hasPrefix("+") || text.hasPrefix("-")
            && text.dropFirst().first?.isNumber == true
        {
            return "recursion or subroutine call"
        }
        if text.hasPrefix("C") { return "callout (?C…)" }
        return "option setting other than (?i) / (?i:…)"
    }

    // MARK: Quantifiers

    private mutating func quantified(_ atom: RegexNode, at start: Int) throws(OpaqueReason) -> RegexNode {
        guard let byte = peek else { return atom }
        let low: Int
        let high: Int?
        switch byte {
        case UInt8(ascii: "?"): low = 0; high = 1; index += 1
        case UInt8(ascii: "*"): low = 0; high = nil; index += 1
        case UInt8(ascii: "+"): low = 1; high = nil; index += 1
        case UInt8(ascii: "{"):
            guard let (l, h, end) = braceCounts() else { return atom }   // a literal `{` follows
            guard l <= 65535, (h ?? l) <= 65535, (h ?? l) >= l else {
                throw OpaqueReason("{} quantifier out of order or above 65535", at: index)
            }
            low = l; high = h; index = end
        default:
            return atom
        }
        switch atom {
        case .startAnchor, .endAnchor: throw OpaqueReason("quantified anchor", at: start)
        default: break
        }
        var possessive = false
        if peek == UInt8(ascii: "?") {
            index += 1
        } else if peek == UInt8(ascii: "+") {
            index += 1
            possessive = true
            sawPossessive = true
        }
        if let next = peek, next == UInt8(ascii: "?") || next == UInt8(ascii: "*") || next == UInt8(ascii: "+")
            || (next == UInt8(ascii: "{") && braceCounts() != nil)
        {
            throw OpaqueReason("quantifier after a quantifier", at: index)
        }
        return .repetition(atom, min: low, max: high, possessive: possessive)
    }

    /// `{n}`, `{n,}` or `{n,m}` at `index` exactly as PCRE2 10.42 reads them (digits only, no spaces): the counts
    /// and the index after `}`; `nil` when the brace starts no quantifier (PCRE2 then reads it literally).
    func braceCounts() -> (Int, Int?, Int)? {
        var cursor = index + 1
        func number() -> Int? {
            let start = cursor
            var value = 0
            while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
                value = min(value * 10 + Int(bytes[cursor] - 0x30), 1 << 20)
                cursor += 1
            }
            return cursor > start ? value : nil
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{"), let low = number(), cursor < bytes.count
        else { return nil }
        var high: Int? = low
        if bytes[cursor] == UInt8(ascii: ",") {
            cursor += 1
            high = number()
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "}") else { return nil }
        return (low, high, cursor + 1)
    }
}
