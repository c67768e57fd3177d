// Target 3, analysis. Part one: a random regex of the analysable dialect (sometimes raw bytes) and random subjects
// (also drawn from the automaton, and near misses of those): whenever the analyser calls a regex analysable, its
// automaton must accept exactly what PCRE2 matches. Part two: a registry of two or three patterns of different
// Parties: every overlap the ConflictFinder reports must be real (its witness routes as ambiguous, or for
// `check-separated` matches both regexes), and every subject seen to match two analysable patterns of different
// Parties must have been found, no shorter than the reported witness when no check is involved.
import FuzzKit
@_spi(Fuzzing) import UIMRouter

let analysisDay = Day(iso: "2026-06-01")!

func fuzzAutomaton(_ input: inout FuzzInput) {
    let text = DialectGrammar.regex(&input)
    guard let pcre = FuzzingRegex(text) else { return }
    let analysis = PatternAnalysis(regex: text)
    guard !analysis.isOpaque else { return }
    var subjects = (0..<input.int(1...6)).map { _ in DialectGrammar.subject(&input) }
    var random = FuzzingRandom(seed: input.seed())
    for bytes in analysis.automatonSamples(count: input.int(0...6), maximumLength: 12, using: &random) {
        guard let drawn = String(validating: bytes, as: UTF8.self) else {
            fuzzFailure("automaton of \(text.debugDescription) drew invalid UTF-8 \(bytes)")
        }
        subjects.append(drawn)
        subjects.append(DialectGrammar.mutate(drawn, &input))
    }
    for subject in subjects {
        guard let matched = pcre.wholeMatch(subject) else { continue }
        let accepted = analysis.automatonAccepts(Array(subject.utf8))
        fuzzExpect(accepted == matched,
                   "analyser and PCRE2 disagree: regex \(text.debugDescription) on \(subject.debugDescription): PCRE2 \(matched), automaton \(accepted.map(String.init) ?? "nil")")
    }
}

func fuzzConflicts(_ input: inout FuzzInput) {
    // Two or three patterns, each of its own Party, from the realistic grammar or the dialect grammar.
    var generated: [GeneratedPattern] = []
    for k in 0..<input.int(2...3) {
        let party = ["AA", "BB", "CC"][k]
        var pattern = PatternGrammar.pattern(id: "\(party)-1", party: party, &input)
        pattern.spec.validFrom = nil
        pattern.spec.validUntil = nil
        if input.oneIn(3) {
            pattern.spec.regex = DialectGrammar.regex(&input)
            pattern.spec.check = nil
            let regex = pattern.spec.regex
            pattern.sample = { input in DialectGrammar.subject(&input) + (input.bool() ? regex : "") }
        }
        generated.append(pattern)
    }
    let parties = generated.map {
        Party(code: $0.spec.party, name: $0.spec.party, protocolParty: true, location: $0.spec.location)
    }
    let registry: Registry
    do {
        registry = try Registry(parties: parties, patterns: generated.map(\.spec))
    } catch {
        fuzzExpect(false, "a registry of one pattern per Party was refused: \(error)")
        return
    }
    if fuzzVerbose {
        fuzzLog("registry: \(registry.patterns.map { "\($0.id) \($0.regex.debugDescription) \($0.check.map { "\($0.algorithm)" } ?? "")" })")
    }
    guard let router = try? Router(registry: registry) else { return }
    let finder = ConflictFinder(registry: registry)
    finder.searchBudget = 200
    let findings = finder.conflicts()
    let scratch = router.makeScratch()

    /// The patterns whose regex matches the line (matched, or set aside by a check).
    func regexMatches(_ result: RouteResult) -> Set<String> {
        Set(result.matches.map(\.pattern) + result.rejected.filter { $0.reason == .checkFailed }.map(\.pattern))
    }
    for finding in findings {
        fuzzExpect(finding.a.party != finding.b.party, "finding within one Party: \(finding)")
        let result = router.route(finding.witness, on: finding.commonDay(fallback: analysisDay), using: scratch)
        let regexes = registry.patterns.map(\.regex)
        switch finding.kind {
        case .overlap, .sampled:
            let matched = Set(result.matches.map(\.pattern))
            fuzzExpect(result.status == .ambiguous && matched.isSuperset(of: [finding.a.pattern, finding.b.pattern]),
                       "\(finding.kind) witness \(finding.witness.debugDescription) of \(finding.a)/\(finding.b) routes as \(result); regexes \(regexes)")
        case .checkSeparated:
            fuzzExpect(regexMatches(result).isSuperset(of: [finding.a.pattern, finding.b.pattern]),
                       "check-separated witness \(finding.witness.debugDescription) of \(finding.a)/\(finding.b) does not match both regexes: \(result); regexes \(regexes)")
        }
    }

    // Subjects that match two analysable patterns of different Parties: the finder must know the pair.
    let analysable = Set(registry.patterns.filter { !PatternAnalysis(regex: $0.regex).isOpaque }.map(\.id))
    for _ in 0..<input.int(1...6) {
        let uim = input.bool() ? input.pick(generated).sample(&input) : DialectGrammar.subject(&input, maximumLength: 12)
        var bytes = Array(uim.utf8)
        // Only UIMs the router sees unchanged: the normalised form of themselves.
        let normalised = bytes.withUnsafeBufferPointer { Normalizer.normalise($0) }
        guard case .success(let range) = normalised, range == 0..<bytes.count, bytes.first != UInt8(ascii: "]")
        else { continue }
        bytes.removeAll()
        let result = router.route(uim, on: analysisDay, using: scratch)
        let hit = regexMatches(result).intersection(analysable)
        for a in registry.patterns where hit.contains(a.id) {
            for b in registry.patterns where b.party > a.party && hit.contains(b.id) {
                let found = findings.first { Set([$0.a.pattern, $0.b.pattern]) == Set([a.id, b.id]) }
                guard let found else {
                    fuzzFailure("\(uim.debugDescription) matches \(a.id) \(a.regex.debugDescription) and \(b.id) \(b.regex.debugDescription), but the finder reports no overlap (findings: \(findings))")
                }
                let bothMatch = Set(result.matches.map(\.pattern)).isSuperset(of: [a.id, b.id])
                fuzzExpect(!bothMatch || found.kind != .checkSeparated || a.check != nil || b.check != nil,
                           "\(uim.debugDescription) routes as ambiguous to \(a.id)/\(b.id), finding says \(found.kind)")
                if a.check == nil, b.check == nil, found.kind != .sampled {
                    // A witness starting with `]` is given behind `]d2`; compare the UIM itself.
                    let witness = found.witness.hasPrefix("]d2]") ? String(found.witness.dropFirst(3)) : found.witness
                    fuzzExpect(witness.utf8.count <= uim.utf8.count,
                               "witness \(found.witness.debugDescription) of \(a.id)/\(b.id) is longer than \(uim.debugDescription), which matches both (\(a.regex.debugDescription), \(b.regex.debugDescription))")
                }
            }
        }
    }
}

func fuzzAnalysis(_ data: UnsafeBufferPointer<UInt8>) {
    var input = FuzzInput(data)
    if input.oneIn(3) {
        fuzzConflicts(&input)
    } else {
        fuzzAutomaton(&input)
    }
}

/// libFuzzer's entry for one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzAnalysis(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run { testOneInput($0, $1) } }
}
