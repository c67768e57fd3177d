// `uim-router list`: the Parties and their patterns — level, validity, check, description, examples — and the
// registry digest.
import ArgumentParser
import UIMRouter

extension Language: ExpressibleByArgument {}

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the Parties and their patterns, with the registry digest.",
        discussion: """
            For each pattern: level, validity window, check algorithm, number of examples and the description \
            in the chosen language; when a pattern has none in that language the English one is shown and the \
            line says so. --format json writes one object with every Party and pattern.

            Examples:
              uim-router list
              uim-router list --party KE --lang fr
              uim-router list --registry ./Patterns --format json
            """
    )

    @OptionGroup var registry: RegistryOptions

    @Option(help: ArgumentHelp("Only this Party.", valueName: "code"))
    var party: String?

    @Option(help: "Language of the descriptions: ar, en, es, fr, ru or zh (falls back to English).")
    var lang: Language = .en

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try registry.load()
        if let party, loaded.party(party) == nil {
            Terminal.printError("uim-router: no Party '\(party)' in \(registry.displayName)")
            throw ExitCode(64)
        }
        let parties = loaded.parties.filter { party == nil || $0.code == party }
        switch format {
        case .text: printText(loaded, parties)
        case .json: print(json(loaded, parties))
        }
    }

    private func printText(_ loaded: Registry, _ parties: [Party]) {
        print("\(registry.displayName): \(loaded.parties.count) Parties, \(loaded.patterns.count) patterns")
        print("digest: sha256:\(loaded.digest)")
        print("release: \(loaded.release.map(\.description) ?? "unsigned")")
        for party in parties {
            let specs = loaded.patterns.filter { $0.party == party.code }
            print("")
            print("\(party.code)  \(party.name)\(party.protocolParty ? "" : " (not a Party to the Protocol)")"
                + "  — \(specs.count) pattern(s)")
            for spec in specs {
                let examples = spec.matchExamples.count + spec.noMatchExamples.count
                print("  \(spec.id)  level \(spec.level.rawValue), valid \(spec.validityText), "
                    + "check \(spec.check?.algorithm.rawValue ?? "none"), \(examples) example(s)")
                if let (text, used) = spec.description(in: lang) {
                    print("    \(text)" + (used == lang ? "" : "  [\(used.rawValue); no \(lang.rawValue) description]"))
                } else {
                    print("    (no description)")
                }
            }
        }
    }

    private func json(_ loaded: Registry, _ parties: [Party]) -> String {
        var w = JSONWriter()
        w.raw("{"); w.key("registry"); w.string(loaded.source)
        w.raw(","); w.key("digest"); w.string(loaded.digest)
        w.raw(","); w.key("release"); w.string(loaded.releaseLabel)
        w.raw(","); w.key("language"); w.string(lang.rawValue)
        w.raw(","); w.key("parties"); w.raw("[")
        for (k, party) in parties.enumerated() {
            if k > 0 { w.raw(",") }
            w.raw("{"); w.key("code"); w.string(party.code)
            w.raw(","); w.key("name"); w.string(party.name)
            w.raw(","); w.key("protocol_party"); if party.protocolParty { w.raw("true") } else { w.raw("false") }
            w.raw(","); w.key("patterns"); w.raw("[")
            for (j, spec) in loaded.patterns.filter({ $0.party == party.code }).enumerated() {
                if j > 0 { w.raw(",") }
                w.raw("{"); w.key("id"); w.string(spec.id)
                w.raw(","); w.key("level"); w.string(spec.level.rawValue)
                if let from = spec.validFrom { w.raw(","); w.key("valid_from"); w.string(from.description) }
                if let until = spec.validUntil { w.raw(","); w.key("valid_until"); w.string(until.description) }
                if let check = spec.check { w.raw(","); w.key("check"); w.string(check.algorithm.rawValue) }
                if let (text, used) = spec.description(in: lang) {
                    w.raw(","); w.key("description"); w.string(text)
                    w.raw(","); w.key("description_language"); w.string(used.rawValue)
                }
                w.raw(","); w.key("examples"); w.number(spec.matchExamples.count + spec.noMatchExamples.count)
                w.raw("}")
            }
            w.raw("]}")
        }
        w.raw("]}")
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
