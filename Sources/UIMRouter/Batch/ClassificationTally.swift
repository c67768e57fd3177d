// Per-chunk counters of a classification, kept as plain integer arrays so counting costs nothing on the hot path;
// the writer merges them in input order into the run's ClassificationSummary.

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
    /// Ambiguous UIMs by their candidate Parties (codes joined with `+`, in registry order).
    var ambiguous: [String: Int] = [:]

    init(partyCount: Int) {
        statuses = Array(repeating: 0, count: RouteStatus.allCases.count)
        routed = Array(repeating: 0, count: partyCount)
        unrouted = Array(repeating: 0, count: RejectionReason.allCases.count + 1)
        invalid = Array(repeating: 0, count: InvalidReason.allCases.count + MalformedRow.allCases.count)
    }

    static let statusIndex: [RouteStatus: Int] = Dictionary(
        uniqueKeysWithValues: RouteStatus.allCases.enumerated().map { ($1, $0) })
    static let rejectionIndex: [RejectionReason: Int] = Dictionary(
        uniqueKeysWithValues: RejectionReason.allCases.enumerated().map { ($1, $0) })
    static let invalidIndex: [InvalidReason: Int] = Dictionary(
        uniqueKeysWithValues: InvalidReason.allCases.enumerated().map { ($1, $0) })
    static let malformedIndex: [MalformedRow: Int] = Dictionary(
        uniqueKeysWithValues: MalformedRow.allCases.enumerated().map { ($1, InvalidReason.allCases.count + $0) })

    mutating func countMalformed(_ reason: MalformedRow) {
        records += 1
        statuses[Self.statusIndex[.invalid]!] += 1
        invalid[Self.malformedIndex[reason]!] += 1
    }

    /// Counts the outcome held in `scratch` (just decided by `router`): `status`, and for a routed UIM the
    /// router's index of its Party.
    mutating func count(_ status: RouteStatus, routedParty: Int, scratch: RouteScratch, router: Router) {
        records += 1
        switch status {
        case .routed:
            statuses[0] += 1
            routed[routedParty] += 1
        case .ambiguous:
            statuses[1] += 1
            ambiguous[router.candidateParties(in: scratch).joined(separator: "+"), default: 0] += 1
        case .unrouted:
            statuses[2] += 1
            if let first = scratch.rejected.first {
                unrouted[Self.rejectionIndex[first.reason]!] += 1
            } else {
                unrouted[unrouted.count - 1] += 1
            }
        case .invalid:
            statuses[3] += 1
            invalid[Self.invalidIndex[scratch.invalidReason ?? .empty]!] += 1
        }
    }

    mutating func merge(_ other: ClassificationTally) {
        records += other.records
        for k in statuses.indices { statuses[k] += other.statuses[k] }
        for k in routed.indices { routed[k] += other.routed[k] }
        for k in unrouted.indices { unrouted[k] += other.unrouted[k] }
        for k in invalid.indices { invalid[k] += other.invalid[k] }
        for (key, value) in other.ambiguous { ambiguous[key, default: 0] += value }
    }
}

extension Router {
    /// The distinct Parties of the matches held in `scratch`, in order of first match.
    func candidateParties(in scratch: RouteScratch) -> [String] {
        var seen: [Int32] = []
        for match in scratch.matches {
            let party = patterns[Int(match.pattern)].party
            if !seen.contains(party) { seen.append(party) }
        }
        return seen.map { partyCodes[Int($0)] }
    }
}
