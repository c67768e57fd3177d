// Overlap detection between Parties: for every pair of patterns of different Parties with intersecting validity,
// decide whether some normalised UIM matches both, and name the shortest such UIM.
//
// Files: this one (pairs, pruning, the exact product search), `+Checks` (the bounded search for a witness that
// passes both check characters), `+Sampling` (pairs with an opaque pattern).
import UIMRegistry
import UIMAutomata
import UIMRouting

/// Finds the UIMs that would route as ambiguous: pairs of patterns of different Parties that overlap.
///
/// ```swift
/// let finder = ConflictFinder(registry: registry)
/// for finding in finder.conflicts() { print(finding.kind, finding.a, finding.b, finding.witness) }
/// ```
///
/// Both patterns analysable: the answer is exact (product automaton, shortest witness). Check characters: a bounded
/// search for a witness passing both; failing that the pair is `check-separated`. A pattern opaque: sampling,
/// with every witness verified by PCRE2.
///
/// Not `Sendable`: it caches PCRE2 matchers and pair outcomes; use one finder per thread.
public final class ConflictFinder {
    /// The registry searched.
    public let registry: Registry
    let profiles: [PatternProfile]
    private let pruner: PairPruner
    private var matchers: [Int: CheckedMatcher] = [:]
    /// Outcomes by (regex, check) pair: many Parties register the same GS1 shapes, and the answer depends on
    /// nothing else.
    private var outcomes: [PairKey: (kind: ConflictFinding.Kind, witness: String)?] = [:]

    private struct PairKey: Hashable {
        var regexA: String
        var checkA: CheckSpec?
        var regexB: String
        var checkB: CheckSpec?
    }
    /// How many strings the bounded searches try per pair (check characters, sampling).
    public var searchBudget = 2_000

    /// Analyses every pattern of `registry`.
    public init(registry: Registry) {
        self.registry = registry
        profiles = registry.patterns.enumerated().map { PatternProfile(index: $0.offset, spec: $0.element) }
        pruner = PairPruner(profiles: profiles)
    }

    /// Every overlapping pair, by kind (overlap, check-separated, sampled), then registry order.
    ///
    /// - Parameters:
    ///   - party: only pairs with a pattern of this Party.
    ///   - day: only patterns valid on this day (otherwise every pair whose validity periods intersect).
    ///   - patterns: only pairs with at least one of these pattern indices (for checking one submission).
    public func conflicts(party: String? = nil, on day: Day? = nil, involving patterns: Set<Int>? = nil)
        -> [ConflictFinding]
    {
        var findings: [ConflictFinding] = []
        var stamp = [Int](repeating: -1, count: profiles.count)
        for i in profiles.indices {
            let a = profiles[i]
            if let day, !a.isValid(on: day) { continue }
            pruner.forEachCompatible(with: i, stamp: &stamp) { j in
                let b = profiles[j]
                guard a.spec.party != b.spec.party, a.validityIntersects(b) else { return }
                if let party, a.spec.party != party, b.spec.party != party { return }
                if let day, !b.isValid(on: day) { return }
                if let patterns, !patterns.contains(i), !patterns.contains(j) { return }
                guard a.mayOverlap(b), let finding = examine(a, b) else { return }
                findings.append(finding)
            }
        }
        return findings.sorted { lhs, rhs in
            let l = (lhs.kind, index(of: lhs.a), index(of: lhs.b))
            let r = (rhs.kind, index(of: rhs.a), index(of: rhs.b))
            return l < r
        }
    }

    private lazy var indexByID: [String: Int] = Dictionary(
        registry.patterns.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })

    private func index(of reference: PatternReference) -> Int { indexByID[reference.pattern] ?? Int.max }

    /// The finding for one pair that passed pruning, or `nil` when they do not overlap.
    func examine(_ a: PatternProfile, _ b: PatternProfile) -> ConflictFinding? {
        let key = PairKey(regexA: a.spec.regex, checkA: a.spec.check, regexB: b.spec.regex, checkB: b.spec.check)
        let outcome: (kind: ConflictFinding.Kind, witness: String)?
        if let known = outcomes[key] {
            outcome = known
        } else {
            outcome = search(a, b).map { ($0.kind, $0.witness) }
            outcomes[key] = .some(outcome)
        }
        guard let outcome else { return nil }
        var finding = finding(outcome.kind, a, b, [])
        finding.witness = outcome.witness
        return finding
    }

    private func search(_ a: PatternProfile, _ b: PatternProfile) -> ConflictFinding? {
        if a.isOpaque || b.isOpaque { return sampledFinding(a, b) }
        switch ByteDFA.shortestCommonString([a.routable, b.routable]) {
        case .none:
            return nil
        case .tooLarge:
            return sampledFinding(a, b)
        case .found(let witness):
            guard NormalSubject.routableLine(for: witness).count <= Normalizer.maximumLength else { return nil }
            return checkedFinding(a, b, regexWitness: witness)
        }
    }

    /// The finding for a witness that matches both patterns.
    func finding(_ kind: ConflictFinding.Kind, _ a: PatternProfile, _ b: PatternProfile, _ witness: [UInt8])
        -> ConflictFinding
    {
        let from = max(a.validFrom, b.validFrom), until = min(a.validUntil, b.validUntil)
        return ConflictFinding(
            kind: kind, a: a.reference, b: b.reference,
            witness: String(decoding: NormalSubject.routableLine(for: witness), as: UTF8.self),
            from: from == Int32.min ? nil : Day(daysSinceEpoch: from),
            until: until == Int32.max ? nil : Day(daysSinceEpoch: until))
    }

    /// The PCRE2 matcher of pattern `profile` (compiled once).
    func matcher(_ profile: PatternProfile) -> CheckedMatcher? {
        if let known = matchers[profile.index] { return known }
        let made = CheckedMatcher(profile.spec)
        matchers[profile.index] = made
        return made
    }
}
