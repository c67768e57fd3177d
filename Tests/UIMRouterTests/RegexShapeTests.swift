// The candidate index's regex summary: exact on the plain subset, widened (never narrowed) on anything else.
import Testing
@testable import UIMRouter

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
        ("\\QA.B\\E[0-9]", "A.B", 4, 4),
        ("\\x41\\x{42}C", "ABC", 3, 3),
        ("ÉX", "ÉX", 3, 3),
        ("[^A]B", "", 2, 5),
        ("^AB$", "AB", 2, 2),
        ("(?=[0-9]{10}$)(?<payload>[0-9]{9})(?<check>[0-9])", "", 10, 10),
    ])
    func plain(regex: String, prefix: String, min: Int, max: Int) {
        let shape = RegexShape(regex: regex)
        #expect(shape.prefix == Array(prefix.utf8))
        #expect(shape.minLength == min)
        #expect((shape.maxLength ?? Int.max) == max)
    }

    @Test("the fallback scanner widens anything it does not understand", arguments: [
        "(?i)ee(?<serial>[0-9a-f]{12})",
        "AB|CD",
        "A(?i)b|C",
        "(?|A|B)C",
        "(*UTF)AB",
        "AB(?:C(?i)d|E)",
    ])
    func widened(regex: String) {
        // The scanner is the fallback for patterns the dialect analyser calls opaque.
        var scanner = ShapeScanner(Array(regex.utf8))
        let shape = scanner.shape()
        #expect(shape.prefix.isEmpty)
        #expect(shape.maxLength == nil || regex == "AB|CD")
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
