// One registry pattern prepared for pair analysis: its analysis, the automaton of its routable matches, its
// prefix-trie summary (RegexShape) and its validity as day numbers.
import UIMRegistry
import UIMAutomata

/// A registry pattern with everything pair pruning and overlap search read.
struct PatternProfile {
    let index: Int
    let spec: PatternSpec
    let analysis: PatternAnalysis
    /// The regex's automaton intersected with the normal-subject language (analysable patterns only).
    let routable: ByteDFA
    let shape: RegexShape
    let validFrom: Int32
    let validUntil: Int32

    init(index: Int, spec: PatternSpec, analysis: PatternAnalysis? = nil) {
        self.index = index
        self.spec = spec
        let analysis = analysis ?? PatternAnalysis(regex: spec.regex)
        self.analysis = analysis
        routable = analysis.isOpaque
            ? .empty : ByteDFA.intersection([analysis.automaton, NormalSubject.automaton], minimize: false)
                ?? analysis.automaton
        shape = RegexShape(analysis: analysis)
        validFrom = spec.validFrom?.daysSinceEpoch ?? Int32.min
        validUntil = spec.validUntil?.daysSinceEpoch ?? Int32.max
    }

    var isOpaque: Bool { analysis.isOpaque }
    var reference: PatternReference { PatternReference(party: spec.party, pattern: spec.id) }

    /// `true` when both are valid on some common day.
    func validityIntersects(_ other: PatternProfile) -> Bool {
        max(validFrom, other.validFrom) <= min(validUntil, other.validUntil)
    }

    /// `true` when valid on `day`.
    func isValid(on day: Day) -> Bool { (validFrom...validUntil).contains(day.daysSinceEpoch) }

    /// `false` only when no string can match both, judged by lengths and the bytes at the first positions (cheap,
    /// conservative).
    func mayOverlap(_ other: PatternProfile) -> Bool {
        if let mine = analysis.lengths, let theirs = other.analysis.lengths {
            guard mine.intersects(theirs) else { return false }
            let common = max(mine.minimum ?? 0, theirs.minimum ?? 0)
            let positions = min(common, analysis.positionBytes.count, other.analysis.positionBytes.count)
            for k in 0..<positions where !analysis.positionBytes[k].intersects(other.analysis.positionBytes[k]) {
                return false
            }
            return true
        }
        let low = max(shape.minLength, other.shape.minLength)
        let high = min(shape.maxLength ?? Int.max, other.shape.maxLength ?? Int.max)
        return low <= high
    }
}
