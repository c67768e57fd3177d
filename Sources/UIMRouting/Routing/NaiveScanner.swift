// The reference router: tries every pattern, in the plainest code possible. Tests (and `bench`) compare the
// indexed router against it; it shares only the regex wrapper, the normaliser and the check algorithms.
import UIMRegex
import UIMRegistry

/// Routes by trying every pattern of a compiled router, ignoring its pattern index (automata and prefix trie).
package struct NaiveScanner {
    let router: Router

    package init(router: Router) { self.router = router }

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
                let outcome = scratch.match(pattern.regex, subject)
                if outcome == .noMatch { continue }
                guard outcome == .match else {
                    rejected.append(Rejection(party: spec.party, pattern: spec.id, reason: .matchLimit))
                    continue
                }
                if let from = spec.validFrom, day < from {
                    rejected.append(Rejection(party: spec.party, pattern: spec.id, reason: .notYetValid))
                    continue
                }
                if let until = spec.validUntil, day > until {
                    rejected.append(Rejection(party: spec.party, pattern: spec.id, reason: .expired))
                    continue
                }
                if let check = spec.check {
                    let payload = pattern.regex.groupNumber(named: check.payloadGroup).flatMap(scratch.range(ofGroup:))
                    let digits = pattern.regex.groupNumber(named: check.checkCharacterGroup)
                        .flatMap(scratch.range(ofGroup:))
                    guard let payload, let digits,
                          check.algorithm.verify(payload: text(payload), check: text(digits))
                    else {
                        rejected.append(Rejection(party: spec.party, pattern: spec.id, reason: .checkFailed))
                        continue
                    }
                }
                var fields: [Field] = []
                for group in pattern.regex.namedGroups where !fields.contains(where: { $0.name == group.name }) {
                    if let range = scratch.range(ofGroup: group.number) { fields.append(Field(name: group.name, value: text(range))) }
                }
                matches.append(PatternMatch(party: spec.party, pattern: spec.id, fields: fields))
            }
            let status: RouteStatus = matches.isEmpty ? .unrouted
                : Set(matches.map(\.party)).count > 1 ? .ambiguous : .routed
            return RouteResult(uim: uim, status: status, matches: matches, rejected: rejected)
        }
    }
}
