// Checks every pattern's examples through a router: each `match` example must match its pattern (regex and
// check, dates ignored) and no other Party's pattern; each `no_match` example must not match its pattern.
import UIMRegex
import UIMRegistry

package enum ExampleChecker {
    package static func diagnostics(for registry: Registry) -> [Diagnostic] {
        // Only patterns that compile (with their check groups) can be matched; the loader reports the others.
        let usable = registry.patterns.filter { spec in
            guard let regex = try? CompiledRegex(spec.regex, jit: false) else { return false }
            guard let check = spec.check else { return true }
            return regex.groupNumber(named: check.payloadGroup) != nil
                && regex.groupNumber(named: check.checkCharacterGroup) != nil
        }
        let subset = Registry(parties: registry.parties, patterns: usable, source: registry.source)
        guard let router = try? Router(registry: subset) else { return [] }
        let scratch = router.makeScratch()
        var diagnostics: [Diagnostic] = []
        for (index, spec) in usable.enumerated() {
            for example in spec.matchExamples {
                let outcome = outcome(of: example.uim, router: router, scratch: scratch)
                if !outcome.matched.contains(index) {
                    let why = outcome.invalid.map { "it is invalid input (\($0))" }
                        ?? (outcome.checkFailed.contains(index)
                            ? "its regex matches but the \(spec.check!.algorithm.rawValue) check character is wrong"
                            : "the regex does not match the whole UIM")
                    diagnostics.append(Diagnostic(.exampleDoesNotMatch, at: example.location,
                        "match example '\(example.uim)' does not match pattern '\(spec.id)': \(why); fix the example or the regex"))
                }
                for other in outcome.matched where usable[other].party != spec.party {
                    diagnostics.append(Diagnostic(.exampleAmbiguous, at: example.location,
                        "match example '\(example.uim)' of pattern '\(spec.id)' also matches pattern '\(usable[other].id)' of Party \(usable[other].party): such UIMs would be ambiguous; choose an example only '\(spec.id)' matches, or tighten one of the regexes"))
                }
            }
            for example in spec.noMatchExamples {
                let outcome = outcome(of: example.uim, router: router, scratch: scratch)
                if outcome.matched.contains(index) {
                    diagnostics.append(Diagnostic(.exampleMatches, at: example.location,
                        "no_match example '\(example.uim)' matches pattern '\(spec.id)'; remove it or tighten the regex"))
                }
            }
        }
        return diagnostics
    }

    private static func outcome(of uim: String, router: Router, scratch: RouteScratch)
        -> (matched: [Int], checkFailed: [Int], invalid: InvalidReason?)
    {
        var text = uim
        text.withUTF8 { input in
            router.evaluate(input, day: 0, ignoringValidity: true, useIndex: true, scratch: scratch)
        }
        return (scratch.matches.map { Int($0.pattern) },
                scratch.rejected.filter { $0.reason == .checkFailed }.map { Int($0.pattern) },
                scratch.invalidReason)
    }
}
