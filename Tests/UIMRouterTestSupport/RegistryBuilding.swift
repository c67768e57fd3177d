// Building small registries in code for unit tests: the one builder, so no test assembles Parties and patterns by
// hand. (RegistryFixtures builds registries from YAML text instead.)
import UIMRouter
import UIMRegistry

enum TestRegistry {
    /// Where a pattern or Party of `party` is said to be written: line 1 of the Party's file.
    static func location(_ party: String) -> SourceLocation {
        SourceLocation(file: "\(party).yaml", line: 1, column: 1)
    }

    /// A registry of the given patterns, with a Party for every code they use, sorted by code.
    static func make(_ patterns: [PatternSpec]) -> Registry {
        let codes = Set(patterns.map(\.party)).sorted()
        return Registry(unchecked: codes.map { Party(code: $0, name: "Party \($0)", protocolParty: true,
                                                      location: location($0)) },
                        patterns: patterns)
    }

    /// A pattern of `party` with optional check, validity (ISO dates) and `match` examples.
    static func pattern(_ id: String, _ party: String, _ regex: String, check: CheckAlgorithm? = nil,
                        from: String? = nil, until: String? = nil, examples: [String] = []) -> PatternSpec {
        let location = Self.location(party)
        return PatternSpec(id: id, party: party, regex: regex, check: check.map { CheckSpec(algorithm: $0) },
                           validFrom: from.flatMap { Day(iso: $0) }, validUntil: until.flatMap { Day(iso: $0) },
                           matchExamples: examples.map { PatternExample($0, at: location) }, location: location)
    }
}
