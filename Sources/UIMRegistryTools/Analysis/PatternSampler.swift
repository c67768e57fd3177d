// `sample`: random UIMs a pattern matches, drawn uniformly (per length) from its automaton, with its check
// characters written in and every result verified by PCRE2 as the router would judge it.
import UIMRegistry
import UIMAutomata
import UIMRouting

/// Draws random UIMs that match one pattern, check characters included.
public struct PatternSampler {
    /// Why no sample can be drawn.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The regex is opaque: there is no automaton to draw from.
        case opaque(OpaqueReason)
        /// No normalised UIM of at most 512 bytes matches the regex.
        case empty
        /// Strings matching the regex were drawn, but none with check characters that verify.
        case noValidCheck

        public var description: String {
            switch self {
            case .opaque(let reason): return "the regex is opaque (\(reason)): no automaton to draw from"
            case .empty: return "no UIM of at most 512 bytes matches the regex"
            case .noValidCheck: return "no drawn UIM could be given check characters that verify"
            }
        }
    }

    /// The pattern sampled.
    public let spec: PatternSpec
    private let automaton: ByteDFA
    private let counts: [[Double]]
    private let lengths: [Int]
    private let members: [[UInt8]]
    private let matcher: CheckedMatcher

    /// A sampler for `spec`.
    /// - Throws: ``Failure/opaque(_:)`` or ``Failure/empty``.
    public init(spec: PatternSpec) throws(Failure) {
        let profile = PatternProfile(index: 0, spec: spec)
        if let reason = profile.analysis.opaqueReason { throw .opaque(reason) }
        guard let matcher = CheckedMatcher(spec) else { throw .empty }
        self.spec = spec
        self.matcher = matcher
        automaton = profile.routable
        counts = automaton.pathCounts(upTo: min(Normalizer.maximumLength - 3, automaton.lengthsUpperBound))
        lengths = automaton.acceptedLengths(counts: counts)
        members = automaton.classMembers
        guard !lengths.isEmpty else { throw .empty }
    }

    /// `count` UIMs drawn with `seed` (the same seed gives the same UIMs): each length the pattern allows is
    /// equally likely, then each UIM of that length (before check characters are written in).
    /// - Throws: ``Failure/noValidCheck`` when no drawn string can carry valid check characters.
    public func samples(count: Int, seed: UInt64) throws(Failure) -> [String] {
        var generator = SplitMix(seed: seed)
        var result: [String] = []
        var failures = 0
        while result.count < count {
            let length = lengths.randomElement(using: &generator)!
            guard let drawn = automaton.sample(length: length, counts: counts, members: members, using: &generator)
            else { continue }
            if let fixed = matcher.withCheckFixed(drawn), matcher.fullyMatches(fixed),
               NormalSubject.automaton.accepts(fixed) {
                result.append(String(decoding: NormalSubject.routableLine(for: fixed), as: UTF8.self))
            } else {
                failures += 1
                if failures > 1_000 + 20 * count { throw .noValidCheck }
            }
        }
        return result
    }
}
