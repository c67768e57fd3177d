// The reference router: tries every pattern, in the plainest code possible, and the one plain decision of one pattern
// (`decide`) that everything judging a pattern without the automata uses. Tests compare the indexed router against
// it, `bench` times it as the baseline (its naive engine), and the registry tools (`CheckedMatcher`) judge witnesses
// and samples with `decide`. It shares only the regex wrapper, the normaliser and the check algorithms.
import UIMRegex
import UIMRegistry

/// Routes by trying every pattern of a compiled router, ignoring its pattern index (automata and prefix trie).
package struct NaiveScanner: Sendable {
    let router: Router

    package init(router: Router) { self.router = router }

    /// What the reference decides for one pattern and one subject.
    package enum Decision: Equatable, Sendable {
        /// The regex does not match the whole subject.
        case noMatch
        /// The pattern matches: regex, validity and check characters.
        case match
        /// The regex matched (or PCRE2 stopped undecided: `matchLimit`), but the pattern is set aside.
        case rejected(RejectionReason)
    }

    /// Decides `pattern` for the normalised `subject`: PCRE2 on the whole subject, then the validity window on `day`
    /// (days since 1970-01-01; `nil`: dates aside), then the check characters. After `.match`, and after a check
    /// that failed, `scratch` holds the regex's groups.
    package static func decide(_ pattern: CompiledPattern, _ subject: UnsafeBufferPointer<UInt8>, on day: Int32?,
                               using scratch: MatchScratch) -> Decision {
        switch scratch.match(pattern.regex, subject) {
        case .noMatch: return .noMatch
        case .undecided: return .rejected(.matchLimit)
        case .match: break
        }
        if let day {
            if day < pattern.validFrom { return .rejected(.notYetValid) }
            if day > pattern.validUntil { return .rejected(.expired) }
        }
        if let algorithm = pattern.check {
            guard pattern.payloadGroup > 0, pattern.checkCharacterGroup > 0,
                  let payload = scratch.range(ofGroup: pattern.payloadGroup),
                  let digits = scratch.range(ofGroup: pattern.checkCharacterGroup),
                  algorithm.verify(payload: UnsafeBufferPointer(rebasing: subject[payload]),
                                   check: UnsafeBufferPointer(rebasing: subject[digits]))
            else { return .rejected(.checkFailed) }
        }
        return .match
    }

    /// Routes `uim` on `day`, building the result itself: the oracle of the differential tests.
    package func route(_ uim: String, on day: Day, using scratch: MatchScratch) -> RouteResult {
        var text = uim
        return text.withUTF8 { input in
            let normalised: Range<Int>
            switch Normalizer.normalise(input) {
            case .failure(let reason): return RouteResult(uim: uim, status: .invalid, error: reason)
            case .success(let range): normalised = range
            }
            let subject = UnsafeBufferPointer(rebasing: input[normalised])
            func text(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: subject[range]), as: UTF8.self)
            }
            var matches: [PatternMatch] = []
            var rejected: [Rejection] = []
            for (index, pattern) in router.patterns.enumerated() {
                let spec = router.registry.patterns[index]
                switch Self.decide(pattern, subject, on: day.daysSinceEpoch, using: scratch) {
                case .noMatch:
                    continue
                case .rejected(let reason):
                    rejected.append(Rejection(party: spec.party, pattern: spec.id, reason: reason))
                case .match:
                    var fields: [Field] = []
                    for group in pattern.regex.namedGroups where !fields.contains(where: { $0.name == group.name }) {
                        if let range = scratch.range(ofGroup: group.number) {
                            fields.append(Field(name: group.name, value: text(range)))
                        }
                    }
                    matches.append(PatternMatch(party: spec.party, pattern: spec.id, fields: fields))
                }
            }
            let status: RouteStatus = matches.isEmpty ? .unrouted
                : Set(matches.map(\.party)).count > 1 ? .ambiguous : .routed
            return RouteResult(uim: uim, status: status, matches: matches, rejected: rejected)
        }
    }

    /// Routes `input` on `day` into `scratch`, every match with its fields, as the router's `decide` fills it:
    /// the `naive` engine of `bench` and the benchmarks. Allocation-free once `scratch` has warmed up.
    package func evaluate(_ input: UnsafeBufferPointer<UInt8>, day: Int32, scratch: RouteScratch) {
        guard let subject = scratch.begin(input) else { return }
        var firstParty: Int32 = -1
        var ambiguous = false
        for (index, pattern) in router.patterns.enumerated() {
            switch Self.decide(pattern, subject, on: day, using: scratch.matcher) {
            case .noMatch:
                continue
            case .rejected(let reason):
                scratch.insertRejection(.init(pattern: Int32(index), reason: reason))
            case .match:
                let offset = Int32(scratch.ranges.count)
                for group in pattern.fieldGroups {
                    let range = scratch.matcher.range(ofGroup: group)
                    scratch.ranges.append(Int32(range?.lowerBound ?? -1))
                    scratch.ranges.append(Int32(range?.upperBound ?? -1))
                }
                scratch.insertMatch(.init(pattern: Int32(index), fieldOffset: offset))
                if firstParty < 0 { firstParty = pattern.party } else if pattern.party != firstParty { ambiguous = true }
            }
        }
        scratch.status = firstParty < 0 ? .unrouted : ambiguous ? .ambiguous : .routed
    }
}
