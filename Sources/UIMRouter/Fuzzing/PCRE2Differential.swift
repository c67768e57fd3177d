// The differential check of the router against PCRE2 itself: registries of regexes drawn from the whole PCRE2
// syntax (PCRE2SyntaxGenerator), subjects near their languages, and for every pattern-subject pair the router's
// verdict compared with the PCRE2 interpreter's, called directly on every pattern with no pre-filter and no JIT.
// `swift test` runs it with fixed seeds; the `opaque` fuzz target runs it with seeds from the fuzzer.
import UIMRegex
import UIMRegistry
import UIMAutomata
import UIMRouting

/// Runs registries of generated regexes through the router and through the PCRE2 interpreter, pair by pair.
@_spi(Fuzzing)
public struct PCRE2Differential: Sendable {
    /// What the runs saw.
    public struct Tally: Sendable {
        /// Regexes PCRE2 refused to compile (`validate` rejects them): not routed.
        public var rejectedRegexes = 0
        /// Compiled regexes, by the engine the router decides them with (``PatternEngine``).
        public var patternsByEngine: [PatternEngine: Int] = [:]
        /// Compiled regexes PCRE2 runs on its interpreter although JIT was asked for.
        public var interpreterPatterns = 0
        /// Pattern-subject pairs compared.
        public var pairs = 0
        /// Pairs the interpreter matched.
        public var matchingPairs = 0
        /// Pairs the interpreter could not decide within the match limits (the router may say anything but a match
        /// it did not prove); not counted in ``pairs``.
        public var undecidedPairs = 0
        /// Subjects the normaliser refused (the router must call them invalid).
        public var invalidSubjects = 0
        /// Every disagreement, described for a person (regex, subject, both verdicts).
        public var disagreements: [String] = []

        public init() {}
    }

    /// Patterns per generated registry.
    public var patternsPerRegistry: Int
    /// Subjects generated per pattern (every subject is routed against every pattern of its registry).
    public var subjectsPerPattern: Int

    /// A runner for registries of `patternsPerRegistry` regexes and `subjectsPerPattern` subjects per regex.
    public init(patternsPerRegistry: Int = 24, subjectsPerPattern: Int = 6) {
        self.patternsPerRegistry = patternsPerRegistry
        self.subjectsPerPattern = subjectsPerPattern
    }

    /// Generates one registry from `seed`, routes its subjects and adds what it saw to `tally`.
    public func run(seed: UInt64, into tally: inout Tally) {
        var generator = PCRE2SyntaxGenerator(seed: seed)
        var regexes: [String] = []
        var oracle: [CompiledRegex] = []
        var subjects: [String] = []
        var attempts = 0
        while regexes.count < patternsPerRegistry, attempts < 20 * patternsPerRegistry {
            attempts += 1
            let (regex, samples) = generator.next(subjects: subjectsPerPattern)
            guard let interpreted = try? CompiledRegex(regex, jit: false) else {
                tally.rejectedRegexes += 1
                continue
            }
            regexes.append(regex)
            oracle.append(interpreted)
            subjects += samples
        }
        let parties = regexes.indices.map { Party(code: "Q\($0)", name: "Party \($0)", protocolParty: true,
                                                    location: SourceLocation(file: "Q\($0).yaml", line: 1, column: 1)) }
        let specs = regexes.enumerated().map { index, regex in
            PatternSpec(id: "Q\(index)-P", party: "Q\(index)", regex: regex,
                        location: SourceLocation(file: "Q\(index).yaml", line: 1, column: 1))
        }
        let router: Router
        do {
            router = try Router(registry: try Registry(parties: parties, patterns: specs))
        } catch {
            tally.disagreements.append("the router refused regexes PCRE2 compiles: \(error) \(regexes)")
            return
        }
        for engine in router.patternEngines { tally.patternsByEngine[engine, default: 0] += 1 }
        tally.interpreterPatterns += router.interpreterReasons.compactMap { $0 }.count
        let scratch = router.makeScratch()
        let matcher = MatchScratch(maxCaptureCount: oracle.map(\.captureCount).max() ?? 0, limits: router.options.limits)
        for subject in subjects {
            var text = subject
            text.withUTF8 { input in
                compare(input, regexes: regexes, oracle: oracle, router: router, scratch: scratch, matcher: matcher,
                        tally: &tally)
            }
        }
    }

    private func compare(_ input: UnsafeBufferPointer<UInt8>, regexes: [String], oracle: [CompiledRegex],
                         router: Router, scratch: RouteScratch, matcher: MatchScratch, tally: inout Tally) {
        let result = router.route(utf8: input, on: Day(daysSinceEpoch: 20_000), using: scratch)
        guard case .success(let range) = Normalizer.normalise(input) else {
            tally.invalidSubjects += 1
            if result.status != .invalid {
                tally.disagreements.append("\(result.uim.debugDescription): the normaliser refuses it, the router says "
                    + "\(result.status)")
            }
            return
        }
        let subject = UnsafeBufferPointer(rebasing: input[range])
        let matched = Set(result.matches.map(\.pattern))
        let limited = Set(result.rejected.filter { $0.reason == .matchLimit }.map(\.pattern))
        var parties = 0
        var undecided = false
        for (index, regex) in oracle.enumerated() {
            let id = "Q\(index)-P"
            let routerSays = matched.contains(id) ? "match" : limited.contains(id) ? "match-limit" : "no match"
            let truth: String
            switch matcher.match(regex, subject) {
            case .match: truth = "match"
            case .noMatch: truth = "no match"
            case .undecided:
                tally.undecidedPairs += 1
                undecided = true
                continue
            }
            tally.pairs += 1
            if truth == "match" {
                tally.matchingPairs += 1
                parties += 1
            }
            if routerSays != truth {
                tally.disagreements.append("regex \(regexes[index].debugDescription) on \(result.uim.debugDescription): "
                    + "PCRE2's interpreter says \(truth), the router says \(routerSays) (path "
                    + "\(router.patternEngines[index].rawValue), \(router.interpreterReasons[index] ?? "JIT"))")
            }
        }
        let expected: RouteStatus = parties == 0 ? .unrouted : parties == 1 ? .routed : .ambiguous
        if result.status != expected, limited.isEmpty, !undecided {
            tally.disagreements.append("\(result.uim.debugDescription): status \(result.status), expected \(expected)")
        }
    }
}
