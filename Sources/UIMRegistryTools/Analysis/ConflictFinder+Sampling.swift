// Pairs with an opaque pattern: strings drawn from the analysable side (with its check characters written in),
// and the shortlex-first ones, tested against the opaque side with PCRE2; both sides' match examples are tried
// too. A hit is a verified witness (kind `sampled`); no hit proves nothing.
import UIMAutomata
import UIMRouting

extension ConflictFinder {
    func sampledFinding(_ a: PatternProfile, _ b: PatternProfile) -> ConflictFinding? {
        guard let matchA = matcher(a), let matchB = matcher(b) else { return nil }
        func passes(_ bytes: [UInt8]) -> Bool {
            guard !bytes.isEmpty, bytes.count <= Normalizer.maximumLength - 3,
                  NormalSubject.automaton.accepts(bytes)
            else { return false }
            return matchA.fullyMatches(bytes) && matchB.fullyMatches(bytes)
        }
        func normal(_ bytes: [UInt8]) -> Bool { NormalSubject.automaton.accepts(bytes) }
        // Examples first: cheap, and the most realistic UIMs there are.
        for example in (a.spec.matchExamples + b.spec.matchExamples).map({ Array($0.uim.utf8) })
        where normal(example) && passes(example) {
            return finding(.sampled, a, b, example)
        }
        let sides = [(a, matchA, matchB), (b, matchB, matchA)].filter { !$0.0.isOpaque && $0.0.routable.start >= 0 }
        var generator = SplitMix(seed: UInt64(a.index) << 32 | UInt64(b.index) | 1 << 63)
        for (side, own, other) in sides {
            let automaton = side.routable
            let otherShape = (side.index == a.index ? b : a).shape
            let counts = automaton.pathCounts(upTo: min(Normalizer.maximumLength - 3, automaton.lengthsUpperBound))
            let lengths = automaton.acceptedLengths(counts: counts).filter(otherShape.admits(length:))
            guard !lengths.isEmpty else { continue }
            let members = automaton.classMembers
            var remaining = searchBudget / 4
            var found: [UInt8]?
            for length in lengths where remaining > 0 && found == nil {
                remaining -= automaton.enumerate(length: length, limit: remaining) { candidate in
                    let fixed = own.withCheckFixed(candidate) ?? candidate
                    guard passes(fixed) || passes(other.withCheckFixed(fixed) ?? fixed) else { return true }
                    found = passes(fixed) ? fixed : other.withCheckFixed(fixed)
                    return false
                }
            }
            if let found { return finding(.sampled, a, b, found) }
            for _ in 0..<searchBudget {
                let length = lengths.randomElement(using: &generator)!
                guard let drawn = automaton.sample(length: length, counts: counts, members: members, using: &generator)
                else { continue }
                let fixed = own.withCheckFixed(drawn) ?? drawn
                if passes(fixed) { return finding(.sampled, a, b, fixed) }
                if let both = other.withCheckFixed(fixed), passes(both) { return finding(.sampled, a, b, both) }
            }
        }
        return nil
    }
}
