// The dialect parser: what is analysable, what is opaque and why, and PCRE2's corner cases (case folding of k and
// s, `$` before a final newline, literal braces, possessive quantifiers) decided the way PCRE2 decides them.
import Testing
@testable import UIMRouter
@testable import UIMAutomata
@testable import UIMRouterTestSupport

@Suite("Dialect parser")
struct DialectParserTests {
    @Test("the dialect's constructs are analysable", arguments: [
        #"KE(?<payload>[0-9A-Z]{12})(?<check>[0-9A-Z])"#, #"(?'a'x)(?P<b>y)(?:z)(w)"#, #"[[:digit:][:upper:]]{2,}"#,
        #"\d\w\s\D\W\S\t\x41\x{e9}\.\-\\"#, #"(?i)ab(?i:c)"#, #"^a$"#, #"\Aa\z"#, #"a\Z"#, #"a*?b+?c??d{2,3}?"#,
        #"[A-Z]++[0-9]"#, #"\d{3}+"#, #"a{,3}"#, #"x{"#, #"[]a-c-]"#, #"[^]]"#, #".é€"#,
    ])
    func analysable(regex: String) {
        let analysis = PatternAnalysis(regex: regex)
        #expect(analysis.opaqueReason == nil, "\(regex): \(analysis.opaqueReason?.description ?? "")")
    }

    @Test("constructs outside the dialect are opaque, with the reason named", arguments: [
        (#"(?=A)A"#, "lookahead"), (#"(?!A)B"#, "negative lookahead"), (#"(?<=A)B"#, "lookbehind"),
        (#"(a)\1"#, "backreference"), (#"\bA"#, "word boundary"), (#"\p{L}"#, "Unicode property"),
        (#"(?x)a"#, "option setting"), (#"(?>a)"#, "atomic group"), (#"(?(1)a|b)"#, "conditional"),
        (#"(?R)?"#, "recursion"), (#"(*UTF)a"#, "verb"), (#"(?i)é"#, "non-ASCII"), (#"(?:ab)*+"#, "possessive"),
        (#"\d*+\d"#, "possessive"), (#"a$\n?"#, "newline"), (#"\Qa\E"#, "quoting"), (#"\x"#, "hex digits"),
        (#"[\d-z]"#, "character type"),
    ])
    func opaque(regex: String, reason: String) {
        let analysis = PatternAnalysis(regex: regex)
        #expect(analysis.opaqueReason?.message.contains(reason) == true,
                "\(regex): \(analysis.opaqueReason?.description ?? "analysable")")
        #expect(analysis.matches("A") == nil)
    }

    @Test("(?i) folds k and s to the Kelvin sign and long s, as PCRE2 does in UTF mode")
    func caselessFolding() {
        let analysis = PatternAnalysis(regex: "(?i)k[a-s]")
        #expect(analysis.matches("Ka") == true)
        #expect(analysis.matches("\u{212A}\u{017F}") == true)
        #expect(analysis.matches("k\u{212A}") == true)
        #expect(PatternAnalysis(regex: "(?i)[^k]").matches("\u{212A}") == false)
        #expect(PatternAnalysis(regex: "(?i)[[:upper:]]").matches("a") == true)
        #expect(PatternAnalysis(regex: "(?i)\\w").matches("\u{212A}") == false)
    }

    @Test("(?i) lasts to the end of its group and carries over | inside it")
    func caselessScope() {
        let analysis = PatternAnalysis(regex: "(a(?i)b|c)d")
        #expect(analysis.matches("aBd") == true)
        #expect(analysis.matches("Cd") == true)
        #expect(analysis.matches("abD") == false)
        #expect(analysis.matches("Abd") == false)
    }

    @Test("anchors: ^ only at the start, $ only at the end, nothing matches across them")
    func anchors() {
        #expect(PatternAnalysis(regex: "a^b").isEmpty)
        #expect(PatternAnalysis(regex: "$a").isEmpty)
        #expect(PatternAnalysis(regex: "(^a|b)c").matches("bc") == true)
        #expect(PatternAnalysis(regex: "(^a|b)c").matches("ac") == true)
        #expect(PatternAnalysis(regex: "a(b$|c)").matches("ab") == true)
        #expect(PatternAnalysis(regex: "a$").matches("a\n") == false)
    }

    @Test("a brace that starts no quantifier is a literal, as in PCRE2 10.42")
    func literalBraces() {
        #expect(PatternAnalysis(regex: "a{,3}").matches("a{,3}") == true)
        #expect(PatternAnalysis(regex: "a{2").matches("a{2") == true)
        #expect(PatternAnalysis(regex: "a{2}").matches("aa") == true)
    }
}
