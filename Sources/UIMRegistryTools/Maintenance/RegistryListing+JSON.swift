// The JSON listing of Parties and their patterns: what `uim-router list --format json` prints and what the routing
// service answers at /v1/parties, from one writer so the two cannot drift.

import UIMRegistry
import UIMRouting

/// The Parties and patterns of a registry as one JSON object.
public enum RegistryListing {
    /// `{"registry":…,"digest":…,"release":…,"language":…,"parties":[{"code","name","protocol_party","patterns":[…]}]}`,
    /// for `parties` of `registry`, descriptions in `language` (English, else the first, when missing: each
    /// pattern's `description_language` says which was used).
    public static func json(_ registry: Registry, parties: [Party], language: Language) -> [UInt8] {
        var w = JSONWriter()
        w.raw("{"); w.key("registry"); w.string(registry.source)
        w.raw(","); w.key("digest"); w.string(registry.digest)
        w.raw(","); w.key("release"); w.string(registry.releaseLabel)
        w.raw(","); w.key("language"); w.string(language.rawValue)
        w.raw(","); w.key("parties"); w.raw("[")
        for (k, party) in parties.enumerated() {
            if k > 0 { w.raw(",") }
            w.raw("{"); w.key("code"); w.string(party.code)
            w.raw(","); w.key("name"); w.string(party.name)
            w.raw(","); w.key("protocol_party"); if party.protocolParty { w.raw("true") } else { w.raw("false") }
            w.raw(","); w.key("patterns"); w.raw("[")
            for (j, spec) in registry.patterns.filter({ $0.party == party.code }).enumerated() {
                if j > 0 { w.raw(",") }
                w.raw("{"); w.key("id"); w.string(spec.id)
                w.raw(","); w.key("level"); w.string(spec.level.rawValue)
                if let from = spec.validFrom { w.raw(","); w.key("valid_from"); w.string(from.description) }
                if let until = spec.validUntil { w.raw(","); w.key("valid_until"); w.string(until.description) }
                if let check = spec.check { w.raw(","); w.key("check"); w.string(check.algorithm.rawValue) }
                if let (text, used) = spec.description(in: language) {
                    w.raw(","); w.key("description"); w.string(text)
                    w.raw(","); w.key("description_language"); w.string(used.rawValue)
                }
                w.raw(","); w.key("examples"); w.number(spec.matchExamples.count + spec.noMatchExamples.count)
                w.raw("}")
            }
            w.raw("]}")
        }
        w.raw("]}")
        return w.bytes
    }
}
