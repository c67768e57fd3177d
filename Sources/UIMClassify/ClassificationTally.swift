// Per-chunk counters of a classification, kept as plain integer arrays; the writer merges them in input order into
// the run's ClassificationSummary. Workers count into TallyCounters and hand over one of these per chunk.
import UIMRouting

/// Counts of routed results, by index (the router's Party table, the status and reason enums).
struct ClassificationTally: Sendable, Equatable {
    var records = 0
    /// By `RouteStatus.allCases` index.
    var statuses: [Int]
    /// Routed UIMs by the router's Party index.
    var routed: [Int]
    /// Unrouted UIMs by the reason of their first set-aside pattern; the last slot counts "no pattern matched".
    var unrouted: [Int]
    /// Invalid UIMs by `InvalidReason.allCases` index, then by `MalformedRow.allCases` index.
    var invalid: [Int]
    /// Ambiguous UIMs by their candidate Parties (codes joined with `+`, in order of first match).
    var ambiguous: [String: Int] = [:]
    /// Unrouted UIMs with at least one repair hint (counted only with hints).
    var hinted = 0
    /// Unrouted UIMs with a hint of each kind, by `RepairKind.allCases` index.
    var hintedByKind: [Int]
    /// Unrouted UIMs whose hint search stopped at its step budget.
    var hintsCapped = 0

    init(partyCount: Int) {
        statuses = Array(repeating: 0, count: RouteStatus.allCases.count)
        routed = Array(repeating: 0, count: partyCount)
        unrouted = Array(repeating: 0, count: RejectionReason.allCases.count + 1)
        invalid = Array(repeating: 0, count: InvalidReason.allCases.count + MalformedRow.allCases.count)
        hintedByKind = Array(repeating: 0, count: RepairKind.allCases.count)
    }

    mutating func merge(_ other: ClassificationTally) {
        records += other.records
        for k in statuses.indices { statuses[k] += other.statuses[k] }
        for k in routed.indices { routed[k] += other.routed[k] }
        for k in unrouted.indices { unrouted[k] += other.unrouted[k] }
        for k in invalid.indices { invalid[k] += other.invalid[k] }
        for (key, value) in other.ambiguous { ambiguous[key, default: 0] += value }
        hinted += other.hinted
        for k in hintedByKind.indices { hintedByKind[k] += other.hintedByKind[k] }
        hintsCapped += other.hintsCapped
    }
}

// The tally's slot of each case: its `allCases` index, without building `allCases` or hashing on the hot path
// (ClassificationTallyTests checks that these agree with `allCases`).

extension RouteStatus {
    @inline(__always)
    var tallyIndex: Int {
        switch self {
        case .routed: 0
        case .ambiguous: 1
        case .unrouted: 2
        case .invalid: 3
        }
    }
}

extension RejectionReason {
    @inline(__always)
    var tallyIndex: Int {
        switch self {
        case .checkFailed: 0
        case .notYetValid: 1
        case .expired: 2
        case .matchLimit: 3
        }
    }
}

extension InvalidReason {
    @inline(__always)
    var tallyIndex: Int {
        switch self {
        case .empty: 0
        case .tooLong: 1
        case .notUTF8: 2
        case .controlCharacter: 3
        }
    }
}

extension MalformedRow {
    /// Index among `MalformedRow.allCases` (the tally's invalid slots put these after the InvalidReason ones).
    @inline(__always)
    var tallyIndex: Int {
        switch self {
        case .unterminatedQuote: 0
        case .textAfterQuote: 1
        case .fieldCount: 2
        case .tooLong: 3
        case .missingDate: 4
        case .badDate: 5
        }
    }
}
