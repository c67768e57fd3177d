// `lint`: per-pattern findings that are not errors of the format — opaque regexes, regexes too broad to route by,
// nested quantifiers, patterns made redundant by another of the same Party, missing examples and descriptions,
// validity already over.
import UIMRegistry
import UIMAutomata

/// Reviews the patterns of a registry.
public struct PatternLinter {
    /// The registry reviewed.
    public let registry: Registry
    let profiles: [PatternProfile]

    /// A pattern matching at least this share of all printable strings of one of its lengths is too broad.
    public static let broadShare = 0.01

    /// Analyses every pattern of `registry`.
    public init(registry: Registry) {
        self.registry = registry
        profiles = registry.patterns.enumerated().map { PatternProfile(index: $0.offset, spec: $0.element) }
    }

    /// Reuses profiles already built (by a ``ConflictFinder`` of the same registry).
    init(registry: Registry, profiles: [PatternProfile]) {
        self.registry = registry
        self.profiles = profiles
    }

    /// The findings for every pattern (or only `patterns`, by index), in registry order, `today` deciding what has
    /// expired. With `engines` (a ``Router``'s ``Router/patternEngines`` for this registry), patterns the router leaves
    /// off its automaton are noted too, and with `interpreterReasons` (``Router/interpreterReasons``) the patterns
    /// PCRE2 runs on its interpreter.
    public func findings(today: Day, patterns: Set<Int>? = nil, engines: [PatternEngine]? = nil,
                         interpreterReasons: [String?]? = nil) -> [LintFinding] {
        var findings: [LintFinding] = []
        for profile in profiles where patterns?.contains(profile.index) ?? true {
            findings += review(profile, today: today, engine: engines?[profile.index],
                               interpreterReason: interpreterReasons?[profile.index])
        }
        return findings
    }

    private func review(_ profile: PatternProfile, today: Day, engine: PatternEngine?, interpreterReason: String?)
        -> [LintFinding]
    {
        let spec = profile.spec
        var findings: [LintFinding] = []
        func add(_ severity: LintFinding.Severity, _ code: LintFinding.Code, _ message: String,
                 at: SourceLocation? = nil) {
            findings.append(LintFinding(severity, code, pattern: profile.reference, at: at ?? spec.location, message))
        }
        if let reason = profile.analysis.opaqueReason {
            add(.warning, .opaque, "the regex is opaque: \(reason.message) (at offset \(reason.offset)); it is still "
                + "routed, but its overlaps with other Parties can only be sampled, never ruled out; rewrite it in the "
                + "analysable dialect if you can", at: spec.regexLocation)
        } else {
            if let (length, share) = broadestLength(profile) {
                let percent = share >= 0.995 ? "all" : String(Int((share * 100).rounded())) + "%"
                add(.warning, .tooBroad, "matches \(percent) of all printable \(length)-character strings: too broad "
                    + "to route by; constrain the issuer prefix or the character classes", at: spec.regexLocation)
            }
            if profile.analysis.tree?.hasNestedQuantifier == true {
                add(.warning, .nestedQuantifier, "a repetition inside a repetition (such as (a+)+) risks catastrophic "
                    + "backtracking: UIMs near it may end as match-limit; give the inner part a fixed length",
                    at: spec.regexLocation)
            }
            if let container = containingPattern(profile) {
                add(.warning, .redundant, "every UIM it matches is also matched by '\(container.spec.id)' of the same "
                    + "Party, valid at least as long: remove one of them")
            }
        }
        switch engine {
        case .tooManyStates:
            add(.note, .offAutomaton, "its automaton has more than \(AutomatonIndex.patternStateCap) states (a shape "
                + "such as [0-9A-Z]*X[0-9A-Z]{8}): the router decides it with PCRE2 behind the prefix trie, under the "
                + "match limits, which is slower; give its variable parts a fixed length or a literal boundary",
                at: spec.regexLocation)
        case .automatonOverflow:
            add(.note, .offAutomaton, "it multiplied the states of the router's combined automaton past its cap "
                + "(typically no literal prefix and variable-length parts): the router decides it with PCRE2 behind "
                + "the prefix trie, which is slower; a literal issuer prefix or a fixed length puts it back on the "
                + "automaton", at: spec.regexLocation)
        case .automaton, .opaque, nil:
            break
        }
        if let interpreterReason {
            add(.note, .interpreter, "PCRE2 runs it on its interpreter, not its JIT: \(interpreterReason); still exact "
                + "and bounded by the match limits, but slower", at: spec.regexLocation)
        }
        if spec.matchExamples.isEmpty {
            add(.warning, .missingExamples, "no 'match' example: add real UIMs under examples.match (and near misses "
                + "under examples.no_match) so that validate can prove the regex")
        }
        let missing = Language.allCases.filter { spec.descriptions[$0] == nil }
        if !missing.isEmpty {
            add(.note, .missingDescriptions, "no description in " + missing.map(\.rawValue).joined(separator: ", ")
                + " (the six UN languages are ar en es fr ru zh)")
        }
        if let until = spec.validUntil, until < today {
            add(.note, .expired, "validity ended on \(until): it no longer routes UIMs scanned today")
        }
        return findings
    }

    /// The length (up to 64 bytes) at which the pattern accepts the largest share of printable-ASCII strings, when
    /// that share reaches ``broadShare``.
    func broadestLength(_ profile: PatternProfile) -> (Int, Double)? {
        guard let printable = ByteDFA.intersection([profile.analysis.automaton, Self.printable]),
              printable.start >= 0 else { return nil }
        let counts = printable.pathCounts(upTo: min(64, printable.lengthsUpperBound))
        var best: (Int, Double)?
        var total = 1.0
        for length in 1..<counts.count {
            total *= 95
            let share = counts[length][Int(printable.start)] / total
            if share >= Self.broadShare, share > (best?.1 ?? 0) { best = (length, share) }
        }
        return best
    }

    /// Printable ASCII (space to tilde), any length.
    static let printable: ByteDFA = {
        let (map, lows) = ByteDFA.classes(boundaries: [(0x20, 0x7E)])
        let transitions = lows.map { $0 == 0x20 ? Int32(0) : -1 }
        return ByteDFA(classMap: map, classCount: lows.count, classLow: lows, transitions: transitions,
                       accepting: [true], start: 0)
    }()

    /// Another pattern of the same Party that matches everything this one matches, valid at least as long, whose
    /// check cannot reject what this one accepts (no check, or the same regex and check). Of two equal patterns
    /// the later one is reported.
    func containingPattern(_ profile: PatternProfile) -> PatternProfile? {
        guard let lengths = profile.analysis.lengths, !profile.analysis.isEmpty else { return nil }
        for other in profiles where other.index != profile.index && other.spec.party == profile.spec.party {
            guard !other.isOpaque, let otherLengths = other.analysis.lengths, lengths.isSubset(of: otherLengths),
                  other.validFrom <= profile.validFrom, other.validUntil >= profile.validUntil,
                  other.spec.check == nil
                    || (other.spec.check == profile.spec.check && other.spec.regex == profile.spec.regex)
            else { continue }
            guard profile.analysis.automaton.shortestString(notIn: other.analysis.automaton) == .none else { continue }
            let mutual = other.analysis.automaton.shortestString(notIn: profile.analysis.automaton) == .none
            if mutual, other.index > profile.index, other.validFrom == profile.validFrom,
               other.validUntil == profile.validUntil, other.spec.check == profile.spec.check {
                continue   // equal patterns: report the later one only
            }
            return other
        }
        return nil
    }
}
