// `explain`: why a UIM routed the way it did, above all why it did not route — what normalisation stripped, the
// nearest patterns and where the UIM leaves each, check characters computed against the ones found, validity
// windows, and repair hints.
import UIMRegistry

/// Everything `explain` says about one UIM.
public struct Explanation: Sendable, Hashable {
    /// Where the UIM leaves a pattern it does not match.
    public struct NearMiss: Sendable, Hashable {
        /// The Party and pattern.
        public var party: String
        public var pattern: String
        /// Bytes of the normalised UIM the pattern's automaton accepts as a prefix before it fails; `nil` for an
        /// opaque pattern (decided by PCRE2: no position available).
        public var reached: Int?
        /// What the pattern accepts at ``reached``, as character classes (`[0-9]`, `[A-Z]`, `GS`, `end of UIM` …).
        public var expected: [String]
        /// What the UIM has there (`nil` when it ended early).
        public var found: String?
        /// The byte lengths the pattern accepts (`13`, `13–16`, `≥ 5`).
        public var lengths: String
    }

    /// A pattern whose regex matched but whose check character(s) did not verify.
    public struct CheckMiss: Sendable, Hashable {
        public var party: String
        public var pattern: String
        /// The check algorithm.
        public var algorithm: CheckAlgorithm
        /// The payload the check covers, and the check characters found in the UIM.
        public var payload: String
        public var found: String
        /// The check characters the payload calls for (`nil` when the payload is outside the algorithm's alphabet).
        public var computed: String?
    }

    /// A pattern whose regex matched but that is not valid on the query date.
    public struct DateMiss: Sendable, Hashable {
        public var party: String
        public var pattern: String
        public var validFrom: Day?
        public var validUntil: Day?
        public var reason: RejectionReason
    }

    /// The input as given.
    public var input: String
    /// The normalised UIM, when the input is valid.
    public var normalised: String?
    /// What normalisation removed, in order (`white space`, `AIM identifier ]d2` …).
    public var stripped: [String]
    /// The query date.
    public var date: Day
    /// The routing result, exactly as `route` gives it.
    public var result: RouteResult
    /// The nearest patterns that do not match, nearest first (at most five, then opaque patterns by name).
    public var nearest: [NearMiss]
    /// Check-character failures.
    public var checks: [CheckMiss]
    /// Validity-window rejections.
    public var dates: [DateMiss]
    /// Repair hints (searched only when the result is unrouted).
    public var hints: HintSearch
}
