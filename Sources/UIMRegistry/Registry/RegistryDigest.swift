// The registry digest: SHA-256 over the registry's canonical form, so every routing decision can be tied to the
// library version that made it. Comments, layout and file order do not change it; any change of meaning does.
import Crypto

/// The canonical form of a registry and its SHA-256 digest.
///
/// The canonical form is, for every Party in code order, a `--- CODE` line followed by the Party's file in the
/// canonical layout `uim-router fmt` writes, without comments. Two registries with the same digest route every
/// UIM the same way on every day, and hold the same descriptions, references and examples.
public enum RegistryDigest {
    /// The canonical form of the Parties and patterns (patterns keep their order within each Party).
    public static func canonicalForm(parties: [Party], patterns: [PatternSpec]) -> String {
        var byParty: [String: [PatternSpec]] = [:]
        for spec in patterns { byParty[spec.party, default: []].append(spec) }
        let known = Dictionary(parties.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let codes = Set(known.keys).union(byParty.keys).sorted()
        var text = ""
        for code in codes {
            let party = known[code]
                ?? Party(code: code, name: code, protocolParty: false,
                         location: SourceLocation(file: "memory", line: 1, column: 1))
            text += "--- \(code)\n" + CanonicalYAML.text(party: party, patterns: byParty[code] ?? [])
        }
        return text
    }

    /// The SHA-256 of the canonical form, as 64 lower-case hexadecimal digits.
    public static func digest(parties: [Party], patterns: [PatternSpec]) -> String {
        sha256Hex(canonicalForm(parties: parties, patterns: patterns))
    }

    /// The SHA-256 of `text`'s UTF-8 bytes, as 64 lower-case hexadecimal digits.
    static func sha256Hex(_ text: String) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(text.utf8)) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return out
    }
}
