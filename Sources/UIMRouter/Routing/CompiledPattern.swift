// A registry pattern prepared for routing: its compiled regex and everything the hot path needs as plain integers.

/// One pattern ready for the hot path.
struct CompiledPattern: Sendable {
    let regex: CompiledRegex
    /// Index into the router's Party table.
    let party: Int32
    /// Validity as days since 1970-01-01 (`Int32.min` / `Int32.max` when open).
    let validFrom: Int32
    let validUntil: Int32
    let check: CheckAlgorithm?
    let payloadGroup: Int
    let digitGroup: Int
    /// The named groups, in group-number order: their numbers and names.
    let fieldGroups: [Int]
    let fieldNames: [String]

    init(spec: PatternSpec, party: Int32, regex: CompiledRegex) {
        self.regex = regex
        self.party = party
        validFrom = spec.validFrom?.daysSinceEpoch ?? Int32.min
        validUntil = spec.validUntil?.daysSinceEpoch ?? Int32.max
        check = spec.check?.algorithm
        payloadGroup = spec.check.flatMap { regex.groupNumber(named: $0.payloadGroup) } ?? 0
        digitGroup = spec.check.flatMap { regex.groupNumber(named: $0.digitGroup) } ?? 0
        fieldGroups = regex.namedGroups.map(\.number)
        fieldNames = regex.namedGroups.map(\.name)
    }
}
