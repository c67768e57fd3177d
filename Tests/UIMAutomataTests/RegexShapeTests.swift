// The prefix trie's regex summary: exact on the analysable dialect; from the syntax tree when the parser read
// every construct but the automaton is too large; only PCRE2's own facts when the parser does not model a construct.
import Testing
@testable import UIMRouter
@testable import UIMRegex
@testable import UIMAutomata
@testable import UIMRouterTestSupport

@Suite("RegexShape")
struct RegexShapeTests {
    @Test("prefix and byte lengths of plain patterns", arguments: [
        ("KE(?<payload>[0-9A-Z]{12})(?<check>[0-9A-Z])", "KE", 15, 15),
        ("AA(?<serial>[0-9A-Z]{20,40})(?<facility>F[0-9]{6})(?<timestamp>[0-9]{8})", "AA", 37, 57),
        ("01(?<gtin>[0-9]{14})21(?<serial>[!-~]{6,20})", "01", 24, 38),
        ("BB-(?<serial>[0-9]{6})", "BB-", 9, 9),
        ("(?:EU|EX)[0-9]{3}", "E", 5, 5),
        ("QCUKT\\d{3}(?:-[0-9]{2})?", "QCUKT", 8, 11),
        ("A{3}B", "AAAB", 4, 4),
        ("A+B", "A", 2, Int.max),
        ("\\x41\\x{42}C", "ABC", 3, 3),
        ("ÉX", "ÉX", 3, 3),
        ("[^A]B", "", 2, 5),
        ("^AB$", "AB", 2, 2),
    ])
    func plain(regex: String, prefix: String, min: Int, max: Int) {
        let shape = RegexShape(regex: regex)
        #expect(shape.prefix == Array(prefix.utf8))
        #expect(shape.minLength == min)
        #expect((shape.maxLength ?? Int.max) == max)
    }

    /// One regex per PCRE2 construct the dialect parser does not model (issue 11): each must take the parser's
    /// explicit "I don't know" path (opaque, no tree) and get no bound of the parser's own.
    static let unmodelled = [
        "XA(?#c)+", "Y\\QAB\\E+", "[[:<:]]ZZ[0-9]+", "ZZ[[:>:]]", "(*NO_JIT)W[0-9]{3}", "(*UCP)\\w+",
        "(*LIMIT_MATCH=100)A+", "V(?:1(*ACCEPT)|2)3", "A(*COMMIT)B|AC", "A(*PRUNE)B", "A(*SKIP)B", "A(*THEN)B|AC",
        "A(*MARK:m)B", "A(*:m)B", "A(*FAIL)|B", "(?(1)A|B)(C)?", "(?(DEFINE)(?<d>[0-9]))(?&d){3}", "(A)(?1)",
        "(A|B(?R))", "(?<n>A)(?P>n)", "(A)\\g<1>", "(A)\\1", "(?<n>A)\\k<n>", "(?<n>A)(?P=n)", "(A)\\g{-1}",
        "AB\\KC", "(?=R)RD[A-Z]+", "(?!X)[A-Z]{3}", "(?<=A)B|AB", "(?<!A)B", "(*pla:A)A", "(?>A+)B", "(*atomic:A+)B",
        "\\p{Lu}{2}", "\\P{N}", "\\pL", "\\X", "\\R", "\\h", "(?s).", "(?m)^A$", "(?x) A B ", "(?U)A+",
        "(?J)(?<n>A)|(?<n>B)", "(?n)(A)", "(?^)A", "(?-i)A", "(?|(A)|(B))C", "\\G A", "\\o{101}", "\\101", "\\cA",
        "\\N{U+41}", "(?C1)A", "A{,3}(?=B)",
    ]

    @Test("constructs the parser does not model land on its I-don't-know path", arguments: unmodelled)
    func unmodelledConstructIsOpaque(regex: String) throws {
        let analysis = PatternAnalysis(regex: regex)
        #expect(analysis.isOpaque, "\(regex) was analysed")
        #expect(analysis.tree == nil)
        // Nothing but PCRE2's facts: no maximum length, at most one-byte prefixes.
        let shape = RegexShape(analysis: analysis)
        let facts = try #require(PCRE2Facts(regex: regex))
        #expect(shape == RegexShape(facts: facts))
        #expect(shape.maxLength == nil)
        #expect(shape.prefixes.allSatisfy { $0.count <= 1 })
    }

