// `diff`: what changed between two versions of a registry — patterns added, removed and changed per Party — and,
// with the analyser's sampler, UIMs whose routing the change alters, each routed through both versions.
import UIMRegistry
import UIMRouting

/// The difference between two registries, and UIMs that route differently because of it.
///
/// ```swift
/// let diff = try RegistryDiff(old: try Registry.load(from: "v1"), new: try Registry.load(from: "v2"), on: day)
/// for change in diff.routingChanges { print(change.uim, change.before, "→", change.after) }
/// ```
///
/// The UIMs tried are, for every added or changed pattern, its `match` examples and UIMs drawn from its automaton
/// (`PatternSampler`), and the same for the old version of every changed or removed pattern. Sampling finds
/// changes; it cannot prove their absence for an opaque pattern, which contributes its examples only.
public struct RegistryDiff: Sendable {
    /// Where one UIM goes: its status and the Parties it is sent to (one when routed, several when ambiguous).
    public struct Outcome: Sendable, Hashable, CustomStringConvertible {
        /// The routing status.
        public var status: RouteStatus
        /// The routed Party, or the ambiguous candidates; empty otherwise.
        public var parties: [String]

        /// `routed KE`, `ambiguous RU+UZ`, `unrouted`.
        public var description: String {
            parties.isEmpty ? status.rawValue : "\(status.rawValue) \(parties.joined(separator: "+"))"
        }
    }

    /// A pattern present in both versions whose declaration differs.
    public struct PatternChange: Sendable, Hashable {
        /// The pattern's id.
        public var pattern: String
        /// The keys whose values differ (`regex`, `check`, `valid_until`, `party`, …).
        public var keys: [String]
    }

    /// What changed in one Party's file.
    public struct PartyChanges: Sendable, Hashable {
        /// The Party's code.
        public var party: String
        /// `added` or `removed` when the whole Party is new or gone; `name`, `protocol_party` when those changed.
        public var partyKeys: [String]
        /// Ids of the patterns only the new version has.
        public var added: [String]
        /// Ids of the patterns the old version has here and the new one has not (or has under another Party).
        public var removed: [String]
        /// Patterns in both whose declaration differs.
        public var changed: [PatternChange]
    }

    /// One UIM that routes differently in the new version.
    public struct RoutingChange: Sendable, Hashable {
        /// The UIM, as a line to route.
        public var uim: String
        /// The added, changed or removed pattern it was drawn from.
        public var pattern: String
        /// Where the old registry sends it.
        public var before: Outcome
        /// Where the new registry sends it.
        public var after: Outcome
    }

    /// Digest of the old registry.
    public var oldDigest: String
    /// Digest of the new registry.
    public var newDigest: String
    /// Parties with any change, by code.
    public var parties: [PartyChanges]
    /// UIMs whose routing changed, by pattern then UIM.
    public var routingChanges: [RoutingChange]
    /// How many distinct UIMs were routed through both versions.
    public var triedUIMs: Int

