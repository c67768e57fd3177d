// Overlap detection against brute force: small random registries over a reduced alphabet, every string up to the
// patterns' length enumerated and judged by PCRE2 and the check algorithms; the finder must agree on every pair.
import Testing
@testable import UIMRouter
@testable import UIMRegistry
@testable import UIMRouting
@testable import UIMRegistryTools
@testable import UIMRouterTestSupport

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
                    specs.append(TestRegistry.pattern("P\(p)-\(k)", "P\(p)", regex, check: check, from: from, until: until))
                }
            }
            let registry = TestRegistry.make(specs)
            let finder = ConflictFinder(registry: registry)
            finder.searchBudget = 20_000   // more than the 19,607 enumerated strings: the shortlex search is exhaustive
            let findings = finder.conflicts()
            let matchers = specs.map { CheckedMatcher($0)! }
            let verdicts = matchers.map { matcher in Self.strings.map { matcher.verdict(Array($0.utf8)) } }
            let router = try Router(registry: registry)
            for i in specs.indices {
                for j in specs.indices where i < j && specs[i].party != specs[j].party {
                    let finding = findings.first { $0.a.pattern == specs[i].id && $0.b.pattern == specs[j].id }
                    let a = PatternProfile(index: i, spec: specs[i]), b = PatternProfile(index: j, spec: specs[j])
                    guard a.validityIntersects(b) else {
                        #expect(finding == nil, "disjoint validity reported: \(specs[i].regex) / \(specs[j].regex)")
                        continue
                    }
                    pairsCompared += 1
                    Self.judge(finding, verdicts[i], verdicts[j], matchers[i], matchers[j])
                    guard let finding else { continue }
                    kinds[finding.kind, default: 0] += 1
                    if finding.kind == .overlap { AnalysisFixtures.expectRoutesAmbiguous(finding, router: router) }
                }
            }
        }
        #expect(pairsCompared >= 100)
        #expect(kinds[.overlap, default: 0] >= 20, "\(kinds)")
        #expect(kinds[.checkSeparated, default: 0] >= 3, "\(kinds)")
    }

    /// Compares the finder's finding for one pair with the brute force's verdicts on every enumerated string.
    ///
    /// The finder's witness is the shortlex-smallest over all strings; the brute force sees only the alphabet up to
    /// `maxLength`. They must be equal when the witness lies in the alphabet, and the witness never larger.
    static func judge(_ finding: ConflictFinding?, _ verdictsA: [CheckedMatcher.Verdict],
                      _ verdictsB: [CheckedMatcher.Verdict], _ matcherA: CheckedMatcher, _ matcherB: CheckedMatcher) {
        var regexBoth: String?
        var fullBoth: String?
        for (k, text) in strings.enumerated() {
            guard case .match(let passA) = verdictsA[k], case .match(let passB) = verdictsB[k] else { continue }
            regexBoth = regexBoth ?? text
            if passA && passB { fullBoth = fullBoth ?? text }
        }
        func agrees(_ witness: String, _ expected: String) -> Bool {
            inAlphabet(witness) ? witness == expected : shortlexLess(witness, expected)
        }
        let context = "\(matcherA.spec.regex) \(matcherA.spec.check?.algorithm.rawValue ?? "") / "
            + "\(matcherB.spec.regex) \(matcherB.spec.check?.algorithm.rawValue ?? "")"
        if let fullBoth {
            #expect(finding?.kind == .overlap && agrees(finding!.witness, fullBoth),
                    "\(context): expected overlap \(fullBoth), got \(String(describing: finding))")
        } else if let regexBoth {
            let separated = finding?.kind == .checkSeparated && agrees(finding!.witness, regexBoth)
            let beyond = finding?.kind == .overlap && !inAlphabet(finding!.witness)
            #expect(separated || beyond,
                    "\(context): expected check-separated \(regexBoth), got \(String(describing: finding))")
        } else if let finding {
            #expect(!inAlphabet(finding.witness), "\(context): brute force found none, finder \(finding)")
        }
        if let finding {
            let bytes = Array(finding.witness.utf8)
            if case .match = matcherA.verdict(bytes), case .match = matcherB.verdict(bytes) {} else {
                Issue.record("\(context): witness \(finding.witness.debugDescription) does not match both regexes")
            }
        }
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
