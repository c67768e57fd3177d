// `new`: the commented file a new Party starts from. It loads, is in the canonical layout, and fails `validate`
// on exactly its placeholder example, so the first run of `validate` points the maintainer at what to fill in.
import UIMRegistry

/// The starting file of a new Party's patterns.
public enum PartyTemplate {
    /// `true` when `code` can name a Party file: 1 to 16 ASCII letters or digits.
    public static func isValidCode(_ code: String) -> Bool {
        (1...16).contains(code.utf8.count)
            && code.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
    }

    /// The text of `CODE.yaml` for a Party named `name`, with one commented example pattern valid from `today`.
    public static func text(code: String, name: String, protocolParty: Bool = true, today: Day) -> String {
        let at = SourceLocation(file: "\(code).yaml", line: 1, column: 1)
        let party = Party(code: code, name: name, protocolParty: protocolParty, location: at)
        let spec = PatternSpec(
            id: "\(code)-UNIT", party: code, regex: "\(code)(?<payload>[0-9]{12})(?<check>[0-9])",
            level: .unit, descriptions: [.en: "TODO: what this code marks, in English"],
            check: CheckSpec(algorithm: .luhn), references: ["TODO: legal basis or source URL"],
            validFrom: today,
            matchExamples: [PatternExample(placeholder, at: at)],
            noMatchExamples: [PatternExample("\(code)0000", at: at)],
            location: at)
        let p = "patterns/#\(spec.id)"
        let comments: [(String, Bool, String)] = [
            ("# \(code): \(name). Registry file for UIMRouter (registry format 1).", false, "format"),
            ("# Fill in every TODO, then run `uim-router validate --registry FOLDER`: it names each line still to fix.",
             false, "format"),
            ("# Keep the file canonical with `uim-router fmt --registry FOLDER`.", false, "format"),
            ("# equals the file name", true, "party/code"),
            ("# true for a Party to the Protocol, otherwise false", true, "party/protocol_party"),
            ("# One entry per UIM format your system issues; each id is unique in the whole registry.", false, p),
            ("# PCRE2, matched against the WHOLE UIM. Named groups are the UIM's fields; payload and check feed the",
             false, p + "/regex"),
            ("# check below. TODO: replace this placeholder with your format.",
             false, p + "/regex"),
            ("# unit | aggregated | any", true, p + "/level"),
            ("# ar en es fr ru zh; English is the fallback", true, p + "/description"),
            ("# delete this block when the format has no check character", true, p + "/check"),
            ("# first day UIMs of this format are issued; valid_until: ends it", true, p + "/valid_from"),
            ("# validate checks each one against the regex and the check", true, p + "/examples"),
        ].map { ($0.0, $0.1, $0.2) }
        return RegistryFormatter.place(
            comments.map { YAMLComment(text: $0.0, isTrailing: $0.1, anchor: $0.2) },
            on: CanonicalYAML.lines(party: party, patterns: [spec]))
    }

    /// The `match` example the template ships with: `validate` reports it until it is replaced by a real UIM.
    public static let placeholder = "TODO: a real UIM of this format"
}