    @Test("the misread constructs of issue 11 keep the UIMs PCRE2 matches", arguments: [
        ("XA(?#c)+", "XAAAA"), ("Y\\QAB\\E+", "YABBBB"), ("[[:<:]]ZZ[0-9]+", "ZZ1234"), ("(*NO_JIT)W[0-9]{3}", "W123"),
        ("(?=[0-9]{10}$)(?<payload>[0-9]{9})(?<check>[0-9])", "0123456789"),
    ])
    func misreadConstructs(regex: String, uim: String) throws {
        let compiled = try CompiledRegex(regex, jit: false)
        var text = uim
        #expect(text.withUTF8 { MatchScratch(maxCaptureCount: compiled.captureCount, limits: MatchLimits()).match(compiled, $0) } == .match)
        let shape = RegexShape(regex: regex)
        #expect(shape.admits(length: uim.utf8.count))
        #expect(shape.prefixes.contains { uim.utf8.starts(with: $0) })
        #expect(text.withUTF8 { shape.hasRequiredByte(in: $0) })
    }

    @Test("a regex read whole but too large for an automaton is bounded by its syntax tree")
    func treeBound() {
        let analysis = PatternAnalysis(regex: "KE(?:[0-9A-Z]*X[0-9A-Z]{12}|Y{2})", stateLimit: 16)
        #expect(analysis.exceedsStateLimit)
        let shape = RegexShape(analysis: analysis)
        #expect(shape.prefix == Array("KE".utf8))
        #expect(shape.minLength == 4)
        #expect(shape.maxLength == nil)
        let fixed = RegexShape(analysis: PatternAnalysis(regex: "QC(?:[A-Z]{3}[0-9]){4}(?:A|BB)", stateLimit: 4))
        #expect(fixed.prefix == Array("QC".utf8))
        #expect(fixed.minLength == 19)
        #expect(fixed.maxLength == 20)
    }

    @Test("PCRE2's facts: first bytes, minimum length, required byte")
    func pcre2Facts() throws {
        let stamp = try #require(PCRE2Facts(regex: "(?=R)RD[A-Z]+X"))
        #expect(stamp.firstBytes == Array("Rr".utf8))
        #expect(stamp.minimumCharacters == 4)
        #expect(stamp.requiredByte == UInt8(ascii: "X"))
        let digits = try #require(PCRE2Facts(regex: "(?!0)[0-9]{3}"))
        #expect(digits.firstBytes == Array("0123456789".utf8))
        #expect(PCRE2Facts(regex: "(*ACCEPT)A")?.minimumCharacters == 0)
        #expect(PCRE2Facts(regex: "(unclosed") == nil)
    }

    @Test("every string PCRE2 matches fits the shape (random plain regexes)")
    func soundAgainstPCRE2() throws {
        var rng = SeededGenerator(seed: 42)
        var checked = 0
        for _ in 0..<300 {
            let (_, patterns) = RandomRegistry.make(&rng)
            for generated in patterns {
                let regex = try CompiledRegex(generated.spec.regex)
                let shape = RegexShape(regex: generated.spec.regex)
                let scratch = MatchScratch(maxCaptureCount: regex.captureCount, limits: MatchLimits())
                for _ in 0..<20 {
                    var uim = generated.sample(&rng)
                    let matched = uim.withUTF8 { scratch.match(regex, $0) == .match }
                    guard matched else { continue }
                    checked += 1
                    #expect(uim.utf8.starts(with: shape.prefix), "\(generated.spec.regex) ~ \(uim)")
                    #expect(shape.admits(length: uim.utf8.count), "\(generated.spec.regex) ~ \(uim)")
                }
            }
        }
        #expect(checked > 5_000)
    }
}
