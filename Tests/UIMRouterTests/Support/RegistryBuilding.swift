// Building small registries in code for unit tests.
@testable import UIMRouter
@testable import UIMRegistry

enum TestRegistry {
    static let location = SourceLocation(file: "T.yaml", line: 1, column: 1)

    /// A registry of the given patterns; Parties are derived from the patterns' `party` codes.
    static func make(_ patterns: [PatternSpec]) -> Registry {
        Registry(unchecked: Set(patterns.map(\.party)).map { Party(code: $0, name: "Party \($0)", protocolParty: true, location: location) },
                 patterns: patterns)
    }

    static func pattern(_ id: String, _ party: String, _ regex: String, check: CheckAlgorithm? = nil,
                        from: String? = nil, until: String? = nil) -> PatternSpec {
        PatternSpec(id: id, party: party, regex: regex, check: check.map { CheckSpec(algorithm: $0) },
                    validFrom: from.flatMap { Day(iso: $0) }, validUntil: until.flatMap { Day(iso: $0) }, location: location)
    }
}
