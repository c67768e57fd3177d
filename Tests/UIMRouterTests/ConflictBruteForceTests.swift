// Overlap detection against brute force: small random registries over a reduced alphabet, every string up to the
// patterns' length enumerated and judged by PCRE2 and the check algorithms; the finder must agree on every pair.
import Testing
@testable import UIMRouter

@Suite("Conflict finder agrees with brute force")
struct ConflictBruteForceTests {
    static let alphabet = Array("0159ABa").map(String.init)
    static let maxLength = 5
    static let pieces = ["0", "1", "A", "a", "B", "[01]", "[AB]", "[059]", "[0159]", "(?i:a)", "[^0-9B]", "\\d"]
    static let quantifiers = ["", "", "", "?", "{2}", "{1,2}", "{0,2}", "*", "+"]

    /// A random regex over the reduced alphabet (`[^0-9B]` and `\d` can match outside it: the brute force then
    /// sees only part of the language, and the test allows the finder a longer or non-alphabet witness).
    static func regex(_ rng: inout SeededGenerator) -> (String, CheckAlgorithm?) {
        var parts: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            var piece = pieces.randomElement(using: &rng)!
            if Int.random(in: 0..<5, using: &rng) == 0 { piece = "(?:\(piece)|\(pieces.randomElement(using: &rng)!))" }
            parts.append(piece + quantifiers.randomElement(using: &rng)!)
        }
        if Int.random(in: 0..<3, using: &rng) == 0 {
            let algorithm = [CheckAlgorithm.gs1Mod10, .luhn, .damm, .verhoeff].randomElement(using: &rng)!
            parts.append("(?<payload>[0159]{1,2})(?<check>[0159])")
            return (parts.joined(), algorithm)
        }
        return (parts.joined(), nil)
    }

    static let strings: [String] = {
        var all = [""]
        var layer = [""]
        for _ in 0..<maxLength {
            layer = layer.flatMap { prefix in alphabet.map { prefix + $0 } }
            all += layer
        }
        return all.filter { !$0.isEmpty }
    }()

    @Test("conflicts equal brute force on 30 random registries")
    func agreesWithBruteForce() throws {
        var rng = SeededGenerator(seed: 0xB2_07E)
        var kinds: [ConflictFinding.Kind: Int] = [:]
        var pairsCompared = 0
        for _ in 0..<30 {
            var specs: [PatternSpec] = []
            for p in 0..<3 {
                for k in 0..<Int.random(in: 1...3, using: &rng) {
                    let (regex, check) = Self.regex(&rng)
                    let from = Int.random(in: 0..<4, using: &rng) == 0 ? "2024-01-01" : nil
                    let until = Int.random(in: 0..<4, using: &rng) == 0 ? "2023-12-31" : nil
                    specs.append(AnalysisFixtures.spec("P\(p)-\(k)", "P\(p)", regex, check: check, from: from, until: until))
                }
            }
            let registry = AnalysisFixtures.registry(specs)
            let finder = ConflictFinder(registry: registry)
            finder.searchBudget = 20_000   // beyond the 19,607 strings of the alphabet: the shortlex search is exhaustive
            let findings = finder.conflicts()
            let matchers = specs.map { CheckedMatcher($0)! }
            let verdicts = matchers.map { matcher in Self.strings.map { matcher.verdict(Array($0.utf8)) } }
            let router = try Router(registry: registry)
            for i in specs.indices {
                for j in specs.indices where i < j && specs[i].party != specs[j].party {
                    let a = PatternProfile(index: i, spec: specs[i]), b = PatternProfile(index: j, spec: specs[j])
                    let finding = findings.first { $0.a.pattern == specs[i].id && $0.b.pattern == specs[j].id }
                    guard a.validityIntersects(b) else {
                        #expect(finding == nil, "disjoint validity reported: \(specs[i].regex) / \(specs[j].regex)")
                        continue
                    }
                    pairsCompared += 1
                    var regexBoth: String?
                    var fullBoth: String?
                    for (k, text) in Self.strings.enumerated() {
                        guard case .match(let passA) = verdicts[i][k], case .match(let passB) = verdicts[j][k] else { continue }
                        regexBoth = regexBoth ?? text
                        if passA && passB { fullBoth = fullBoth ?? text }
                    }
                    let context = "\(specs[i].regex) \(specs[i].check?.algorithm.rawValue ?? "") / \(specs[j].regex) \(specs[j].check?.algorithm.rawValue ?? "")"
                    // The finder's witness is the shortlex-smallest over all strings; the brute force sees only the
                    // alphabet up to maxLength. Equal when the witness lies in the alphabet; never larger.
                    func agrees(_ witness: String, _ expected: String) -> Bool {
                        Self.inAlphabet(witness) ? witness == expected : Self.shortlexLess(witness, expected)
                    }
                    if let fullBoth {
                        #expect(finding?.kind == .overlap && agrees(finding!.witness, fullBoth),
                                "\(context): expected overlap \(fullBoth), got \(String(describing: finding))")
                    } else if let regexBoth {
                        let separated = finding?.kind == .checkSeparated && agrees(finding!.witness, regexBoth)
                        let beyond = finding?.kind == .overlap && !Self.inAlphabet(finding!.witness)
                        #expect(separated || beyond,
                                "\(context): expected check-separated \(regexBoth), got \(String(describing: finding))")
                    } else if let finding {
                        #expect(!Self.inAlphabet(finding.witness), "\(context): brute force found none, finder \(finding)")
                    }
                    if let finding {
                        let bytes = Array(finding.witness.utf8)
                        let both = (matchers[i].verdict(bytes), matchers[j].verdict(bytes))
                        if case .match = both.0, case .match = both.1 {} else {
                            Issue.record("\(context): witness \(finding.witness.debugDescription) does not match both regexes")
                        }
                    }
                    if let finding {
                        kinds[finding.kind, default: 0] += 1
                        if finding.kind == .overlap { AnalysisFixtures.expectRoutesAmbiguous(finding, router: router) }
                    }
                }
            }
        }
        #expect(pairsCompared >= 100)
        #expect(kinds[.overlap, default: 0] >= 20, "\(kinds)")
        #expect(kinds[.checkSeparated, default: 0] >= 3, "\(kinds)")
    }

    /// Shorter first, then byte order.
    static func shortlexLess(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        return x.count != y.count ? x.count < y.count : x.lexicographicallyPrecedes(y)
    }

    /// `true` when `text` is one of the enumerated strings.
    static func inAlphabet(_ text: String) -> Bool {
        text.count <= maxLength && text.allSatisfy { alphabet.contains(String($0)) }
    }
}
