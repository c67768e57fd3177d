// One pattern as the router judges it — PCRE2 match of the whole string, then the check character — for testing
// candidate witnesses and sampled UIMs, and for writing the right check characters into a drawn string.
import UIMRegex
import UIMRegistry

/// Matches one pattern's regex with PCRE2 and verifies its check characters, on one thread.
final class CheckedMatcher {
    let spec: PatternSpec
    let regex: CompiledRegex
    private let scratch: MatchScratch
    private let payloadGroup: Int?
    private let checkCharacterGroup: Int?

    /// `nil` when the regex does not compile.
    init?(_ spec: PatternSpec) {
        guard let regex = try? CompiledRegex(spec.regex) else { return nil }
        self.spec = spec
        self.regex = regex
        scratch = MatchScratch(maxCaptureCount: regex.captureCount, limits: MatchLimits())
        payloadGroup = spec.check.flatMap { regex.groupNumber(named: $0.payloadGroup) }
        checkCharacterGroup = spec.check.flatMap { regex.groupNumber(named: $0.checkCharacterGroup) }
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
        bytes.withUnsafeBufferPointer { subject in
            switch scratch.match(regex, subject) {
            case .noMatch: return .noMatch
            case .undecided: return .undecided
            case .match:
                guard let algorithm = spec.check?.algorithm else { return .match(checkPasses: true) }
                guard let payload = payloadGroup.flatMap(scratch.range(ofGroup:)),
                      let digits = checkCharacterGroup.flatMap(scratch.range(ofGroup:))
                else { return .match(checkPasses: false) }
                return .match(checkPasses: algorithm.verify(payload: UnsafeBufferPointer(rebasing: subject[payload]),
                                                            check: UnsafeBufferPointer(rebasing: subject[digits])))
            }
        }
    }

    /// `true` when the pattern matches `bytes`, check included.
    func fullyMatches(_ bytes: [UInt8]) -> Bool { verdict(bytes) == .match(checkPasses: true) }

    /// `bytes` with the check characters this pattern's check computes written into its check group (when the
    /// regex matches and the computed characters have the group's length); `nil` otherwise.
    func withCheckFixed(_ bytes: [UInt8]) -> [UInt8]? {
        guard let algorithm = spec.check?.algorithm else { return bytes }
        return bytes.withUnsafeBufferPointer { subject -> [UInt8]? in
            guard scratch.match(regex, subject) == .match,
                  let payload = payloadGroup.flatMap(scratch.range(ofGroup:)),
                  let digits = checkCharacterGroup.flatMap(scratch.range(ofGroup:)),
                  let check = algorithm.compute(payload: Array(subject[payload])), check.count == digits.count
            else { return nil }
            var fixed = bytes
            fixed.replaceSubrange(digits, with: check)
            return fixed
        }
    }
}
