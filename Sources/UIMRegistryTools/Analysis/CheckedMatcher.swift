// One pattern as the router judges it — PCRE2 match of the whole string, then the check character — for testing
// candidate witnesses and sampled UIMs, and for writing the right check characters into a drawn string. The
// decision is the reference's (``NaiveScanner/decide(_:_:on:using:)``), dates aside.
import UIMRegex
import UIMRegistry
import UIMRouting

/// Matches one pattern's regex with PCRE2 and verifies its check characters, on one thread.
final class CheckedMatcher {
    let spec: PatternSpec
    private let pattern: CompiledPattern
    private let scratch: MatchScratch

    /// `nil` when the regex does not compile.
    init?(_ spec: PatternSpec) {
        guard let regex = try? CompiledRegex(spec.regex) else { return nil }
        self.spec = spec
        pattern = CompiledPattern(spec: spec, party: 0, regex: regex)
        scratch = MatchScratch(maxCaptureCount: regex.captureCount, limits: MatchLimits())
    }

    /// What the router would decide for `bytes` (dates aside).
    enum Verdict: Equatable {
        case noMatch
        /// The regex matched; `checkPasses` is `true` when there is no check or it verifies.
        case match(checkPasses: Bool)
        /// PCRE2 hit a limit.
        case undecided
    }

    func verdict(_ bytes: [UInt8]) -> Verdict {
        switch decide(bytes) {
        case .noMatch: return .noMatch
        case .match: return .match(checkPasses: true)
        case .rejected(.checkFailed): return .match(checkPasses: false)
        case .rejected: return .undecided   // dates aside, only a match limit sets a match aside
        }
    }

    /// `true` when the pattern matches `bytes`, check included.
    func fullyMatches(_ bytes: [UInt8]) -> Bool { decide(bytes) == .match }

    /// `bytes` with the check characters this pattern's check computes written into its check group (when the
    /// regex matches and the computed characters have the group's length); `nil` otherwise.
    func withCheckFixed(_ bytes: [UInt8]) -> [UInt8]? {
        guard let algorithm = spec.check?.algorithm else { return bytes }
        switch decide(bytes) {
        case .match, .rejected(.checkFailed): break   // the regex matched: its groups are in `scratch`
        default: return nil
        }
        guard let payload = pattern.checkGroups.payload.flatMap(scratch.range(ofGroup:)),
              let digits = pattern.checkGroups.digits.flatMap(scratch.range(ofGroup:)),
              let check = algorithm.compute(payload: Array(bytes[payload])), check.count == digits.count
        else { return nil }
        var fixed = bytes
        fixed.replaceSubrange(digits, with: check)
        return fixed
    }

    private func decide(_ bytes: [UInt8]) -> NaiveScanner.Decision {
        bytes.withUnsafeBufferPointer { NaiveScanner.decide(pattern, $0, on: nil, using: scratch) }
    }
}