    /// Compares `old` with `new`, routing the UIMs tried on `day`.
    /// - Parameters:
    ///   - samples: UIMs drawn per pattern version (besides its examples).
    ///   - seed: the sampler's seed (the same seed gives the same UIMs).
    ///   - maxPerPattern: routing changes kept per pattern.
    /// - Throws: ``RegistryError`` when either registry does not compile.
    public init(old: Registry, new: Registry, on day: Day, samples: Int = 20, seed: UInt64 = 1,
                maxPerPattern: Int = 5) throws(RegistryError) {
        oldDigest = old.digest
        newDigest = new.digest
        parties = Self.changes(old, new)
        var probes: [(pattern: String, spec: PatternSpec)] = []
        let oldByID = Dictionary(old.patterns.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newByID = Dictionary(new.patterns.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for party in parties {
            for id in party.added { if let spec = newByID[id] { probes.append((id, spec)) } }
            for change in party.changed {
                if let spec = newByID[change.pattern] { probes.append((change.pattern, spec)) }
                if let spec = oldByID[change.pattern] { probes.append((change.pattern, spec)) }
            }
            for id in party.removed { if let spec = oldByID[id] { probes.append((id, spec)) } }
        }
        let before = try Router(registry: old), after = try Router(registry: new)
        let (oldScratch, newScratch) = (before.makeScratch(), after.makeScratch())
        var seen: Set<String> = []
        var found: [RoutingChange] = []
        var kept: [String: Int] = [:]
        for probe in probes {
            let drawn = (try? PatternSampler(spec: probe.spec).samples(count: samples, seed: seed)) ?? []
            for uim in probe.spec.matchExamples.map(\.uim) + drawn where seen.insert(uim).inserted {
                let was = Self.outcome(before.route(uim, on: day, using: oldScratch))
                let now = Self.outcome(after.route(uim, on: day, using: newScratch))
                guard was != now, kept[probe.pattern, default: 0] < maxPerPattern else { continue }
                kept[probe.pattern, default: 0] += 1
                found.append(RoutingChange(uim: uim, pattern: probe.pattern, before: was, after: now))
            }
        }
        routingChanges = found
        triedUIMs = seen.count
    }

    /// `true` when nothing at all differs (the digests are equal).
    public var isEmpty: Bool { oldDigest == newDigest }

    private static func outcome(_ result: RouteResult) -> Outcome {
        Outcome(status: result.status, parties: result.status == .routed || result.status == .ambiguous
                ? result.parties : [])
    }

    private static func changes(_ old: Registry, _ new: Registry) -> [PartyChanges] {
        let codes = Set(old.parties.map(\.code) + old.patterns.map(\.party) + new.parties.map(\.code)
                        + new.patterns.map(\.party)).sorted()
        let oldByID = Dictionary(old.patterns.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newByID = Dictionary(new.patterns.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return codes.compactMap { code in
            var partyKeys: [String] = []
            switch (old.party(code), new.party(code)) {
            case (nil, .some): partyKeys = ["added"]
            case (.some, nil): partyKeys = ["removed"]
            case let (.some(a), .some(b)):
                if a.name != b.name { partyKeys.append("name") }
                if a.protocolParty != b.protocolParty { partyKeys.append("protocol_party") }
            case (nil, nil): break
            }
            let added = new.patterns.filter { $0.party == code && oldByID[$0.id] == nil }.map(\.id)
            // A pattern that moved to another Party counts as removed here and as changed (`party`) there.
            let removed = old.patterns.filter { $0.party == code && newByID[$0.id]?.party != code }.map(\.id)
            let changed = new.patterns.filter { $0.party == code }.compactMap { spec -> PatternChange? in
                guard let before = oldByID[spec.id] else { return nil }
                let keys = changedKeys(before, spec)
                return keys.isEmpty ? nil : PatternChange(pattern: spec.id, keys: keys)
            }
            let all = PartyChanges(party: code, partyKeys: partyKeys, added: added,
                                   removed: removed, changed: changed)
            let unchanged = partyKeys.isEmpty && added.isEmpty && removed.isEmpty && changed.isEmpty
            return unchanged ? nil : all
        }
    }

    /// The keys whose values differ between two declarations of one pattern.
    static func changedKeys(_ a: PatternSpec, _ b: PatternSpec) -> [String] {
        var keys: [String] = []
        if a.party != b.party { keys.append("party") }
        if a.regex != b.regex { keys.append("regex") }
        if a.level != b.level { keys.append("level") }
        if a.descriptions != b.descriptions { keys.append("description") }
        if a.check != b.check { keys.append("check") }
        if a.references != b.references { keys.append("references") }
        if a.validFrom != b.validFrom { keys.append("valid_from") }
        if a.validUntil != b.validUntil { keys.append("valid_until") }
        if a.matchExamples.map(\.uim) != b.matchExamples.map(\.uim)
            || a.noMatchExamples.map(\.uim) != b.noMatchExamples.map(\.uim) { keys.append("examples") }
        return keys
    }
}
