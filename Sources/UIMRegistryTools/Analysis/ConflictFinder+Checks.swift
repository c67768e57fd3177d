// The bounded search for a witness that passes both patterns' check characters: the regex-level witness first,
// then the product's strings in shortlex order, then the regex-level witness with the check characters written
// in, then random strings of the product with one pattern's check characters written in.
// Found: an exact `overlap`; not found: `check-separated`.
import UIMAutomata
import UIMRouting

extension ConflictFinder {
    func checkedFinding(_ a: PatternProfile, _ b: PatternProfile, regexWitness: [UInt8]) -> ConflictFinding? {
        if a.spec.check == nil && b.spec.check == nil { return finding(.overlap, a, b, regexWitness) }
        guard let matchA = matcher(a), let matchB = matcher(b) else { return finding(.overlap, a, b, regexWitness) }
        func passes(_ bytes: [UInt8]) -> Bool {
            bytes.count <= Normalizer.maximumLength - 3 && matchA.fullyMatches(bytes) && matchB.fullyMatches(bytes)
        }
        if passes(regexWitness) { return finding(.overlap, a, b, regexWitness) }
        guard let product = ByteDFA.intersection([a.routable, b.routable], minimize: false) else {
            return finding(.checkSeparated, a, b, regexWitness)
        }
        let budget = searchBudget
        // Shortlex: the shortest passing witness when one lies within the budget.
        var remaining = budget
        var found: [UInt8]?
        let counts = product.pathCounts(upTo: min(Normalizer.maximumLength - 3, product.lengthsUpperBound))
        for length in product.acceptedLengths(counts: counts) where remaining > 0 && found == nil {
            remaining -= product.enumerate(length: length, limit: remaining) { candidate in
                guard passes(candidate) else { return true }
                found = candidate
                return false
            }
        }
        if let found { return finding(.overlap, a, b, found) }
        // The shortest regex-level witness with each pattern's check characters written in, in turn: when the two
        // checks read different positions this settles in a round or two and keeps the witness small.
        var candidate = regexWitness
        for round in 0..<6 {
            guard let fixed = (round % 2 == 0 ? matchA : matchB).withCheckFixed(candidate) else { break }
            candidate = fixed
            if passes(candidate) { return finding(.overlap, a, b, candidate) }
        }
        // Random strings of the product, with A's (then B's) check characters written in.
        let lengths = product.acceptedLengths(counts: counts)
        let members = product.classMembers
        var generator = SplitMix(seed: UInt64(a.index) << 32 | UInt64(b.index))
        for attempt in 0..<budget / 2 where !lengths.isEmpty {
            let length = lengths.randomElement(using: &generator)!
            guard let drawn = product.sample(length: length, counts: counts, members: members, using: &generator)
            else { continue }
            let fixer = attempt % 2 == 0 ? matchA : matchB
            let other = attempt % 2 == 0 ? matchB : matchA
            guard let fixed = fixer.withCheckFixed(drawn) else { continue }
            let candidate = other.withCheckFixed(fixed).flatMap { fixer.withCheckFixed($0) == $0 ? $0 : nil } ?? fixed
            if passes(candidate) { return finding(.overlap, a, b, candidate) }
            if passes(fixed) { return finding(.overlap, a, b, fixed) }
        }
        return finding(.checkSeparated, a, b, regexWitness)
    }
}

extension ByteDFA {
    /// The longest accepted length worth counting: the maximum when bounded, else the state count plus a margin
    /// (every length class of a cyclic automaton shows up within it).
    var lengthsUpperBound: Int {
        hasCycle ? stateCount * 2 + 64 : stateCount
    }
}
